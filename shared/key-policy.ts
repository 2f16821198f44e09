// The key policy: Camunda's published statements, the administrators', and the account's, each
// present only where an input asks for it (see conditions.ts), in a fixed order.
import { parseRoleArn } from "./arns";
import { Choices, compact, isNonEmpty, isTrue, present } from "./conditions";
import { computed, join, type TemplateString } from "./template";
import { validateKeyPolicyInput } from "./validation";

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
 * Of those, the ones a cluster certainly calls: Camunda publishes the actions to grant, not the
 * ones it calls, so a policy that withholds only the others is narrower than Camunda's published
 * policy, not known to break the cluster. Camunda's own draft guide grants DescribeKey,
 * GenerateDataKey*, Decrypt and CreateGrant; EBS encryption needs a data key, its decryption and
 * a grant.
 */
export const CAMUNDA_CERTAINLY_USED_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant"] as const;

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
  deletionGuard: "DenyKeyDeletion",
} as const;

/** Where each statement comes from: what a reader of the policy (or of the Terraform module) checks it against. */
export const STATEMENT_SOURCES: Readonly<Record<string, string>> = {
  [STATEMENT_IDS.accountAccess]:
    "The account's IAM policies decide (AWS's default): https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam",
  [STATEMENT_IDS.administration]:
    "Key administrators manage, never use, the key: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-administrators",
  [STATEMENT_IDS.camundaUsage]: 'The Camunda cluster role uses the key: Camunda\'s published policy (docs.camunda.io, "AWS KMS setup")',
  [STATEMENT_IDS.camundaGrants]:
    "Grants let EBS and the storage services use the key for the cluster: https://docs.aws.amazon.com/kms/latest/developerguide/grants.html",
  [STATEMENT_IDS.deletionGuard]:
    "Nobody but the listed may schedule the key's deletion, whatever IAM allows: https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-adding-permission.html",
};

/** AWS's limit on a key policy document (KMS PutKeyPolicy, `Policy` parameter). */
export const MAX_KEY_POLICY_BYTES = 32_768;

export interface PolicyStatement<S = string> {
  Sid: string;
  Effect: "Allow" | "Deny";
  Principal: { AWS: S | S[] };
  Action: string | string[];
  Resource: "*";
  Condition?: Record<string, Record<string, S | S[]>>;
}

export interface PolicyDocument<S = string> {
  Version: "2012-10-17";
  Statement: PolicyStatement<S>[];
}

/** The policy's inputs, named as the inputs of the package are (conditions read them by name). */
export interface KeyPolicyTemplateInput {
  camundaClusterRoleArn: TemplateString;
  keyAccountId: TemplateString;
  partition: TemplateString;
  keyAdministratorArns: readonly TemplateString[] | TemplateString;
  keyDeletionAllowedArns?: readonly TemplateString[] | TemplateString;
}

function statement<S>(sid: string, principal: S | S[], actions: readonly string[]): PolicyStatement<S> {
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: { AWS: principal },
    Action: actions.length === 1 ? actions[0] : [...actions],
    Resource: "*",
  };
}

/**
 * The key policy with engine references left in place (the account id a deployment discovers), and
 * its choices (`choices`) decided where they are known.
 */
export function buildKeyPolicyTemplate(input: KeyPolicyTemplateInput, choices: Choices): PolicyDocument<TemplateString> {
  const administrators = computed<TemplateString[]>("distinct", input.keyAdministratorArns, choices.knowledge.isUnknown);
  const statements = present(
    choices.when(isTrue("enableDefaultAccountAccess"), () =>
      statement(STATEMENT_IDS.accountAccess, join("arn:", input.partition, ":iam::", input.keyAccountId, ":root"), ["kms:*"]),
    ),
    choices.when(isNonEmpty("keyAdministratorArns"), () =>
      statement(STATEMENT_IDS.administration, administrators, KEY_ADMINISTRATION_ACTIONS),
    ),
    statement(STATEMENT_IDS.camundaUsage, input.camundaClusterRoleArn, CAMUNDA_KEY_USAGE_ACTIONS),
    compact({
      ...statement(STATEMENT_IDS.camundaGrants, input.camundaClusterRoleArn, CAMUNDA_GRANT_ACTIONS),
      Condition: choices.when(isTrue("restrictGrantsToAwsResources"), () => ({ Bool: { "kms:GrantIsForAWSResource": "true" } })),
    }),
    // A removed configuration must not delete the key: Terraform's prevent_destroy does not cover
    // one, and the deletion it would schedule is refused here. It leaves DisableKey (the
    // customer's kill switch, which pages) and PutKeyPolicy (AWS's lockout check) alone.
    choices.when(isTrue("preventDestroy"), () =>
      compact<PolicyStatement<TemplateString>>({
        Sid: STATEMENT_IDS.deletionGuard,
        Effect: "Deny",
        Principal: { AWS: "*" },
        Action: "kms:ScheduleKeyDeletion",
        Resource: "*",
        Condition: choices.when(isNonEmpty("keyDeletionAllowedArns"), () => ({
          ArnNotLike: {
            "aws:PrincipalArn": computed<TemplateString[]>("distinct", input.keyDeletionAllowedArns ?? [], choices.knowledge.isUnknown),
          },
        })),
      }),
    ),
  );
  return { Version: "2012-10-17", Statement: statements };
}

/** The inputs of the stand-alone key policy (`buildKeyPolicy`, the CLI). */
export interface KeyPolicyInput {
  /** The Camunda cluster role; its partition is the policy's. */
  camundaClusterRoleArn: string;
  /** The account that owns the key (12 digits). */
  keyAccountId: string;
  keyAdministratorArns?: string[];
  enableDefaultAccountAccess?: boolean;
  restrictGrantsToAwsResources?: boolean;
  /** The `DenyKeyDeletion` statement (default true): nobody but `keyDeletionAllowedArns` schedules the key's deletion. */
  preventDestroy?: boolean;
  keyDeletionAllowedArns?: string[];
}

/** Choices over plain values, all known. */
export function knownChoices(values: Readonly<Record<string, unknown>>): Choices {
  return new Choices({ valueOf: (name) => values[name], isUnknown: () => false, mayBeNull: () => false });
}

/**
 * The key policy for a Camunda cluster role and the key's account, exactly as the KMS console's
 * policy editor takes it. Throws ByokValidationError listing every problem with the input.
 */
export function buildKeyPolicy(input: KeyPolicyInput): PolicyDocument {
  const values = {
    ...input,
    keyAdministratorArns: input.keyAdministratorArns ?? [],
    enableDefaultAccountAccess: input.enableDefaultAccountAccess ?? true,
    restrictGrantsToAwsResources: input.restrictGrantsToAwsResources ?? false,
    preventDestroy: input.preventDestroy ?? true,
    keyDeletionAllowedArns: input.keyDeletionAllowedArns ?? [],
  };
  const policy = buildKeyPolicyTemplate(
    {
      camundaClusterRoleArn: input.camundaClusterRoleArn,
      keyAccountId: input.keyAccountId,
      partition: (typeof input.camundaClusterRoleArn === "string" && parseRoleArn(input.camundaClusterRoleArn)?.partition) || "aws",
      keyAdministratorArns: values.keyAdministratorArns,
      keyDeletionAllowedArns: values.keyDeletionAllowedArns,
    },
    knownChoices(values),
  ) as PolicyDocument;
  // Validation measures the policy it would otherwise build again (an import cycle, used only at call time).
  validateKeyPolicyInput(input, policy);
  return policy;
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
  keyDeletionAllowedArns?: readonly string[];
}): number {
  skeletonBytes ??= keyPolicyBytes(
    buildKeyPolicyTemplate(
      { camundaClusterRoleArn: "", keyAccountId: "", partition: "", keyAdministratorArns: [""], keyDeletionAllowedArns: [""] },
      knownChoices({
        enableDefaultAccountAccess: true,
        restrictGrantsToAwsResources: true,
        preventDestroy: true,
        keyAdministratorArns: [""],
        keyDeletionAllowedArns: [""],
      }),
    ),
  );
  const escaped = (text: string) => 6 * text.length;
  const listed = [...strings.keyAdministratorArns, ...(strings.keyDeletionAllowedArns ?? [])].reduce(
    (sum, arn) => sum + escaped(arn) + 3,
    0,
  );
  return skeletonBytes + 2 * escaped(strings.camundaClusterRoleArn) + escaped(strings.keyAccountId) + escaped(strings.partition) + listed;
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
