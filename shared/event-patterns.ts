// The EventBridge patterns that watch a key: its dangerous calls (through CloudTrail) and KMS's own
// deletion event, and the calls on it that were denied. Both sites (the key and its replica) use
// the same patterns: after a primary-region swap the replica is the primary.
import { parseRoleArn } from "./arns";
import { join, type TemplateString } from "./template";

/**
 * Calls that freeze a Camunda cluster or put its data at risk: a disabled key or one scheduled for
 * deletion freezes the cluster, a changed policy can revoke Camunda's access (which behaves like
 * disabled), and moving the primary region re-scopes a multi-region key.
 */
export const DEFAULT_MONITORED_EVENT_NAMES = [
  "DisableKey",
  "ScheduleKeyDeletion",
  "PutKeyPolicy",
  "DisableKeyRotation",
  "UpdatePrimaryRegion",
  "ReplicateKey",
] as const;

/**
 * Grant calls: Camunda's routine (EBS creates and revokes grants all day), and anyone else's a way
 * to use the key without a policy change: AWS, "key administrators ... can give themselves and
 * others AWS KMS permissions not specified in this policy" (KMS developer guide, key policies).
 */
export const GRANT_EVENT_NAMES = ["CreateGrant", "RevokeGrant"] as const;

/**
 * Events KMS emits itself (not through CloudTrail) that the alarm watches: a completed deletion.
 * Not `KMS CMK Rotation`: rotation is routine (yearly by default), and an alarm that fires on
 * routine gets muted.
 */
export const KMS_KEY_EVENT_DETAIL_TYPES = ["KMS CMK Deletion"] as const;

const CLOUDTRAIL_DETAIL_TYPE = "AWS API Call via CloudTrail";
const KMS_EVENT_SOURCE = "kms.amazonaws.com";

/** Rule states: the access-denied rule must see read-only management events. */
export const RULE_STATE_ENABLED = "ENABLED";
export const RULE_STATE_WITH_READ_ONLY_EVENTS = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";

export interface EventPatternInput {
  /** The key's ARN; may be an engine reference, as it is only embedded. */
  keyArn: TemplateString;
  /** The key's id (`1234abcd-...`, `mrk-...`): how a call may name the key in its request. */
  keyId?: TemplateString;
  /** @default DEFAULT_MONITORED_EVENT_NAMES */
  monitoredEventNames?: readonly string[];
  /**
   * The Camunda cluster role (or, `camundaAccountId`, its account). With it, grant calls by anyone
   * but Camunda's account and AWS services raise an alert too.
   */
  camundaClusterRoleArn?: TemplateString;
  /** Camunda's account, where the role ARN is known only to the engine (the spec passes it). */
  camundaAccountId?: TemplateString;
  /** This package's rule that watches the monitoring: its deletion or disabling is caught here. */
  monitoringChangesRuleName?: TemplateString;
}

export type EventPattern = Record<string, unknown>;

function cloudTrailCall(eventNames: readonly TemplateString[] | TemplateString, key: object, extra: object = {}): object {
  return {
    source: ["aws.kms"],
    "detail-type": [CLOUDTRAIL_DETAIL_TYPE],
    detail: { eventSource: [KMS_EVENT_SOURCE], eventName: eventNames, ...key, ...extra },
  };
}

/**
 * The EventBridge pattern for calls that threaten the key. EventBridge sees CloudTrail's KMS
 * records only where a trail logs management events in the key's region.
 *
 * A call names the key in its record's `resources`, except UpdatePrimaryRegion in the new
 * primary's region, whose record has none and the key's ARN in `requestParameters.keyId` (AWS KMS
 * developer guide, "UpdatePrimaryRegion"): so the names are matched either way.
 *
 * Grant calls by Camunda are recognised by `userIdentity.accountId`, the one field every shape
 * CloudTrail writes for a call from another account carries (`AssumedRole` where the session is
 * shared, `AWSAccount` where only the account is; CloudTrail user guide, "userIdentity"). AWS
 * services' own calls (`AWSService`) are routine too. `anything-but` matches only a field that is
 * present, so a record without `accountId` never matches the grant branch.
 */
export function buildEventPattern(input: EventPatternInput): EventPattern {
  const names: readonly TemplateString[] | TemplateString = input.monitoredEventNames ?? [...DEFAULT_MONITORED_EVENT_NAMES];
  const onKey = { resources: { ARN: [input.keyArn] } };
  const camundaAccount =
    input.camundaAccountId ??
    (typeof input.camundaClusterRoleArn === "string" ? parseRoleArn(input.camundaClusterRoleArn)?.accountId : undefined);
  const branches: object[] = [
    cloudTrailCall(names, onKey),
    cloudTrailCall(names, { requestParameters: { keyId: input.keyId === undefined ? [input.keyArn] : [input.keyArn, input.keyId] } }),
    { source: ["aws.kms"], "detail-type": [...KMS_KEY_EVENT_DETAIL_TYPES], resources: [input.keyArn] },
  ];
  if (camundaAccount !== undefined) {
    branches.push(
      cloudTrailCall([...GRANT_EVENT_NAMES], onKey, {
        userIdentity: { type: [{ "anything-but": ["AWSService"] }], accountId: [{ "anything-but": [camundaAccount] }] },
      }),
    );
  }
  // The rule that watches this one, watched in turn: each source in its own branch.
  if (input.monitoringChangesRuleName !== undefined) branches.push(...ruleChanges([input.monitoringChangesRuleName]));
  return { $or: branches };
}

/** An AWS API call CloudTrail recorded, by the service that took it. */
function apiCall(eventSource: string, eventNames: readonly string[], requestParameters?: object): object {
  return {
    "detail-type": [CLOUDTRAIL_DETAIL_TYPE],
    detail: { eventSource: [eventSource], eventName: [...eventNames], ...(requestParameters ? { requestParameters } : {}) },
  };
}

/**
 * Calls that delete, disable or re-scope these EventBridge rules, by the parameter each names the
 * rule with (EventBridge API reference: DeleteRule, DisableRule and PutRule take `Name`,
 * RemoveTargets and PutTargets `Rule`; CloudTrail records them as `requestParameters`). PutRule
 * can set a rule's State to DISABLED or rewrite its pattern; PutTargets can send its alerts
 * elsewhere.
 */
function ruleChanges(ruleNames: readonly (TemplateString | object)[]): object[] {
  return [
    apiCall("events.amazonaws.com", ["DeleteRule", "DisableRule", "PutRule"], { name: [...ruleNames] }),
    apiCall("events.amazonaws.com", ["RemoveTargets", "PutTargets"], { rule: [...ruleNames] }),
  ];
}

/** Calls that stop or re-scope a CloudTrail trail: without a logging trail EventBridge sees no KMS call. */
export const TRAIL_CHANGE_EVENT_NAMES = ["StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors"] as const;

export interface MonitoringChangesPatternInput {
  /**
   * What every name of the site's rules and alarms starts with (`camunda-byok-<clusterName>-`):
   * one prefix instead of each name keeps the pattern within EventBridge's 2,048 characters. Another
   * cluster's names can share it (`prod` and `prod-eu`): a change there alerts here too, never less.
   */
  namePrefix: TemplateString;
  /** The topic every alert of the site goes to. */
  alertTopicArn: TemplateString;
}

/**
 * The watch on the watchers: calls that silence the site's alerts. A trail stopped or re-scoped
 * (any trail in the region: the one that feeds EventBridge is not known here), the site's rules
 * deleted, disabled or re-targeted, its alarms deleted or muted, its topic deleted, re-configured
 * or unsubscribed. Each call is caught by a piece it does not remove: this rule watches the
 * others (and, matching their common prefix, itself: a change to it is still recorded), the
 * key-events rule watches this one. Parameter names as each API takes them
 * (CloudWatch: DeleteAlarms and DisableAlarmActions `AlarmNames`, PutMetricAlarm `AlarmName`; SNS:
 * DeleteTopic, SetTopicAttributes and RemovePermission `TopicArn`, Unsubscribe `SubscriptionArn`,
 * which starts with the topic's ARN).
 */
export function buildMonitoringChangesPattern(input: MonitoringChangesPatternInput): EventPattern {
  const named = { prefix: input.namePrefix };
  return {
    $or: [
      apiCall("cloudtrail.amazonaws.com", TRAIL_CHANGE_EVENT_NAMES),
      ...ruleChanges([named]),
      apiCall("monitoring.amazonaws.com", ["DeleteAlarms", "DisableAlarmActions"], { alarmNames: [named] }),
      apiCall("monitoring.amazonaws.com", ["PutMetricAlarm"], { alarmName: [named] }),
      apiCall("sns.amazonaws.com", ["DeleteTopic", "SetTopicAttributes", "RemovePermission"], { topicArn: [input.alertTopicArn] }),
      apiCall("sns.amazonaws.com", ["Unsubscribe"], { subscriptionArn: [{ prefix: join(input.alertTopicArn, ":") }] }),
    ],
  };
}

export interface AccessDeniedPatternInput {
  keyArn: TemplateString;
  /** The key id (`1234abcd-...`), as callers often name the key by it. */
  keyId?: TemplateString;
  /** Alias names (`alias/...`) callers may name the key by. */
  aliasNames?: readonly TemplateString[];
}

/**
 * KMS calls on the key that were denied: the guide's Step 4 asks for alerts on "unauthorized
 * access attempts". What AWS documents: CloudTrail records failed calls with `errorCode` and
 * `errorMessage`, KMS denials as `AccessDeniedException`. What it does not promise: that a denied
 * call carries `resources` (a caller without access may never have the key resolved), so the
 * pattern also matches `requestParameters.keyId` in its forms (ARN, id, alias) and an
 * `errorMessage` that names the key ARN, as KMS's "not authorized to perform ... on resource
 * <arn>" messages do. Most denied calls (Decrypt, DescribeKey) are read-only events, which
 * EventBridge delivers only to rules in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.
 */
export function buildAccessDeniedEventPattern(input: AccessDeniedPatternInput): EventPattern {
  const keyNames: TemplateString[] = [input.keyArn];
  if (input.keyId !== undefined) keyNames.push(input.keyId);
  keyNames.push(...(input.aliasNames ?? []));
  return {
    source: ["aws.kms"],
    "detail-type": [CLOUDTRAIL_DETAIL_TYPE],
    detail: {
      eventSource: [KMS_EVENT_SOURCE],
      errorCode: [{ prefix: "AccessDenied" }],
      $or: [
        { resources: { ARN: [input.keyArn] } },
        { requestParameters: { keyId: keyNames } },
        { errorMessage: [{ wildcard: join("*", input.keyArn, "*") }] },
      ],
    },
  };
}
