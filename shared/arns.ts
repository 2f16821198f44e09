import type { Partition } from "./regions";

const PARTITION_PATTERN = "(aws|aws-cn|aws-us-gov)";
/** IAM role and user names: 1-64 of `[\w+=,.@-]` (IAM API reference, CreateRole/CreateUser). */
const MAX_IAM_NAME_LENGTH = 64;
const IAM_NAME = `[\\w+=,.@-]{1,${MAX_IAM_NAME_LENGTH}}`;
/** IAM paths: `/`, or `/` + printable ASCII segments + `/`; `*` is not a character a real path holds. */
const IAM_PATH = "/(?:[\\x21-\\x29\\x2B-\\x7E]+/)*";

const ROLE_ARN = new RegExp(`^arn:${PARTITION_PATTERN}:iam::(\\d{12}):role(${IAM_PATH})(${IAM_NAME})$`);
const ADMIN_ARN = new RegExp(
  `^arn:${PARTITION_PATTERN}:iam::(\\d{12}):(?:root|(?:role|user)${IAM_PATH}${IAM_NAME})$`,
);
const SNS_TOPIC_ARN = /^arn:(aws|aws-cn|aws-us-gov):sns:([a-z0-9-]+):(\d{12}):([\w-]{1,256})$/;

/** The role ARN rule as a pattern RE2 (Terraform's regex) reads the same way as JavaScript. */
export const ROLE_ARN_PATTERN = ROLE_ARN.source;

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
