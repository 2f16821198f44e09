// Keys made by hand, as people made them before this package: the policies are the shapes AWS and
// Camunda document, and the answers are KMS API shapes (DescribeKey's KeyMetadata, GetKeyPolicy,
// ListAliases, ListResourceTags), for aws-sdk-client-mock and the fake endpoint alike.
import { CAMUNDA_ROLE_ARN } from "./fixtures";

export const ACCOUNT = "111122223333";
export const SINGLE_REGION_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
export const MULTI_REGION_ID = "mrk-1234abcd12ab34cd56ef1234567890ab";
export const keyArn = (id: string, region = "eu-central-1") => `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`;

/**
 * The statement every key AWS creates starts with (KMS Developer Guide, "Default key policy":
 * the entire default policy of a key created programmatically, the first statement of one made in
 * the console).
 */
export const ACCOUNT_STATEMENT = {
  Sid: "Enable IAM policies",
  Effect: "Allow",
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: "kms:*",
  Resource: "*",
};

/** The two statements of Camunda's draft guide (Step 2, "Example KMS key policy"): 3 actions + CreateGrant. */
export const GUIDE_STATEMENTS = [
  {
    Sid: "Allow Camunda tenant IAM Role basic key access",
    Effect: "Allow",
    Principal: { AWS: CAMUNDA_ROLE_ARN },
    Action: ["kms:DescribeKey", "kms:GenerateDataKey*", "kms:Decrypt"],
    Resource: "*",
  },
  {
    Sid: "Allow Camunda tenant IAM Role to create grants for provisioning encrypted EBS volumes",
    Effect: "Allow",
    Principal: { AWS: CAMUNDA_ROLE_ARN },
    Action: ["kms:CreateGrant"],
    Resource: "*",
  },
];

export const CONSOLE_ADMIN_ARN = `arn:aws:iam::${ACCOUNT}:role/KMSKeyAdmin`;

/** The console's key administrators statement (KMS Developer Guide, "Default key policy": key administrators). */
export const CONSOLE_ADMIN_STATEMENT = {
  Sid: "Allow access for Key Administrators",
  Effect: "Allow",
  Principal: { AWS: CONSOLE_ADMIN_ARN },
  Action: [
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
  ],
  Resource: "*",
};

/** A customer's own statement, such as one for a backup vault's role, which the package has no place for. */
export const BACKUP_VAULT_STATEMENT = {
  Sid: "AllowBackupVault",
  Effect: "Allow",
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/service-role/AWSBackupDefaultServiceRole` },
  Action: ["kms:Decrypt", "kms:GenerateDataKey*", "kms:CreateGrant"],
  Resource: "*",
};

export const policyOf = (...statements: object[]) => ({ Version: "2012-10-17", Id: "key-consolepolicy-3", Statement: statements });
export const GUIDE_POLICY = policyOf(ACCOUNT_STATEMENT, ...GUIDE_STATEMENTS);
export const CONSOLE_DEFAULT_POLICY = policyOf(ACCOUNT_STATEMENT);

export interface HandMadeKey {
  id: string;
  region: string;
  metadata: Record<string, unknown>;
  policy: object;
  rotation: { KeyRotationEnabled: boolean; RotationPeriodInDays?: number };
  tags: { TagKey: string; TagValue: string }[];
  aliases: string[];
}

/** A symmetric key made in the console with the guide's policy; single-region unless the id says mrk-. */
export function handMadeKey(
  id = SINGLE_REGION_ID,
  overrides: Partial<HandMadeKey> & { metadata?: Record<string, unknown> } = {},
): HandMadeKey {
  const region = overrides.region ?? "eu-central-1";
  const arn = keyArn(id, region);
  const multiRegion = id.startsWith("mrk-");
  return {
    id,
    region,
    policy: overrides.policy ?? GUIDE_POLICY,
    rotation: overrides.rotation ?? { KeyRotationEnabled: false },
    tags: overrides.tags ?? [{ TagKey: "team", TagValue: "payments" }],
    aliases: overrides.aliases ?? ["alias/camunda-byok"],
    metadata: {
      AWSAccountId: ACCOUNT,
      KeyId: id,
      Arn: arn,
      Enabled: true,
      Description: "Camunda BYOK",
      KeyUsage: "ENCRYPT_DECRYPT",
      KeyState: "Enabled",
      Origin: "AWS_KMS",
      KeyManager: "CUSTOMER",
      KeySpec: "SYMMETRIC_DEFAULT",
      CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
      MultiRegion: multiRegion,
      ...(multiRegion
        ? {
            MultiRegionConfiguration: {
              MultiRegionKeyType: region === "eu-central-1" ? "PRIMARY" : "REPLICA",
              PrimaryKey: { Arn: keyArn(id), Region: "eu-central-1" },
              ReplicaKeys: [],
            },
          }
        : {}),
      ...overrides.metadata,
    },
  };
}

/** A multi-region key with its replica in eu-west-1, both made by hand. */
export function handMadePair(): [HandMadeKey, HandMadeKey] {
  const replicaKeys = [{ Arn: keyArn(MULTI_REGION_ID, "eu-west-1"), Region: "eu-west-1" }];
  const primary = handMadeKey(MULTI_REGION_ID);
  (primary.metadata.MultiRegionConfiguration as { ReplicaKeys: unknown[] }).ReplicaKeys = replicaKeys;
  const replica = handMadeKey(MULTI_REGION_ID, { region: "eu-west-1", aliases: ["alias/camunda-byok"] });
  (replica.metadata.MultiRegionConfiguration as { ReplicaKeys: unknown[] }).ReplicaKeys = replicaKeys;
  return [primary, replica];
}
