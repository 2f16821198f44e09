import { join, type TemplateString } from "./template";

/**
 * What the Camunda cluster role does with the key: Camunda's published policy ("AWS KMS setup",
 * docs.camunda.io, 2026), which supersedes the draft guide's three actions. A policy Camunda
 * cannot fully use makes the cluster behave as if the key were disabled.
 */
export const CAMUNDA_KEY_USAGE_ACTIONS = [
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:ReEncrypt*",
  "kms:DescribeKey",
  "kms:GenerateDataKey*",
] as const;

/** Grants let EBS and the other storage services use the key on the cluster's behalf. */
export const CAMUNDA_GRANT_ACTIONS = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"] as const;

/**
 * Every concrete action the Camunda statements grant (their wildcards spelled out against AWS's
 * list of KMS actions; a test keeps the two in step): what a live key policy must let the Camunda
 * role do, each one, for the cluster to work.
 */
export const CAMUNDA_REQUIRED_ACTIONS = [
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
  "kms:DescribeKey",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyPair",
  "kms:GenerateDataKeyPairWithoutPlaintext",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:CreateGrant",
  "kms:ListGrants",
  "kms:RevokeGrant",
] as const;

/**
 * The AWS console's key administrator actions: manage, never encrypt or decrypt. ReplicateKey is
 * added so an administrator can create the dual-region replica when account access is disabled.
 */
export const KEY_ADMINISTRATION_ACTIONS = [
  "kms:Create*",
  "kms:Describe*",
  "kms:Enable*",
  "kms:List*",
  "kms:Put*",
  "kms:Update*",
  "kms:Revoke*",
  "kms:Disable*",
  "kms:Get*",
  "kms:Delete*",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
  "kms:RotateKeyOnDemand",
  "kms:ReplicateKey",
] as const;

/** Stable statement ids: people diff policies and write conditions against them. */
export const STATEMENT_IDS = {
  accountAccess: "EnableAccountAccess",
  administration: "KeyAdministration",
  camundaUsage: "CamundaClusterKeyUsage",
  camundaGrants: "CamundaClusterGrants",
} as const;

/** AWS's limit on a key policy document (KMS PutKeyPolicy, `Policy` parameter). */
export const MAX_KEY_POLICY_BYTES = 32_768;

export interface PolicyStatement<S = string> {
  Sid: string;
  Effect: "Allow";
  Principal: { AWS: S | S[] };
  Action: string | string[];
  Resource: "*";
  Condition?: Record<string, Record<string, string>>;
}

export interface PolicyDocument<S = string> {
  Version: "2012-10-17";
  Statement: PolicyStatement<S>[];
}

export interface KeyPolicyTemplateInput {
  camundaClusterRoleArn: TemplateString;
  keyAccountId: TemplateString;
  partition: TemplateString;
  keyAdministratorArns: readonly TemplateString[];
  enableDefaultAccountAccess: boolean;
  restrictGrantsToAwsResources: boolean;
}

function statement<S>(
  sid: string,
  principal: S | S[],
  actions: readonly string[],
  condition?: PolicyStatement["Condition"],
): PolicyStatement<S> {
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: { AWS: principal },
    Action: actions.length === 1 ? actions[0] : [...actions],
    Resource: "*",
    ...(condition ? { Condition: condition } : {}),
  };
}

/**
 * The key policy with engine references left in place (the account id a deployment discovers).
 * Statements appear only when they have principals, in a fixed order, so the same input always
 * gives the same bytes.
 */
export function buildKeyPolicyTemplate(input: KeyPolicyTemplateInput): PolicyDocument<TemplateString> {
  const statements: PolicyStatement<TemplateString>[] = [];
  if (input.enableDefaultAccountAccess) {
    const root = join("arn:", input.partition, ":iam::", input.keyAccountId, ":root");
    statements.push(statement(STATEMENT_IDS.accountAccess, root, ["kms:*"]));
  }
  const administrators = unique(input.keyAdministratorArns);
  if (administrators.length > 0) {
    statements.push(statement(STATEMENT_IDS.administration, administrators, KEY_ADMINISTRATION_ACTIONS));
  }
  statements.push(statement(STATEMENT_IDS.camundaUsage, input.camundaClusterRoleArn, CAMUNDA_KEY_USAGE_ACTIONS));
  const grantCondition = input.restrictGrantsToAwsResources ? { Bool: { "kms:GrantIsForAWSResource": "true" } } : undefined;
  statements.push(statement(STATEMENT_IDS.camundaGrants, input.camundaClusterRoleArn, CAMUNDA_GRANT_ACTIONS, grantCondition));
  return { Version: "2012-10-17", Statement: statements };
}

let skeletonBytes: number | undefined;

/**
 * An upper bound on the policy's size without serializing it: JSON writes a character as at most
 * six ASCII bytes, and the skeleton (every statement, one empty administrator) is measured once.
 */
export function keyPolicyBytesUpperBound(strings: {
  camundaClusterRoleArn: string;
  keyAccountId: string;
  partition: string;
  keyAdministratorArns: readonly string[];
}): number {
  skeletonBytes ??= keyPolicyBytes(
    buildKeyPolicyTemplate({
      camundaClusterRoleArn: "",
      keyAccountId: "",
      partition: "",
      keyAdministratorArns: [""],
      enableDefaultAccountAccess: true,
      restrictGrantsToAwsResources: true,
    }),
  );
  const escaped = (text: string) => 6 * text.length;
  const administrators = strings.keyAdministratorArns.reduce((sum, arn) => sum + escaped(arn) + 3, 0);
  return (
    skeletonBytes + 2 * escaped(strings.camundaClusterRoleArn) + escaped(strings.keyAccountId) + escaped(strings.partition) + administrators
  );
}

/** The policy's size as AWS counts it: the UTF-8 bytes of the document as sent. */
export function keyPolicyBytes(policy: PolicyDocument<unknown>): number {
  return utf8Length(JSON.stringify(policy));
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function unique<T>(values: readonly T[]): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
