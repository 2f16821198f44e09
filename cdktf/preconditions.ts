import { Fn, Op, TerraformIterator, Token, type Precondition } from "cdktf";
import type { ByokSpec } from "../shared";
import { describeProblem, providerRegionMismatch, type DeferredCheck } from "../shared/internal";
import type { ProviderLookups } from "./provider-lookups";

/**
 * A string as a literal inside a Terraform expression. cdktf quotes literal function arguments and
 * escapes `${` and newlines, but passes backslashes and quotes through, and HCL's parser rejects
 * `\d`, `\/` or `\x21` (hashicorp/terraform-cdk: strings go into expressions as written).
 */
export function hclStringLiteral(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/%\{/g, "%%{");
}

function unreachable(check: never): never {
  throw new Error(`camunda-byok-kms: no Terraform condition for ${JSON.stringify(check)}`);
}

/** `[for key, val in <list> : <expression over val>]`, as a list token. */
function forEachElement(list: unknown, expression: string): string[] {
  return Token.asList(TerraformIterator.fromList(list as string[]).forExpressionForList(expression));
}

/** A Terraform condition that holds exactly when the deferred check passes. */
function terraformCondition(check: DeferredCheck, lookups: ProviderLookups): unknown {
  const value = check.value as string;
  const list = check.value as string[];
  switch (check.kind) {
    case "deployerAdministers": {
      // The deployer itself (a session's role, with its path), or its account's root.
      const administrators = check.value as string[];
      const root = `arn:${lookups.partition()}:iam::${lookups.accountId}:root`;
      return Op.or(Fn.contains(administrators, lookups.deployerArn()), Fn.contains(administrators, root));
    }
    case "matches":
      return Fn.can(Fn.regex(hclStringLiteral(check.pattern), value));
    case "notMatches":
      return Op.not(Fn.can(Fn.regex(hclStringLiteral(check.pattern), value)));
    case "differsFrom":
      return Op.neq(value, check.other);
    case "arnInRegion":
      // A malformed ARN fails its own "matches" check; element() only has to read a good one.
      return Op.eq(Fn.element(Fn.split(":", value), 3), check.region);
    case "eachMatches":
      return Fn.alltrue(forEachElement(list, `can(regex("${hclStringLiteral(check.pattern)}", val))`));
    case "distinctElements":
      return Op.eq(Fn.lengthOf(Fn.distinct(check.ignoreCase ? forEachElement(list, "lower(val)") : list)), Fn.lengthOf(list));
    case "notEmpty":
      return Op.gt(Fn.lengthOf(list), 0);
    case "mapEntries":
      // A whole map of tags known only to Terraform is refused before preconditions are made.
      throw new Error("camunda-byok-kms: no Terraform condition for a map the construct refuses");
    case "oneOf":
      return Fn.contains([...check.values], value);
    case "wholeNumberBetween":
      return Op.and(Op.and(Op.gte(value, check.min), Op.lte(value, check.max)), Op.eq(Fn.floor(value as unknown as number), value));
    default:
      return unreachable(check);
  }
}

/**
 * The key's preconditions. The key is created in the provider's region, which Terraform learns
 * only at plan time, and token inputs are known only then too: a failed precondition stops
 * `terraform plan` before anything is created.
 */
export function keyPreconditions(spec: ByokSpec, clusterRegion: string, lookups: ProviderLookups): Precondition[] {
  return [
    {
      condition: Op.eq(lookups.region, clusterRegion),
      errorMessage: `camunda-byok-kms: ${describeProblem({ input: "clusterRegion", message: providerRegionMismatch(clusterRegion, lookups.region) })}`,
    },
    ...spec.deferredChecks.map((check) => ({
      condition: terraformCondition(check, lookups),
      errorMessage: `camunda-byok-kms: ${describeProblem(check)}.`,
    })),
  ];
}
