// The core's checks on values known only later (shared/checks/checker.ts) as Terraform conditions,
// with the core's message and, where it can, the offending value or elements named.
import { ACCOUNT_ID, type CheckOnUnknown, DEPLOYER_ARN, PARTITION, PARTITION_REGION_PREFIXES } from "../../shared/internal";
import { conditionHcl } from "./conditions-hcl";
import { printHcl, quoted } from "./hcl";
import { snakeCase, terraformWords } from "./names";
import { expression } from "./unknowns";
import type { HclConverter } from "./values-hcl";

export interface PrintedCheck {
  condition: string;
  /** The message as a string that may hold unknown values (printed as interpolations). */
  message: string;
}

const list = (values: readonly string[]) => `[${values.map((value) => JSON.stringify(value)).join(", ")}]`;

/** A region's partition, as its name tells (the core's prefixes). */
export function partitionHcl(region: string): string {
  return Object.entries(PARTITION_REGION_PREFIXES).reduceRight(
    (otherwise, [partition, prefix]) => `startswith(${region}, ${JSON.stringify(prefix)}) ? ${JSON.stringify(partition)} : ${otherwise}`,
    '"aws"',
  );
}

/** What must hold, and what to show where it does not (text whose unknown values are interpolations). */
function rule(check: CheckOnUnknown, v: string, other: (value: unknown) => string): { holds: string; got?: string } {
  const shown = expression(`jsonencode(${v})`);
  const failing = (items: string, element: string, test: string) =>
    expression(`join(", ", [for ${element} in ${items} : jsonencode(${element}) if !(${test})])`);
  const regex = (text: string, subject: string) => `can(regex(${quoted(text)}, ${subject}))`;
  switch (check.kind) {
    case "matches":
      return { holds: regex(check.pattern, v), got: shown };
    case "notMatches":
      return { holds: `!${regex(check.pattern, v)}`, got: shown };
    case "oneOf":
      return { holds: `contains(${list(check.values)}, ${v})`, got: shown };
    case "wholeNumberBetween":
      return { holds: `${v} >= ${check.min} && ${v} <= ${check.max} && floor(${v}) == ${v}`, got: expression(v) };
    case "equals":
      return { holds: `${v} == ${other(check.other)}` };
    case "differsFrom":
      return { holds: `${v} != ${other(check.other)}`, got: shown };
    case "lastPartDiffers": {
      const last = (text: string) => `element(split("/", ${text}), length(split("/", ${text})) - 1)`;
      return { holds: `${last(v)} != ${last(other(check.other))}`, got: shown };
    }
    case "arnInRegion":
      return { holds: `try(split(":", ${v})[3], "") == ${other(check.region)}`, got: shown };
    case "arnInPartitionOf": {
      const region = other(check.region);
      const expected = `(${partitionHcl(region)})`;
      const test = (arn: string) => `try(split(":", ${arn})[1], "") == ${expected}`;
      const where = `; ${expression(region)} is in partition ${expression(expected)}`;
      return check.each
        ? { holds: `alltrue([for arn in ${v} : ${test("arn")}])`, got: `${failing(v, "arn", test("arn"))}${where}` }
        : { holds: test(v), got: `partition ${expression(`try(split(":", ${v})[1], "?")`)}${where}` };
    }
    case "regionInPartitionOf":
      return { holds: `(${partitionHcl(v)}) == (${partitionHcl(other(check.region))})`, got: shown };
    case "eachMatches": {
      const test = regex(check.pattern, "element");
      return { holds: `alltrue([for element in ${v} : ${test}])`, got: failing(v, "element", test) };
    }
    case "someMatches":
      return { holds: `anytrue([for element in ${v} : ${regex(check.pattern, "element")}])` };
    case "noneMatches": {
      const test = `!${regex(check.pattern, "element")}`;
      return { holds: `alltrue([for element in ${v} : ${test}])`, got: failing(v, "element", test) };
    }
    case "distinctElements":
      return check.ignoreCase
        ? { holds: `length(distinct([for element in ${v} : lower(element)])) == length(${v})` }
        : { holds: `length(distinct(${v})) == length(${v})` };
    case "notEmpty":
      return { holds: `length(${v}) > 0` };
    case "lengthAtMost":
      // Terraform evaluates a message even where the condition holds, a null input included.
      return { holds: `length(${v}) <= ${check.max}`, got: `${expression(`try(length(${v}), 0)`)} characters` };
    case "encodedLengthAtMost":
      return { holds: `length(jsonencode(${v})) <= ${check.max}`, got: `${expression(`length(jsonencode(${v}))`)} characters of names` };
    case "excludes":
      return { holds: `!contains(${v}, ${other(check.other)})` };
    case "mapSizeAtMost":
      return { holds: `length(${v}) <= ${check.max}`, got: expression(`length(${v})`) };
    case "eachKeyMatches": {
      const test = `${check.negate ? "!" : ""}${regex(check.pattern, "key")}`;
      return { holds: `alltrue([for key in keys(${v}) : ${test}])`, got: failing(`keys(${v})`, "key", test) };
    }
    case "keysExclude": {
      const test = `!contains(${list(check.keys)}, key)`;
      return { holds: `alltrue([for key in keys(${v}) : ${test}])`, got: failing(`keys(${v})`, "key", test) };
    }
    case "eachValueMatches":
      return { holds: `alltrue([for value in values(${v}) : ${regex(check.pattern, "value")}])` };
    case "deployerAdministers": {
      const root = other({ $join: ["arn:", PARTITION, ":iam::", ACCOUNT_ID, ":root"] });
      return { holds: `contains(${v}, ${other(DEPLOYER_ARN)}) || contains(${v}, ${root})` };
    }
    case "pairedWith": {
      const pairs = Object.entries(check.pairs).map(([from, to]) => `${JSON.stringify(from)} = ${JSON.stringify(to)}`);
      return { holds: `lookup({ ${pairs.join(", ")} }, ${other(check.region)}, "") == ${v}`, got: shown };
    }
    case "holds":
      return { holds: conditionHcl(check.condition) };
  }
}

/** A check as a Terraform condition (scoped by its `when`) and message, values read through `convert`. */
export function printCheck(check: CheckOnUnknown, convert: HclConverter): PrintedCheck {
  const hcl = (value: unknown) => printHcl(convert.convert(value));
  const { holds, got } = rule(check, check.value === undefined ? "" : hcl(check.value), hcl);
  // Terraform's || evaluates both sides (a null argument fails the call); a conditional does not.
  const condition = check.when === undefined ? holds : `${conditionHcl(check.when)} ? ${holds} : true`;
  const [top] = check.input.split(/[.[]/);
  const message = `camunda-byok-kms: ${snakeCase(top)}${check.input.slice(top.length)} ${terraformWords(convert.text(check.message))}`;
  return { condition, message: `${message}${got === undefined ? "" : ` (got ${got})`}.` };
}
