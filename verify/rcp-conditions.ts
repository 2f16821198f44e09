// Whether a resource control policy's Deny statement applies to the Camunda role's call on the
// key. RCPs name Principal "*" and narrow themselves by conditions; a few of their keys are known
// for Camunda's call, the rest are not, and an unknown key makes the verdict "maybe", never "no".
import { list, wildcard } from "./policy-evaluation";

export type Applies = "yes" | "no" | "maybe";

export interface CallerFacts {
  roleArn: string;
  account: string;
}

/**
 * What a condition key holds for Camunda's call: its account and role, not an AWS service, and
 * not in the organization whose RCP this is (Camunda's principal lives in Camunda's account, so
 * the customer's organization ids and paths never match it). Anything else: unknown.
 */
function known(key: string, caller: CallerFacts): { values: string[] } | "absent-from-customer-org" | undefined {
  switch (key.toLowerCase()) {
    case "aws:principalaccount":
      return { values: [caller.account] };
    case "aws:principalarn":
      return { values: [caller.roleArn] };
    case "aws:principalisawsservice":
      return { values: ["false"] };
    case "aws:principalorgid":
    case "aws:principalorgpaths":
      return "absent-from-customer-org";
    default:
      return undefined;
  }
}

function test(operator: string, key: string, expected: string[], caller: CallerFacts): Applies {
  const ifExists = operator.endsWith("IfExists");
  const base = ifExists ? operator.slice(0, -"IfExists".length) : operator;
  const fact = known(key, caller);
  if (fact === undefined) return "maybe";
  const negated = /Not/.test(base);
  if (fact === "absent-from-customer-org") {
    // The value is Camunda's organization (or none): it matches none of the customer's values.
    if (!/^(String|Arn)/.test(base)) return "maybe";
    return negated ? "yes" : "no";
  }
  const like = /Like$/.test(base) || /^Arn/.test(base);
  const ignoreCase = /IgnoreCase/.test(base);
  let matches: boolean;
  if (/^Bool$/.test(base)) matches = expected.some((value) => value.toLowerCase() === fact.values[0]);
  else if (/^(String|Arn)/.test(base)) {
    matches = fact.values.some((actual) =>
      expected.some((value) =>
        like ? wildcard(value, actual, ignoreCase) : ignoreCase ? value.toLowerCase() === actual.toLowerCase() : value === actual,
      ),
    );
  } else return "maybe";
  return (negated ? !matches : matches) ? "yes" : "no";
}

/** Every operator and every key of a condition must hold for the statement to apply. */
export function conditionApplies(condition: unknown, caller: CallerFacts): Applies {
  if (condition === undefined || condition === null) return "yes";
  let result: Applies = "yes";
  for (const [operator, keys] of Object.entries(condition as Record<string, Record<string, unknown>>)) {
    for (const [key, values] of Object.entries(keys ?? {})) {
      const one = test(operator, key, list(values), caller);
      if (one === "no") return "no";
      if (one === "maybe") result = "maybe";
    }
  }
  return result;
}
