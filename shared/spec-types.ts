import type { AlarmSettings } from "./alarms";
import type { CheckOnUnknown } from "./checks/checker";
import type { Condition } from "./conditions";
import type { ByokProblem } from "./errors";
import type { EventPattern, RULE_STATE_ENABLED, RULE_STATE_WITH_READ_ONLY_EVENTS } from "./event-patterns";
import type { PolicyDocument } from "./key-policy";
import type { SiteRole } from "./names";
import type { MonitoringInput } from "./site";
import type { JsonDocument, Ref, TemplateString } from "./template";
import type { ValidationOptions } from "./validation";

// The shape of `buildByokSpec`'s answer: every resource's settings, for both front ends to map.

export type Tags = Record<string, string>;

export interface KmsKeySettings {
  description: TemplateString;
  keyUsage: "ENCRYPT_DECRYPT";
  customerMasterKeySpec: "SYMMETRIC_DEFAULT";
  multiRegion: boolean;
  enableKeyRotation: boolean;
  rotationPeriodInDays?: number | TemplateString;
  deletionWindowInDays: number;
  isEnabled: true;
  bypassPolicyLockoutSafetyCheck: false;
  policy: JsonDocument<PolicyDocument<TemplateString>>;
  tags: Tags;
}

export interface KmsReplicaKeySettings {
  description: TemplateString;
  primaryKeyArn: Ref;
  deletionWindowInDays: number;
  enabled: true;
  bypassPolicyLockoutSafetyCheck: false;
  policy: JsonDocument<PolicyDocument<TemplateString>>;
  tags: Tags;
}

export interface KmsAliasSettings {
  name: TemplateString;
  targetKeyId: Ref;
}

export interface SnsTopicSettings {
  name: TemplateString;
  /** SNS server-side encryption: the KMS key (never the key watched), where one is given. */
  kmsMasterKeyId?: TemplateString;
  tags: Tags;
}

export interface SnsTopicSubscriptionSettings {
  topicArn: TemplateString;
  protocol: "email";
  endpoint: TemplateString;
}

export interface SnsTopicPolicySettings {
  arn: TemplateString;
  policy: JsonDocument;
}

export interface EventRuleSettings {
  name: TemplateString;
  description: TemplateString;
  eventPattern: JsonDocument<EventPattern>;
  state: typeof RULE_STATE_ENABLED | typeof RULE_STATE_WITH_READ_ONLY_EVENTS;
  tags: Tags;
}

export interface EventTargetSettings {
  rule: Ref;
  arn: TemplateString;
  targetId: string;
}

export interface MetricAlarmSettings extends AlarmSettings {
  tags: Tags;
}

/** Each kind of resource the package creates, with the settings both engines map. */
export interface SettingsByKind {
  kmsKey: KmsKeySettings;
  kmsReplicaKey: KmsReplicaKeySettings;
  kmsAlias: KmsAliasSettings;
  snsTopic: SnsTopicSettings;
  snsTopicSubscription: SnsTopicSubscriptionSettings;
  snsTopicPolicy: SnsTopicPolicySettings;
  eventRule: EventRuleSettings;
  eventTarget: EventTargetSettings;
  metricAlarm: MetricAlarmSettings;
}

export type ResourceKind = keyof SettingsByKind;

export type ResourceSpec = {
  [K in ResourceKind]: {
    kind: K;
    /** Stable id; engines append it to the component's name. */
    logicalId: string;
    site: SiteRole;
    /** The region to pin the resource to; undefined for the provider's, which must be clusterRegion. */
    region?: string;
    /** Exists only where the condition holds; an engine that knows the inputs decides it (see conditions.ts). */
    when?: Condition;
    /** Pulumi `protect` / Terraform `prevent_destroy`. */
    preventDestroy: boolean;
    /**
     * Terraform only: a list the engine knows only at plan time (a variable); Terraform makes one
     * resource per element, and `each.value` in the settings is the element. Pulumi must know how
     * many resources to register at construction, so it refuses an Output of a list instead.
     */
    forEach?: unknown;
    /**
     * Pulumi and CDKTF: an existing resource to import rather than create (Pulumi's `import`,
     * cdktf's `importFrom`), with the settings Pulumi must keep as the import finds them
     * (`ignoreChanges`), as its import refuses any difference. The Terraform module leaves
     * imports to the root module's `import` blocks.
     */
    adopt?: { importId: TemplateString; keepAsIs: readonly string[] };
    settings: SettingsByKind[K];
  };
}[ResourceKind];

/** What a deployment gives back; each text is what the Terraform module's outputs say. */
export interface ByokOutputsSpec {
  /** The key's ARN: paste it into the Camunda Console (the cluster's KMS key ARN field). */
  keyArn: Ref;
  /** The key's id (`1234abcd-...`, or `mrk-...` for a multi-region key). */
  keyId: Ref;
  /** The replica's ARN, for the Console's backup-region key field; none without `backupRegion`. */
  replicaKeyArn?: TemplateString;
  /** The alias, `alias/camunda-byok-<clusterName>` unless `aliasName` says otherwise. */
  aliasName: TemplateString;
  /** The key policy exactly as applied, as JSON. */
  keyPolicyJson: JsonDocument<PolicyDocument<TemplateString>>;
  /** The ARN of the EventBridge rule that watches the key's calls (in the cluster's region). */
  eventRuleArn: TemplateString;
  /** The ARN of the CloudWatch alarm on that rule, which notifies the alert topic. */
  alarmArn: TemplateString;
  /** The ARN of the alert topic in the cluster's region (new, or `alertTopicArn`). */
  alertTopicArn: TemplateString;
  /** The alias's ARN, for IAM policies that name the key by alias. */
  aliasArn: Ref;
  /** The ARN of the EventBridge rule for denied calls on the key; none with `monitorAccessDenied` false. */
  accessDeniedRuleArn?: TemplateString;
  /** The replica's id (a replica has its primary's `mrk-` id); none without `backupRegion`. */
  replicaKeyId?: TemplateString;
  /** The replica's alias in the backup region (the key's alias name); none without `backupRegion`. */
  replicaAliasName?: TemplateString;
  /** The ARN of the replica's alias; none without `backupRegion`. */
  replicaAliasArn?: TemplateString;
  /** The ARN of the alert topic in the backup region (new, or `backupAlertTopicArn`); none without `backupRegion`. */
  replicaAlertTopicArn?: TemplateString;
  /** The ARN of the EventBridge rule that watches the replica's calls, in the backup region; none without `backupRegion`. */
  replicaEventRuleArn?: TemplateString;
  /** The ARN of the CloudWatch alarm on the replica's rule; none without `backupRegion`. */
  replicaAlarmArn?: TemplateString;
  /** The ARN of the rule for denied calls on the replica; none without `backupRegion`, or with `monitorAccessDenied` false. */
  replicaAccessDeniedRuleArn?: TemplateString;
}

/** One site's monitoring (the key's, or the replica's in the backup region), as built from its input. */
export interface SiteSpec {
  role: SiteRole;
  /** Exists only where the condition holds (the replica's: with backupRegion). */
  when?: Condition;
  /** What the site was built from: the Terraform module passes it to its monitoring submodule. */
  input: MonitoringInput;
  /** The site's resources, also in `ByokSpec.resources`. */
  resources: ResourceSpec[];
  /** What other settings and outputs read from the site. */
  outputs: MonitoringOutputs;
}

/** What a site's monitoring gives back. */
export interface MonitoringOutputs {
  /** The ARN of the EventBridge rule that watches the key's calls. */
  eventRuleArn: TemplateString;
  /** The ARN of the CloudWatch alarm on that rule, which notifies the alert topic. */
  alarmArn: TemplateString;
  /** The ARN of the alert topic: a new one, or the one given. */
  alertTopicArn: TemplateString;
  /** The ARN of the rule for denied calls on the key; none with `monitor_access_denied` false. */
  accessDeniedRuleArn?: TemplateString;
}

export interface ByokSpec {
  /** The resources in dependency order: the keys and aliases, then each site's monitoring. */
  resources: ResourceSpec[];
  sites: SiteSpec[];
  outputs: ByokOutputsSpec;
  warnings: ByokProblem[];
  /**
   * Checks on values an engine knows only later (a Terraform variable or token), as data it turns
   * into its own conditions. Pulumi knows every value at deploy time and builds the spec again then.
   */
  checksOnUnknowns: CheckOnUnknown[];
  /** Warnings on values known only later: the Terraform module's `check` blocks. */
  warningsOnUnknowns: CheckOnUnknown[];
  /** Where each site lives. */
  regions: { primary: string; replica?: string };
}

export interface SpecOptions extends ValidationOptions {}
