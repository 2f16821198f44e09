import { DEFAULT_MONITORED_EVENT_NAMES } from "./monitoring";
import { defaultAliasName } from "./names";

/**
 * What a user gives the package, the same names in the Pulumi component and the CDKTF construct.
 * Every input is documented once here; the front ends re-use these comments.
 */
export interface ByokInput {
  /**
   * The Camunda cluster's IAM role ARN, as the Camunda Console shows it after you create a cluster
   * with Encryption at rest = External, e.g. `arn:aws:iam::123456789012:role/c8-cluster/c8-apps-<uuid>`.
   * The key policy lets exactly this role use the key.
   */
  camundaClusterRoleArn: string;
  /** The cluster's AWS region. The key must live there, so a provider in another region is an error. */
  clusterRegion: string;
  /**
   * Short identifier used in AWS names and tags: 1-32 letters, digits, `-` or `_`, starting with a
   * letter or digit, unique per account and region. Changing it never replaces the key.
   */
  clusterName: string;
  /**
   * Dual-region backups: Camunda needs one key per region. Setting it makes the key multi-region
   * and adds a replica in this region, with the same policy and its own monitoring. Choose it up
   * front: adding it later replaces the key, which Camunda cannot follow.
   * @default none (single-region key)
   */
  backupRegion?: string;
  /**
   * Principals (IAM roles, users or the account root, in the key's partition) that may manage the
   * key. They get no cryptographic action, but like any KMS key administrator their
   * `kms:PutKeyPolicy` and `kms:CreateGrant` let them give themselves use of the key; such a policy
   * change raises the alarm.
   * @default []
   */
  keyAdministratorArns?: string[];
  /**
   * Keep the account-root `kms:*` statement of Camunda's published policy, which lets the key's
   * account manage the key through IAM policies and protects against lockout.
   * @default true
   */
  enableDefaultAccountAccess?: boolean;
  /**
   * Opt-in hardening: allow the Camunda role's grant actions only for AWS resources
   * (`kms:GrantIsForAWSResource`). Camunda's published policy has no such condition.
   * @default false
   */
  restrictGrantsToAwsResources?: boolean;
  /** @default `alias/camunda-byok-<clusterName>` */
  aliasName?: string;
  /** Days KMS waits before deleting a key scheduled for deletion, 7 to 30. @default 30 */
  deletionWindowInDays?: number;
  /** Yearly-or-so automatic rotation; keeps the key ARN, and Camunda supports it. @default true */
  enableKeyRotation?: boolean;
  /** Days between automatic rotations, 90 to 2560. @default 365 */
  rotationPeriodInDays?: number;
  /** Pulumi `protect` / Terraform `prevent_destroy` on the key and the replica. @default true */
  preventDestroy?: boolean;
  /** Addresses subscribed (by email; each must confirm) to a new alert topic. @default [] */
  alertEmails?: string[];
  /** An existing SNS topic in `clusterRegion` for the alerts, instead of a new one. @default none */
  alertTopicArn?: string;
  /** With `alertTopicArn` and `backupRegion`: the existing topic in `backupRegion`. @default none */
  backupAlertTopicArn?: string;
  /**
   * CloudTrail event names on the key that raise an alert.
   * @default ["DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy", "DisableKeyRotation", "UpdatePrimaryRegion"]
   */
  monitoredEventNames?: string[];
  /** A second rule that alerts on KMS calls against the key denied with `AccessDenied*`. @default true */
  monitorAccessDenied?: boolean;
  /** Merged with `{ "camunda:cluster": clusterName, "managed-by": "camunda-byok-kms" }`. @default {} */
  tags?: Record<string, string>;
}

export const DEFAULTS = {
  enableDefaultAccountAccess: true,
  restrictGrantsToAwsResources: false,
  deletionWindowInDays: 30,
  enableKeyRotation: true,
  rotationPeriodInDays: 365,
  preventDestroy: true,
  monitorAccessDenied: true,
} as const;

/** Every optional input with its default applied: resolved once, where the spec is built. */
export function withDefaults(input: ByokInput) {
  return {
    ...input,
    enableDefaultAccountAccess: input.enableDefaultAccountAccess ?? DEFAULTS.enableDefaultAccountAccess,
    restrictGrantsToAwsResources: input.restrictGrantsToAwsResources ?? DEFAULTS.restrictGrantsToAwsResources,
    deletionWindowInDays: input.deletionWindowInDays ?? DEFAULTS.deletionWindowInDays,
    enableKeyRotation: input.enableKeyRotation ?? DEFAULTS.enableKeyRotation,
    rotationPeriodInDays: input.rotationPeriodInDays ?? DEFAULTS.rotationPeriodInDays,
    preventDestroy: input.preventDestroy ?? DEFAULTS.preventDestroy,
    monitorAccessDenied: input.monitorAccessDenied ?? DEFAULTS.monitorAccessDenied,
    aliasName: input.aliasName ?? defaultAliasName(input.clusterName),
    keyAdministratorArns: input.keyAdministratorArns ?? [],
    alertEmails: input.alertEmails ?? [],
    monitoredEventNames: input.monitoredEventNames ?? [...DEFAULT_MONITORED_EVENT_NAMES],
    tags: input.tags ?? {},
  };
}

export type ResolvedInput = ReturnType<typeof withDefaults>;
