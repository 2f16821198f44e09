import type { ByokProblem } from "./errors";
import type { PolicyDocument } from "./key-policy";
import type { AlarmSettings, EventPattern, RULE_STATE_ENABLED, RULE_STATE_WITH_READ_ONLY_EVENTS } from "./monitoring";
import type { SiteRole } from "./names";
import type { JsonDocument, Ref, TemplateString } from "./template";
import type { DeferredCheck, ValidationOptions } from "./validation";

// The shape of `buildByokSpec`'s answer: every resource's settings, for both front ends to map.

export type Tags = Record<string, string>;

export interface KmsKeySettings {
  description: string;
  keyUsage: "ENCRYPT_DECRYPT";
  customerMasterKeySpec: "SYMMETRIC_DEFAULT";
  multiRegion: boolean;
  enableKeyRotation: boolean;
  rotationPeriodInDays?: number;
  deletionWindowInDays: number;
  isEnabled: true;
  bypassPolicyLockoutSafetyCheck: false;
  policy: JsonDocument<PolicyDocument<TemplateString>>;
  tags: Tags;
}

export interface KmsReplicaKeySettings {
  description: string;
  primaryKeyArn: Ref;
  deletionWindowInDays: number;
  enabled: true;
  bypassPolicyLockoutSafetyCheck: false;
  policy: JsonDocument<PolicyDocument<TemplateString>>;
  tags: Tags;
}

export interface KmsAliasSettings {
  name: string;
  targetKeyId: Ref;
}

export interface SnsTopicSettings {
  name: string;
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
  name: string;
  description: string;
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
    /** Pulumi `protect` / Terraform `prevent_destroy`. */
    preventDestroy: boolean;
    /**
     * Terraform only: a list the engine knows only at plan time (a variable); Terraform makes one
     * resource per element, and `each.value` in the settings is the element. Pulumi must know how
     * many resources to register at construction, so it refuses an Output of a list instead.
     */
    forEach?: unknown;
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
  replicaKeyArn?: Ref;
  /** The alias, `alias/camunda-byok-<clusterName>` unless `aliasName` says otherwise. */
  aliasName: string;
  /** The key policy exactly as applied, as JSON. */
  keyPolicyJson: JsonDocument<PolicyDocument<TemplateString>>;
  /** The ARN of the EventBridge rule that watches the key's calls (in the cluster's region). */
  eventRuleArn: Ref;
  /** The ARN of the CloudWatch alarm on that rule, which notifies the alert topic. */
  alarmArn: Ref;
  /** The ARN of the alert topic in the cluster's region (new, or `alertTopicArn`). */
  alertTopicArn: TemplateString;
}

export interface ByokSpec {
  /** The resources in dependency order. */
  resources: ResourceSpec[];
  outputs: ByokOutputsSpec;
  warnings: ByokProblem[];
  /**
   * Terraform only: checks on values Terraform knows only at plan time, as data it turns into
   * preconditions. Pulumi has the values at deploy time and builds the spec again with them.
   */
  deferredChecks: DeferredCheck[];
  /** Where each site lives. */
  regions: { primary: string; replica?: string };
}

export interface SpecOptions extends ValidationOptions {}
