import {
  ADMIN_ARN_PATTERN,
  administratorsInclude,
  describeBadPrincipal,
  parseAdministratorArn,
  parseCallerArn,
  parseRoleArn,
  ROLE_ARN_PATTERN,
} from "../arns";
import { any, type Condition, isNonEmpty, isTrue, not } from "../conditions";
import type { ByokInput } from "../inputs";
import type { Partition } from "../regions";
import { type Checker, showValue } from "./checker";
import { warnFragileManagement } from "./fragile-management";
import { checkArnPartition } from "./regions";

// Who the key policy names: the Camunda role and the administrators, and whether the key stays manageable.

const ACCOUNT_ID = /^\d{12}$/;

/** Without the account statement someone must keep the key manageable; AWS's lockout check wants the deployer. */
const NOBODY_MANAGES =
  "must name at least one administrator when enableDefaultAccountAccess is false, or nobody could manage the key (AWS rejects such a policy)";
const DEPLOYER_LOCKED_OUT =
  "must include the principal that deploys the key when enableDefaultAccountAccess is false, or AWS refuses to create it (MalformedPolicyDocumentException: the policy would lock its creator out); add the deploying role to keyAdministratorArns, or keep enableDefaultAccountAccess on";

export function checkRoleArn(
  check: Checker,
  arn: unknown,
  keyPartition: Partition | undefined,
  clusterRegion: unknown,
): Partition | undefined {
  const name = "camundaClusterRoleArn";
  if (arn === undefined || arn === "") {
    check.problem(
      name,
      "is required: the Camunda cluster IAM role ARN the Camunda Console shows for a cluster with Encryption at rest = External",
    );
    return undefined;
  }
  checkArnPartition(check, name, arn, clusterRegion);
  if (check.unknown(arn)) {
    check.later({
      input: name,
      value: arn,
      message: "must be an IAM role ARN like arn:aws:iam::123456789012:role/path/name",
      kind: "matches",
      pattern: ROLE_ARN_PATTERN,
    });
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

/** A list of IAM principals the policy names (administrators, or who may delete the key). */
export function checkPrincipalList(
  check: Checker,
  input: "keyAdministratorArns" | "keyDeletionAllowedArns",
  list: unknown,
  roleArn: unknown,
  keyPartition: Partition | undefined,
  clusterRegion: unknown,
): string[] {
  if (check.unknown(list)) {
    check.later({
      input,
      value: list,
      message: "must hold only IAM role, user or account root ARNs",
      kind: "eachMatches",
      pattern: ADMIN_ARN_PATTERN,
    });
    check.later({
      input,
      value: list,
      message: "must not name the Camunda cluster role, which may use the key but must never manage it",
      kind: "excludes",
      other: roleArn,
    });
  }
  checkArnPartition(check, input, list, clusterRegion, true);
  const accounts: string[] = [];
  for (const principal of check.list(input, list)) {
    if (!check.string(principal.name, principal.value)) continue;
    const parsed = parseAdministratorArn(principal.value);
    if (!parsed) {
      check.problem(principal.name, describeBadPrincipal(principal.value, "role, user or root"));
    } else if (keyPartition && parsed.partition !== keyPartition) {
      check.problem(principal.name, `is in partition ${parsed.partition}, but the key is in ${keyPartition}`);
    } else if (principal.value === roleArn) {
      check.problem(principal.name, "is the Camunda cluster role, which may use the key but must never manage it");
    } else {
      accounts.push(parsed.accountId);
    }
  }
  return accounts;
}

export function checkAdministrators(
  check: Checker,
  input: ByokInput,
  keyPartition: Partition | undefined,
  keyAccountId: unknown,
  deployerArn: string | undefined,
): void {
  check.boolean("enableDefaultAccountAccess", input.enableDefaultAccountAccess);
  if (typeof keyAccountId === "string" && !ACCOUNT_ID.test(keyAccountId)) {
    check.problem("keyAccountId", `must be a 12-digit AWS account id (got ${showValue(keyAccountId)})`);
  }
  const list = input.keyAdministratorArns;
  const accounts = checkPrincipalList(check, "keyAdministratorArns", list, input.camundaClusterRoleArn, keyPartition, input.clusterRegion);
  check.boolean("preventDestroy", input.preventDestroy);
  checkPrincipalList(
    check,
    "keyDeletionAllowedArns",
    input.keyDeletionAllowedArns,
    input.camundaClusterRoleArn,
    keyPartition,
    input.clusterRegion,
  );
  if (input.preventDestroy === false && Array.isArray(input.keyDeletionAllowedArns) && input.keyDeletionAllowedArns.length > 0) {
    check.warn(
      "keyDeletionAllowedArns",
      "is ignored because preventDestroy is false: without DenyKeyDeletion, whoever IAM allows may schedule the key's deletion",
    );
  }

  // Without the account statement someone in the key's account must keep PutKeyPolicy, or AWS
  // rejects the policy (MalformedPolicyDocumentException) and the key could never be managed again.
  const accountAccess = isTrue("enableDefaultAccountAccess");
  check.require("keyAdministratorArns", NOBODY_MANAGES, any(accountAccess, isNonEmpty("keyAdministratorArns")));
  const accessDecided = check.choices.decide(accountAccess);
  if (accessDecided === true || check.problems.some((p) => p.message === NOBODY_MANAGES)) return;
  const when = accessDecided === false ? undefined : not(accessDecided);
  const everyAccountKnown = Array.isArray(list) && accounts.length === list.length;
  const inAccount = `must name an administrator in the key's account when enableDefaultAccountAccess is false, or nobody there could manage the key`;
  if (everyAccountKnown && typeof keyAccountId === "string" && check.known(keyAccountId)) {
    if (!accounts.includes(keyAccountId)) {
      check.problem("keyAdministratorArns", inAccount.replace("the key's account", `the key's account ${keyAccountId}`));
      return;
    }
  }
  warnFragileManagement(check, list, when);
  // Where the account is known only later, the deployer check below implies this one: whoever deploys is in the key's account.
  checkDeployerAdministers(check, list, deployerArn, when);
}

/**
 * AWS's lockout safety check: CreateKey and ReplicateKey fail (MalformedPolicyDocumentException)
 * unless the new policy lets the principal making the request call PutKeyPolicy later. Without the
 * account statement that principal must be an administrator, or its account root must be one.
 */
function checkDeployerAdministers(
  check: Checker,
  administrators: unknown,
  deployerArn: string | undefined,
  when: Condition | undefined,
): void {
  const known = Array.isArray(administrators) && administrators.every((arn) => check.known(arn)) ? (administrators as string[]) : undefined;
  if (deployerArn === undefined) {
    // The engine learns who deploys at plan time: it checks then, before the key is created.
    check.later({
      input: "keyAdministratorArns",
      value: administrators,
      message: DEPLOYER_LOCKED_OUT,
      kind: "deployerAdministers",
      guards: "key",
      ...(when ? { when } : {}),
    });
    return;
  }
  const caller = parseCallerArn(deployerArn);
  if (!known) return;
  if (!caller || (caller.unmatchable && !administratorsInclude(known, caller))) {
    // A deployer the package cannot read (a federated user, say) cannot be shown to administer the key: fail closed.
    check.problem(
      "keyAdministratorArns",
      `${DEPLOYER_LOCKED_OUT} (deploying as ${deployerArn}, which is not an IAM role, user or account root this package can match; its account's root among the administrators covers it)`,
    );
  } else if (!administratorsInclude(known, caller)) {
    const principal = caller.userArn ?? (caller.roleName ? `the role ${caller.roleName} of account ${caller.accountId}` : deployerArn);
    check.problem("keyAdministratorArns", `${DEPLOYER_LOCKED_OUT} (deploying as ${deployerArn}: ${principal})`);
  }
}
