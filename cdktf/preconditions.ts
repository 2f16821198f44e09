import { Fn, Op, type Precondition, TerraformIterator, Token } from "cdktf";
import type { ByokSpec } from "../shared";
import {
  type CheckOnUnknown,
  describeProblem,
  isRef,
  PARTITION_REGION_PREFIXES,
  partitionOfRegion,
  renderTemplate,
  type TemplateRenderer,
} from "../shared/internal";

/**
 * A string as a literal inside a Terraform expression. cdktf quotes literal function arguments and
 * escapes `${` and newlines, but passes backslashes and quotes through, and HCL's parser rejects
 * `\d`, `\/` or `\x21` (hashicorp/terraform-cdk: strings go into expressions as written).
 */
export function hclStringLiteral(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/%\{/g, "%%{");
}

function unsupported(check: CheckOnUnknown): never {
  throw new Error(`camunda-byok-kms: no Terraform condition for ${JSON.stringify(check.kind)} in the construct`);
}

/** `[for key, val in <list> : <expression over val>]`, as a list token. */
function forEachElement(list: unknown, expression: string): string[] {
  return Token.asList(TerraformIterator.fromList(list as string[]).forExpressionForList(expression));
}

/** The partition of a region: known now, or by its prefix (the core's table says which). */
function partitionOf(region: unknown): unknown {
  if (typeof region === "string" && !Token.isUnresolved(region)) return partitionOfRegion(region) ?? "aws";
  // tostring() parenthesizes the conditional, which cdktf writes bare inside a comparison.
  return Fn.tostring(
    Object.entries(PARTITION_REGION_PREFIXES).reduceRight<unknown>(
      (otherwise, [partition, prefix]) => Fn.conditional(Fn.startswith(region as string, prefix), partition, otherwise),
      "aws",
    ),
  );
}

/** A Terraform condition that holds exactly when the check passes; its values already rendered. */
function terraformCondition(
  check: CheckOnUnknown,
  render: (value: unknown) => unknown,
  deployerArn: () => string,
  root: () => string,
): unknown {
  const value = render(check.value) as string;
  const list = value as unknown as string[];
  switch (check.kind) {
    case "deployerAdministers":
      // The deployer itself (a session's role, with its path), or its account's root.
      return Op.or(Fn.contains(list, deployerArn()), Fn.contains(list, root()));
    case "matches":
      return Fn.can(Fn.regex(hclStringLiteral(check.pattern), value));
    case "notMatches":
      return Op.not(Fn.can(Fn.regex(hclStringLiteral(check.pattern), value)));
    case "equals":
      return Op.eq(value, render(check.other));
    case "differsFrom":
      return Op.neq(value, render(check.other));
    case "lastPartDiffers": {
      const last = (text: unknown) => Fn.element(Fn.split("/", text as string), Op.sub(Fn.lengthOf(Fn.split("/", text as string)), 1));
      return Op.neq(last(value), last(render(check.other)));
    }
    case "arnInRegion":
      // A malformed ARN fails its own "matches" check; element() only has to read a good one.
      return Op.eq(Fn.element(Fn.split(":", value), 3), render(check.region));
    case "arnInPartitionOf":
      if (check.each) return unsupported(check);
      return Op.eq(Fn.element(Fn.split(":", value), 1), partitionOf(render(check.region)));
    case "regionInPartitionOf":
      return Op.eq(partitionOf(value), partitionOf(render(check.region)));
    case "eachMatches":
      return Fn.alltrue(forEachElement(list, `can(regex("${hclStringLiteral(check.pattern)}", val))`));
    case "distinctElements":
      return Op.eq(Fn.lengthOf(Fn.distinct(check.ignoreCase ? forEachElement(list, "lower(val)") : list)), Fn.lengthOf(list));
    case "notEmpty":
      return Op.gt(Fn.lengthOf(list), 0);
    case "lengthAtMost":
      return Op.lte(Fn.lengthOf(value), check.max);
    case "encodedLengthAtMost":
      return Op.lte(Fn.lengthOf(Fn.jsonencode(list)), check.max);
    case "oneOf":
      return Fn.contains([...check.values], value);
    case "excludes":
      return Op.not(Fn.contains(list, render(check.other)));
    case "wholeNumberBetween":
      return Op.and(Op.and(Op.gte(value, check.min), Op.lte(value, check.max)), Op.eq(Fn.floor(value as unknown as number), value));
    default:
      // Whole lists and maps known only to Terraform are refused before preconditions are made,
      // and the construct decides every choice itself.
      return unsupported(check);
  }
}

/**
 * The key's preconditions: the core's checks on values Terraform knows only at plan time (token
 * inputs, the provider's region, the deployer). A failed precondition stops `terraform plan`
 * before anything is created.
 */
export function keyPreconditions(
  spec: ByokSpec,
  renderer: TemplateRenderer<unknown>,
  lookups: { deployerArn(): string; root(): string },
): Precondition[] {
  const render = (value: unknown) => renderTemplate(value, renderer);
  return spec.checksOnUnknowns.map((check) => {
    // A live setting (an adopted key's) is named with its value, as the module names it.
    const got = check.kind === "oneOf" && isRef(check.value) ? ` (got ${render(check.value)})` : "";
    return {
      condition: terraformCondition(check, render, lookups.deployerArn, lookups.root),
      errorMessage: `camunda-byok-kms: ${describeProblem({ input: check.input, message: String(render(check.message)) })}${got}.`,
    };
  });
}
