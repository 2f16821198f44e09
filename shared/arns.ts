import type { Partition } from "./regions";

const PARTITION_PATTERN = "(aws|aws-cn|aws-us-gov)";
/** IAM role and user names: 1-64 of `[\w+=,.@-]` (IAM API reference, CreateRole/CreateUser). */
const MAX_IAM_NAME_LENGTH = 64;
const IAM_NAME = `[\\w+=,.@-]{1,${MAX_IAM_NAME_LENGTH}}`;
/** IAM paths: `/`, or `/` + printable ASCII segments + `/`; `*` is not a character a real path holds. */
const IAM_PATH = "/(?:[\\x21-\\x29\\x2B-\\x7E]+/)*";

const ROLE_ARN = new RegExp(`^arn:${PARTITION_PATTERN}:iam::(\\d{12}):role(${IAM_PATH})(${IAM_NAME})$`);
const ADMIN_ARN = new RegExp(`^arn:${PARTITION_PATTERN}:iam::(\\d{12}):(?:root|(?:role|user)${IAM_PATH}${IAM_NAME})$`);
const SNS_TOPIC_ARN = /^arn:(aws|aws-cn|aws-us-gov):sns:([a-z0-9-]+):(\d{12}):([\w-]{1,256})$/;

/** The role ARN rule as a pattern RE2 (Terraform's regex) reads the same way as JavaScript. */
export const ROLE_ARN_PATTERN = ROLE_ARN.source;
/** The shapes of a key administrator and of an SNS topic ARN, for RE2 too. */
export const ADMIN_ARN_PATTERN = ADMIN_ARN.source;
export const SNS_TOPIC_ARN_PATTERN = SNS_TOPIC_ARN.source;

export interface ParsedRoleArn {
  partition: Partition;
  accountId: string;
  path: string;
  roleName: string;
}

export function parseRoleArn(arn: string): ParsedRoleArn | undefined {
  const match = ROLE_ARN.exec(arn);
  if (!match || arn.length > 2048) return undefined;
  return { partition: match[1] as Partition, accountId: match[2], path: match[3], roleName: match[4] };
}

export interface ParsedPrincipalArn {
  partition: Partition;
  accountId: string;
}

/** An IAM role, user or account root: the principals a key administrator may be. */
export function parseAdministratorArn(arn: string): ParsedPrincipalArn | undefined {
  const match = ADMIN_ARN.exec(arn);
  return match ? { partition: match[1] as Partition, accountId: match[2] } : undefined;
}

export interface ParsedTopicArn {
  partition: Partition;
  region: string;
  accountId: string;
}

export function parseTopicArn(arn: string): ParsedTopicArn | undefined {
  const match = SNS_TOPIC_ARN.exec(arn);
  return match ? { partition: match[1] as Partition, region: match[2], accountId: match[3] } : undefined;
}

/** Says what is wrong with a principal ARN in words a user can act on. */
export function describeBadPrincipal(arn: string, expected: string): string {
  if (arn.includes("*") || arn.includes("?")) return `must not contain wildcards (got "${arn}")`;
  if (/\s/.test(arn)) return `must not contain whitespace (got "${JSON.stringify(arn).slice(1, -1)}")`;
  if (/^arn:[^:]+:sts::/.test(arn)) {
    return `must be an IAM ${expected} ARN, not an STS session ARN (got "${arn}")`;
  }
  if (!/^arn:(aws|aws-cn|aws-us-gov):/.test(arn)) {
    return `must be an ARN in partition aws, aws-cn or aws-us-gov (got "${arn}")`;
  }
  if (!/^arn:[^:]+:iam::\d{12}:/.test(arn)) {
    return `must be an IAM ARN with a 12-digit account id (got "${arn}")`;
  }
  const named = /^arn:[^:]+:iam::\d{12}:(role|user)\/(?:.*\/)?([^/]*)$/.exec(arn);
  if (named && named[2].length > MAX_IAM_NAME_LENGTH) {
    return `has a ${named[1]} name of ${named[2].length} characters, but IAM allows at most ${MAX_IAM_NAME_LENGTH} (got "${arn}")`;
  }
  return `must be an IAM ${expected} ARN like arn:aws:iam::123456789012:${expected === "role" ? "role/path/name" : "role/name"} (got "${arn}")`;
}

/** The principal a caller ARN (as sts:GetCallerIdentity returns it) stands for in a key policy. */
export interface CallerPrincipal {
  partition: string;
  accountId: string;
  /** A role's name: from a session ARN, which carries no IAM path, or from the role's ARN. */
  roleName?: string;
  /** The role's ARN with its path: what a key policy must name (an engine resolves a session to it). */
  roleArn?: string;
  /** An IAM user's ARN. */
  userArn?: string;
  /** A session that stands for no role or user a policy can name (a federated user's). */
  unmatchable?: true;
}

export function parseCallerArn(arn: string): CallerPrincipal | undefined {
  const session = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  if (session) return { partition: session[1], accountId: session[2], roleName: session[3] };
  const iam = /^arn:([\w-]+):iam::(\d{12}):(root|user\/.+|role\/(?:.*\/)?([^/]+))$/.exec(arn);
  if (!iam) {
    // Another session (a federated user, say): only its account is known, so only the root covers it.
    const other = /^arn:([\w-]+):sts::(\d{12}):.+$/.exec(arn);
    return other ? { partition: other[1], accountId: other[2], unmatchable: true } : undefined;
  }
  return {
    partition: iam[1],
    accountId: iam[2],
    ...(iam[3].startsWith("user/") ? { userArn: arn } : {}),
    ...(iam[4] !== undefined ? { roleName: iam[4], roleArn: arn } : {}),
  };
}

/**
 * Whether a key policy naming `administrators` lets the caller manage the key: the caller itself,
 * or its account's root, which hands the decision to the caller's IAM policies. A role is the
 * same principal only under its own path (a policy naming `role/Admin` for `role/ops/Admin`
 * names a role that does not exist); from a bare session ARN, whose path is unknown, only the
 * name can be compared, so the engines resolve the session to its role first.
 */
export function administratorsInclude(administrators: readonly string[], caller: CallerPrincipal): boolean {
  return administrators.some((arn) => {
    if (arn === `arn:${caller.partition}:iam::${caller.accountId}:root`) return true;
    if (caller.unmatchable) return false;
    if (caller.userArn !== undefined) return arn === caller.userArn;
    if (caller.roleArn !== undefined) return arn === caller.roleArn;
    const role = /^arn:([\w-]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
    return role !== null && caller.roleName !== undefined && role[2] === caller.accountId && role[3] === caller.roleName;
  });
}

export interface ParsedKeyArn {
  partition: Partition;
  region: string;
  accountId: string;
  /** `key/<id>` or `alias/<name>`. */
  resource: string;
  isAlias: boolean;
}

const KMS_KEY_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):kms:([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}):(\d{12}):((key)\/[\w-]{1,64}|(alias)\/[\w/-]{1,250})$/;

/** A KMS key ARN, or an alias ARN (which names a key too). */
export function parseKmsKeyArn(arn: string): ParsedKeyArn | undefined {
  const match = KMS_KEY_ARN.exec(arn);
  if (!match) return undefined;
  return { partition: match[1] as Partition, region: match[2], accountId: match[3], resource: match[4], isAlias: match[6] === "alias" };
}
