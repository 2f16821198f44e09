import {
  ADMIN_ARN_PATTERN,
  administratorsInclude,
  describeBadPrincipal,
  parseAdministratorArn,
  parseCallerArn,
  parseRoleArn,
  ROLE_ARN_PATTERN,
} from "../arns";
import { showValue, type Checker } from "./checker";
import { DEFAULTS, type ByokInput } from "../inputs";
import { buildKeyPolicyTemplate, keyPolicyBytes, keyPolicyBytesUpperBound, MAX_KEY_POLICY_BYTES, type PolicyDocument } from "../key-policy";
import type { Partition } from "../regions";

// Who the key policy names: the Camunda role, the administrators, and whether it fits and leaves the key manageable.

const ACCOUNT_ID = /^\d{12}$/;

export function checkRoleArn(check: Checker, arn: unknown, keyPartition: Partition | undefined): Partition | undefined {
  const name = "camundaClusterRoleArn";
  if (arn === undefined || arn === "") {
    check.problem(
      name,
      "is required: the Camunda cluster IAM role ARN the Camunda Console shows for a cluster with Encryption at rest = External",
    );
    return undefined;
  }
  if (!check.known(arn)) {
    check.unlessPending(
      arn,
      {
        input: name,
        message: "must be an IAM role ARN like arn:aws:iam::123456789012:role/path/name",
        kind: "matches",
        pattern: ROLE_ARN_PATTERN,
      },
      () => {},
    );
    return undefined;
  }
  if (!check.string(name, arn)) return undefined;
  const parsed = parseRoleArn(arn);
  if (!parsed) {
    check.problem(name, describeBadPrincipal(arn, "role"));
    return undefined;
  }
  if (keyPartition && parsed.partition !== keyPartition) {
    check.problem(name, `is in partition ${parsed.partition}, but the key's region is in ${keyPartition}`);
  }
  return parsed.partition;
}

export function checkAdministrators(
  check: Checker,
  input: ByokInput,
  keyPartition: Partition | undefined,
  keyAccountId: string | undefined,
  deployerArn?: string,
): void {
  check.boolean("enableDefaultAccountAccess", input.enableDefaultAccountAccess);
  if (keyAccountId !== undefined && check.known(keyAccountId) && !ACCOUNT_ID.test(keyAccountId)) {
    check.problem("keyAccountId", `must be a 12-digit AWS account id (got ${showValue(keyAccountId)})`);
  }
  if (check.pending(input.keyAdministratorArns)) {
    check.defer({
      input: "keyAdministratorArns",
      value: input.keyAdministratorArns,
      message: "must hold only IAM role, user or account root ARNs",
      kind: "eachMatches",
      pattern: ADMIN_ARN_PATTERN,
    });
  }
  const administrators = check.list("keyAdministratorArns", input.keyAdministratorArns);
  const accounts: string[] = [];
  for (const admin of administrators) {
    if (!check.string(admin.name, admin.value)) continue;
    const parsed = parseAdministratorArn(admin.value);
    if (!parsed) {
      check.problem(admin.name, describeBadPrincipal(admin.value, "role, user or root"));
    } else if (keyPartition && parsed.partition !== keyPartition) {
      check.problem(admin.name, `is in partition ${parsed.partition}, but the key is in ${keyPartition}`);
    } else if (admin.value === input.camundaClusterRoleArn) {
      check.problem(admin.name, "is the Camunda cluster role, which may use the key but must never manage it");
    } else {
      accounts.push(parsed.accountId);
    }
  }
  // Without the account statement someone in the key's account must keep PutKeyPolicy, or AWS
  // rejects the policy (MalformedPolicyDocumentException) and the key could never be managed again.
  if (input.enableDefaultAccountAccess !== false) return;
  const list = input.keyAdministratorArns;
  if (list === undefined || (Array.isArray(list) && list.length === 0)) {
    check.problem(
      "keyAdministratorArns",
      "must name at least one administrator when enableDefaultAccountAccess is false, or nobody could manage the key (AWS rejects such a policy)",
    );
    return;
  }
  const everyAccountKnown = Array.isArray(list) && accounts.length === list.length;
  if (everyAccountKnown && keyAccountId !== undefined && check.known(keyAccountId) && !accounts.includes(keyAccountId)) {
    check.problem(
      "keyAdministratorArns",
      `must name an administrator in the key's account ${keyAccountId} when enableDefaultAccountAccess is false, or nobody there could manage the key`,
    );
    return;
  }
  checkDeployerAdministers(check, list, deployerArn);
}

/**
 * AWS's lockout safety check: CreateKey and ReplicateKey fail (MalformedPolicyDocumentException)
 * unless the new policy lets the principal making the request call PutKeyPolicy later. Without the
 * account statement that principal must be an administrator, or its account root must be one.
 */
function checkDeployerAdministers(check: Checker, administrators: unknown, deployerArn: string | undefined): void {
  const message =
    "must include the principal that deploys the key when enableDefaultAccountAccess is false, or AWS refuses to create it (MalformedPolicyDocumentException: the policy would lock its creator out); add the deploying role to keyAdministratorArns, or keep enableDefaultAccountAccess on";
  const known = Array.isArray(administrators) && administrators.every((arn) => check.known(arn)) ? (administrators as string[]) : undefined;
  if (deployerArn === undefined || !check.known(deployerArn)) {
    // The engine learns the deployer at plan time: let it check then.
    check.deferred.push({ input: "keyAdministratorArns", value: administrators, message, kind: "deployerAdministers" });
    return;
  }
  const caller = parseCallerArn(deployerArn);
  if (known && caller && !administratorsInclude(known, caller)) {
    const principal = caller.userArn ?? (caller.roleName ? `the role ${caller.roleName} of account ${caller.accountId}` : deployerArn);
    check.problem("keyAdministratorArns", `${message} (deploying as ${deployerArn}: ${principal})`);
  }
}

/** AWS counts the policy as sent; the account id is always 12 characters. */
export function checkPolicySize(check: Checker, input: ByokInput, built?: PolicyDocument<unknown>): void {
  const strings = {
    camundaClusterRoleArn: check.known(input.camundaClusterRoleArn) ? String(input.camundaClusterRoleArn) : "",
    keyAccountId: "000000000000",
    partition: "aws-us-gov",
    keyAdministratorArns: (input.keyAdministratorArns ?? []).filter((arn) => check.known(arn)).map(String),
  };
  // Serializing is most of the cost of a policy; only a policy that might be too big needs it.
  if (keyPolicyBytesUpperBound(strings) <= MAX_KEY_POLICY_BYTES) return;
  const policy =
    built ??
    buildKeyPolicyTemplate({
      ...strings,
      enableDefaultAccountAccess: input.enableDefaultAccountAccess ?? DEFAULTS.enableDefaultAccountAccess,
      restrictGrantsToAwsResources: input.restrictGrantsToAwsResources ?? DEFAULTS.restrictGrantsToAwsResources,
    });
  const bytes = keyPolicyBytes(policy);
  if (bytes > MAX_KEY_POLICY_BYTES) {
    check.problem(
      "keyAdministratorArns",
      `make the key policy ${bytes} bytes, over AWS's limit of ${MAX_KEY_POLICY_BYTES}; use fewer administrators (an IAM role they assume, say)`,
    );
  }
}
