import { type Choices, isSet, type Knowledge } from "./conditions";
import { DEFAULT_MONITORED_EVENT_NAMES } from "./event-patterns";
import { defaultAliasName } from "./names";
import { named } from "./template";

/**
 * Every input of camunda-byok-kms, declared once: the core, the CDKTF construct and the Pulumi
 * component (and, through it, the Pulumi schema other languages' SDKs are generated from) all use
 * these declarations and these texts. The type parameters say what a value may be in an engine:
 * plain values in the core and CDKTF (where any string may be a Terraform token and any number a
 * `Token.asNumber`), Pulumi Inputs in the component. Inputs that decide which resources exist are
 * plain everywhere. Each text ends with its default, as the Pulumi schema carries no `@default`.
 */
export interface ByokInputs<S = string, N = number, B = boolean, L = string[], M = Record<string, string>> {
  /**
   * The Camunda cluster's IAM role ARN, as the Camunda Console shows it after you create a cluster
   * with Encryption at rest = External, e.g. `arn:aws:iam::123456789012:role/c8-cluster/c8-apps-<uuid>`.
   * The key policy lets exactly this role use the key. Required.
   */
  camundaClusterRoleArn: S;
  /**
   * The Camunda cluster's AWS region, e.g. `eu-central-1`. The key must live there, so an AWS
   * provider that deploys to another region is an error. Required.
   */
  clusterRegion: S;
  /**
   * Short name of the cluster used in AWS names and tags: 1-32 letters, digits, `-` or `_`,
   * starting with a letter or digit, unique per AWS account and region. Changing it renames the
   * alias, topic, rules and alarms, never the key. Required.
   */
  clusterName: S;
  /**
   * Dual-region backups: the AWS region of the backup, where Camunda needs a key too. Setting it
   * makes the key multi-region and adds a replica there, with the same policy and its own alias,
   * topic, rules and alarms. IMPORTANT: choose it before the first deployment: adding or removing
   * it later replaces the key, which Camunda cannot follow (a new cluster would be needed).
   * Default: none (a single-region key).
   * @default - none (a single-region key)
   */
  backupRegion?: string;
  /**
   * IAM roles, users or the account root (in the key's partition) that may manage the key. They
   * get no cryptographic action, but like any KMS key administrator their `kms:PutKeyPolicy` and
   * `kms:CreateGrant` let them give themselves use of the key; such a policy change raises the
   * alarm. With `enableDefaultAccountAccess` false, the principal that deploys the key must be
   * one of them (or its account root), or AWS refuses to create the key. Default: `[]`.
   * @default []
   */
  keyAdministratorArns?: L;
  /**
   * Keep the account-root `kms:*` statement of Camunda's published policy, which lets the key's
   * account manage the key through IAM policies and protects against lockout. Default: `true`.
   * @default true
   */
  enableDefaultAccountAccess?: B;
  /**
   * Opt-in hardening: allow the Camunda role's grant actions only for AWS resources
   * (`kms:GrantIsForAWSResource`). Camunda's published policy has no such condition, and a policy
   * Camunda cannot use freezes the cluster. Default: `false`.
   * @default false
   */
  restrictGrantsToAwsResources?: B;
  /**
   * The key's alias, in the cluster's region and (with `backupRegion`) the backup region. Must
   * start with `alias/` and not with `alias/aws/`. Default: `alias/camunda-byok-<clusterName>`.
   * @default `alias/camunda-byok-<clusterName>`
   */
  aliasName?: S;
  /** Days KMS waits before deleting a key scheduled for deletion: 7 to 30. Default: `30`. @default 30 */
  deletionWindowInDays?: N;
  /**
   * Automatic rotation of the key material. Rotation keeps the key ARN, and Camunda supports it.
   * Default: `true`.
   * @default true
   */
  enableKeyRotation?: B;
  /** Days between automatic rotations: 90 to 2560. Default: `365`. @default 365 */
  rotationPeriodInDays?: N;
  /**
   * Guards the key and the replica against deletion, as a deleted key loses the cluster's data:
   * their key policy denies `kms:ScheduleKeyDeletion` to everyone but `keyDeletionAllowedArns`
   * (statement `DenyKeyDeletion`), which also holds when the configuration that made the key is
   * removed. Pulumi also protects and retains them (`protect`, `retainOnDelete`), CDKTF sets
   * `lifecycle.prevent_destroy`. The Terraform module always sets `prevent_destroy` (Terraform
   * takes only a literal), and this input decides its statement. Retiring a key is two deliberate
   * steps: set this false (a policy change, which raises the alarm), then delete. Default: `true`.
   * @default true
   */
  preventDestroy?: boolean;
  /**
   * IAM roles, users or the account root (in the key's partition) that may still schedule the
   * key's deletion while `preventDestroy` is true: the exception to `DenyKeyDeletion`, matched on
   * `aws:PrincipalArn` (an assumed role's sessions count as the role). Default: `[]` (nobody, until
   * someone changes the key policy).
   * @default []
   */
  keyDeletionAllowedArns?: L;
  /**
   * Email addresses subscribed to a new alert topic in each region (each must confirm the
   * subscription AWS mails it). The list's length decides how many subscriptions exist, so in
   * Pulumi the list is plain (its elements may be Outputs). Default: `[]`.
   * @default []
   */
  alertEmails?: S[];
  /**
   * An existing SNS topic in `clusterRegion` for the alerts, instead of a new one. Its access
   * policy must let `events.amazonaws.com` and `cloudwatch.amazonaws.com` publish, and if it is
   * encrypted, its KMS key (never the monitored key) must let both services use it
   * (`kms:GenerateDataKey*`, `kms:Decrypt`). The package leaves a topic it did not create alone;
   * the failed-delivery alarms tell when it refuses the alerts. Default: none (a new topic).
   * @default - none (a new topic)
   */
  alertTopicArn?: S;
  /**
   * With `alertTopicArn` and `backupRegion`: the existing topic in `backupRegion` (alarms and rules
   * notify topics in their own region only). Default: none.
   * @default - none
   */
  backupAlertTopicArn?: S;
  /**
   * A customer managed KMS key (its ARN, key or alias, in `clusterRegion`) that encrypts the
   * package's new alert topic (SNS server-side encryption), for the compliance scanners that flag
   * unencrypted topics. Its key policy must let `events.amazonaws.com` and
   * `cloudwatch.amazonaws.com` use it (`kms:GenerateDataKey*`, `kms:Decrypt`), or the alerts are
   * not delivered. Never the monitored key (nor `adoptKeyId`): an alert about the key would need
   * the key. Only with a new topic: an existing topic's encryption is its own. Default: none
   * (SNS's default, no server-side encryption).
   * @default - none
   */
  alertTopicKmsKeyArn?: S;
  /**
   * With `alertTopicKmsKeyArn` and `backupRegion`: the KMS key in `backupRegion` for the replica's
   * alert topic (a topic uses a key of its own region). Default: none.
   * @default - none
   */
  backupAlertTopicKmsKeyArn?: S;
  /**
   * CloudTrail event names on the key that raise the alarm. Grant calls by anyone but Camunda and
   * AWS services, and changes to the package's own monitoring, alert whatever this list says.
   * Default: `["DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy", "DisableKeyRotation",
   * "UpdatePrimaryRegion", "ReplicateKey"]`.
   * @default ["DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy", "DisableKeyRotation", "UpdatePrimaryRegion", "ReplicateKey"]
   */
  monitoredEventNames?: L;
  /**
   * A second rule that alerts on KMS calls against the key denied with `AccessDenied*`. It decides
   * whether the rule exists, so it is plain. Default: `true`.
   * @default true
   */
  monitorAccessDenied?: boolean;
  /**
   * Adopt a key made by hand (in the KMS console, with Camunda's guide) instead of creating one:
   * its key id or ARN, in `clusterRegion`. The key is imported, never replaced: an adoption whose
   * settings would replace it (a single-region key with `backupRegion`, a multi-region key
   * without it, a key spec other than `SYMMETRIC_DEFAULT`, a usage other than `ENCRYPT_DECRYPT`, a
   * key pending deletion, imported key material) is refused, naming the live value, before
   * anything is applied. Run `camunda-byok-kms adopt` first: it says what the first apply will
   * change on the key. It decides how the key is registered, so it is plain. Default: none (a new
   * key).
   * @default - none (a new key)
   */
  adoptKeyId?: string;
  /**
   * With `adoptKeyId` and `backupRegion`: the existing replica of the adopted key in
   * `backupRegion` (its id or ARN), imported likewise instead of replicating the key again. A
   * plain value. Default: none (a new replica).
   * @default - none (a new replica)
   */
  adoptReplicaKeyId?: string;
  /**
   * With `adoptKeyId`: the alias named `aliasName` already exists (the key's, and with
   * `adoptReplicaKeyId` the replica's in `backupRegion`) and is imported too, instead of created.
   * `camunda-byok-kms adopt` says whether it exists. A plain value. Default: `false`.
   * @default false
   */
  adoptAliases?: boolean;
  /**
   * Tags for every resource, merged with `{ "camunda:cluster": clusterName, "managed-by":
   * "camunda-byok-kms" }`. Default: `{}`.
   * @default {}
   */
  tags?: M;
}

/**
 * List inputs that go into documents (the key policy, the event patterns) and decide no resource:
 * an engine may learn such a list as a whole only later, if it can build those documents then.
 */
export const DOCUMENT_LISTS = ["keyAdministratorArns", "keyDeletionAllowedArns", "monitoredEventNames"] as const;

/** The inputs with plain values: what the core validates and builds from. */
export interface ByokInput extends ByokInputs {}

/** Every input's name, as a compile-time complete list: a missing or extra name is a type error. */
const INPUT_NAME_SET: { readonly [K in keyof ByokInput]-?: true } = {
  camundaClusterRoleArn: true,
  clusterRegion: true,
  clusterName: true,
  backupRegion: true,
  keyAdministratorArns: true,
  enableDefaultAccountAccess: true,
  restrictGrantsToAwsResources: true,
  aliasName: true,
  deletionWindowInDays: true,
  enableKeyRotation: true,
  rotationPeriodInDays: true,
  preventDestroy: true,
  keyDeletionAllowedArns: true,
  alertEmails: true,
  alertTopicArn: true,
  backupAlertTopicArn: true,
  alertTopicKmsKeyArn: true,
  backupAlertTopicKmsKeyArn: true,
  monitoredEventNames: true,
  monitorAccessDenied: true,
  adoptKeyId: true,
  adoptReplicaKeyId: true,
  adoptAliases: true,
  tags: true,
};

export const INPUT_NAMES = Object.keys(INPUT_NAME_SET) as (keyof ByokInput)[];

export const DEFAULTS = {
  enableDefaultAccountAccess: true,
  restrictGrantsToAwsResources: false,
  deletionWindowInDays: 30,
  enableKeyRotation: true,
  rotationPeriodInDays: 365,
  preventDestroy: true,
  monitorAccessDenied: true,
  adoptAliases: false,
} as const;

/** Every default that is a constant (the alias's follows the cluster name): what conditions read for an input left out. */
export const CONSTANT_DEFAULTS: Readonly<Record<string, unknown>> = {
  ...DEFAULTS,
  keyAdministratorArns: [],
  keyDeletionAllowedArns: [],
  alertEmails: [],
  monitoredEventNames: DEFAULT_MONITORED_EVENT_NAMES,
  tags: {},
};

/** What an engine knows of an input: the basis of every choice the spec makes (see conditions.ts). */
export function inputKnowledge(
  input: ByokInput,
  isUnknown: (value: unknown) => boolean,
  mayBeNull: (value: unknown) => boolean,
): Knowledge {
  return {
    valueOf: (name) => (input as unknown as Record<string, unknown>)[name] ?? CONSTANT_DEFAULTS[name],
    isUnknown,
    mayBeNull,
  };
}

/** Every optional input with its default applied: resolved once, where the spec is built. */
export function resolveInput(input: ByokInput, choices: Choices) {
  return {
    ...input,
    enableDefaultAccountAccess: input.enableDefaultAccountAccess ?? DEFAULTS.enableDefaultAccountAccess,
    restrictGrantsToAwsResources: input.restrictGrantsToAwsResources ?? DEFAULTS.restrictGrantsToAwsResources,
    deletionWindowInDays: input.deletionWindowInDays ?? DEFAULTS.deletionWindowInDays,
    enableKeyRotation: input.enableKeyRotation ?? DEFAULTS.enableKeyRotation,
    rotationPeriodInDays: input.rotationPeriodInDays ?? DEFAULTS.rotationPeriodInDays,
    preventDestroy: input.preventDestroy ?? DEFAULTS.preventDestroy,
    monitorAccessDenied: input.monitorAccessDenied ?? DEFAULTS.monitorAccessDenied,
    adoptAliases: input.adoptAliases ?? DEFAULTS.adoptAliases,
    aliasName: named("aliasName", choices.choose(isSet("aliasName"), input.aliasName as string, defaultAliasName(input.clusterName))),
    keyAdministratorArns: input.keyAdministratorArns ?? [],
    keyDeletionAllowedArns: input.keyDeletionAllowedArns ?? [],
    alertEmails: input.alertEmails ?? [],
    monitoredEventNames: input.monitoredEventNames ?? [...DEFAULT_MONITORED_EVENT_NAMES],
    tags: input.tags ?? {},
  };
}

export type ResolvedInput = ReturnType<typeof resolveInput>;
