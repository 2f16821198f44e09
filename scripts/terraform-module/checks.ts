// The core's checks as Terraform conditions and messages, in the module's words.
import type { ByokProblem } from "../../shared";
import type { DeferredCheck } from "../../shared/internal";
import { terraformWords } from "./names";
import { wholeExpression } from "./symbols";

/** What the module reads for the deployment's own values. */
export const DEPLOYMENT_REFERENCES: Record<string, string> = {
  "account.id": "data.aws_caller_identity.current.account_id",
  "partition.name": "data.aws_partition.current.partition",
  "each.value": "each.value",
};

/** What a check's value must satisfy, as HCL over `value`. */
export function checkCondition(check: DeferredCheck, value: string): string {
  switch (check.kind) {
    case "matches":
      return `can(regex(${JSON.stringify(check.pattern)}, ${value}))`;
    case "notMatches":
      return `!can(regex(${JSON.stringify(check.pattern)}, ${value}))`;
    case "differsFrom":
      return `${value} != ${otherValue(check.other)}`;
    case "arnInRegion":
      return `try(split(":", ${value})[3], "") == ${otherValue(check.region)}`;
    case "eachMatches":
      return `alltrue([for element in ${value} : can(regex(${JSON.stringify(check.pattern)}, element))])`;
    case "distinctElements":
      return check.ignoreCase
        ? `length(distinct([for element in ${value} : lower(element)])) == length(${value})`
        : `length(distinct(${value})) == length(${value})`;
    case "notEmpty":
      return `length(${value}) > 0`;
    case "mapEntries": {
      const entry = [
        `can(regex(${JSON.stringify(check.keyPattern)}, key))`,
        `!can(regex(${JSON.stringify(check.keyExcludedPattern)}, key))`,
        `!contains(${JSON.stringify(check.reservedKeys).replace(/,/g, ", ")}, key)`,
        `can(regex(${JSON.stringify(check.valuePattern)}, value))`,
      ].join(" && ");
      return `length(${value}) <= ${check.maxEntries} && alltrue([for key, value in ${value} : ${entry}])`;
    }
    case "oneOf":
      return `contains(${JSON.stringify(check.values).replace(/,/g, ", ")}, ${value})`;
    case "wholeNumberBetween":
      return `${value} >= ${check.min} && ${value} <= ${check.max} && floor(${value}) == ${value}`;
    case "deployerAdministers":
      return `contains(${value}, ${DEPLOYER_ARN}) || contains(${value}, "arn:\${${DEPLOYMENT_REFERENCES["partition.name"]}}:iam::\${${DEPLOYMENT_REFERENCES["account.id"]}}:root")`;
  }
}

function otherValue(other: unknown): string {
  const found = typeof other === "string" ? wholeExpression(other) : undefined;
  if (found === undefined) throw new Error("a comparison with a value the module does not know");
  return found;
}

export const DEPLOYER_ARN = "one(data.aws_iam_session_context.deployer[*].issuer_arn)";

export function problemMessage(problem: ByokProblem): string {
  return `camunda-byok-kms: ${terraformWords(`${problem.input} ${problem.message}`)}`;
}
