// Without the account statement the key policy alone decides who can ever manage the key: the
// package warns where that rests on principals easily lost. AWS: if a key policy lets nobody
// manage the key, "you must contact AWS Support" to regain access (KMS developer guide, key
// policies). IAM Identity Center deletes a permission set's AWSReservedSSO_ role when its last
// assignment in the account goes, and a new assignment makes a role with a new suffix, so a new
// ARN (Identity Center user guide, "Referencing permission sets in ... AWS KMS key policies").
import type { Condition } from "../conditions";
import type { Checker } from "./checker";

export const ACCOUNT_ROOT_PATTERN = "^arn:[^:]+:iam::[0-9]{12}:root$";
export const IDENTITY_CENTER_ROLE_PATTERN = "^arn:[^:]+:iam::[0-9]{12}:role/(.*/)?AWSReservedSSO_";

const NO_ROOT =
  "names no account root while enableDefaultAccountAccess is false: if every listed principal is deleted or renamed, nobody can manage the key and only AWS Support can restore access; add your account's root (arn:<partition>:iam::<account>:root), which lets IAM decide, or keep enableDefaultAccountAccess on";
const IDENTITY_CENTER =
  "names an IAM Identity Center role (AWSReservedSSO_...) while enableDefaultAccountAccess is false: Identity Center deletes it when the permission set's last assignment in the account goes and makes a role with a new ARN when one is assigned again, and the key policy then names nobody; name a role you manage, or the account root";

/** `administrators` as given, `when` the condition under which the account statement is off (undefined: it is). */
export function warnFragileManagement(check: Checker, administrators: unknown, when: Condition | undefined): void {
  const scope = when ? { when } : {};
  const known = Array.isArray(administrators) && administrators.every((arn) => check.known(arn)) ? (administrators as string[]) : undefined;
  if (known === undefined || when !== undefined) {
    if (administrators === undefined) return;
    check.warnLater({
      input: "keyAdministratorArns",
      value: administrators,
      message: NO_ROOT,
      kind: "someMatches",
      pattern: ACCOUNT_ROOT_PATTERN,
      ...scope,
    });
    check.warnLater({
      input: "keyAdministratorArns",
      value: administrators,
      message: IDENTITY_CENTER,
      kind: "noneMatches",
      pattern: IDENTITY_CENTER_ROLE_PATTERN,
      ...scope,
    });
    return;
  }
  if (!known.some((arn) => new RegExp(ACCOUNT_ROOT_PATTERN).test(arn))) {
    const single = known.length === 1 ? `has a single administrator (${known[0]}) and ` : "";
    check.warn("keyAdministratorArns", `${single}${NO_ROOT}`);
  }
  known.forEach((arn, index) => {
    if (new RegExp(IDENTITY_CENTER_ROLE_PATTERN).test(arn)) check.warn(`keyAdministratorArns[${index}]`, `${IDENTITY_CENTER} (got ${arn})`);
  });
}
