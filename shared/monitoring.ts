import type { SiteRole } from "./names";
import { recoveryCommands } from "./recovery";
import { join, type Ref, type TemplateString } from "./template";

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
] as const;

/** Rotation settings belong to the primary key: a replica shares its key material and has none. */
export const PRIMARY_ONLY_EVENT_NAMES = ["DisableKeyRotation", "EnableKeyRotation", "RotateKeyOnDemand"] as const;

/**
 * Calls whose CloudTrail record in a replica's region has no `resources` and names the key in
 * `requestParameters.keyId` instead (AWS KMS developer guide, "UpdatePrimaryRegion" log entries).
 */
export const NAMED_BY_KEY_ID_IN_REPLICA_REGION = ["UpdatePrimaryRegion"] as const;

/**
 * Events KMS emits itself (not through CloudTrail) that the alarm watches: a completed deletion.
 * Not `KMS CMK Rotation`: rotation is routine (yearly by default), and an alarm that fires on
 * routine gets muted.
 */
export const KMS_KEY_EVENT_DETAIL_TYPES = ["KMS CMK Deletion"] as const;

const CLOUDTRAIL_DETAIL_TYPE = "AWS API Call via CloudTrail";
const KMS_EVENT_SOURCE = "kms.amazonaws.com";

export interface EventPatternInput {
  /** The key's ARN; may be an engine reference, as it is only embedded. */
  keyArn: TemplateString;
  /** @default DEFAULT_MONITORED_EVENT_NAMES */
  monitoredEventNames?: readonly string[];
  /**
   * The Camunda cluster role. With it, a grant revocation by anyone else raises an alert too:
   * revoking the grants Camunda's volumes hold cuts the cluster off its disks.
   */
  camundaClusterRoleArn?: TemplateString;
  /**
   * Which key the pattern watches: the primary, or a replica in the backup region, where only the
   * events that can happen to a replica are matched, each in the shape it has there.
   * @default "primary"
   */
  site?: SiteRole;
}

export type EventPattern = Record<string, unknown>;

function cloudTrailCall(eventNames: readonly TemplateString[], key: object, extra: object = {}): object {
  return {
    "detail-type": [CLOUDTRAIL_DETAIL_TYPE],
    detail: { eventSource: [KMS_EVENT_SOURCE], eventName: [...eventNames], ...key, ...extra },
  };
}

/**
 * The EventBridge pattern for calls that threaten the key. EventBridge sees CloudTrail's KMS
 * records only where a trail logs management events in the key's region.
 *
 * Grant calls are Camunda's routine (EBS creates and retires grants all day), so only a
 * RevokeGrant by someone other than the Camunda role matches. A role's calls reach CloudTrail as
 * `AssumedRole` sessions whose `sessionContext.sessionIssuer.arn` is the role ARN with its path;
 * `anything-but` only matches a field that is present, hence the two branches.
 */
export function buildEventPattern(input: EventPatternInput): EventPattern {
  const names = siteEventNames(input.monitoredEventNames ?? DEFAULT_MONITORED_EVENT_NAMES, input.site ?? "primary");
  return buildEventPatternFromNames(input.keyArn, names, input.camundaClusterRoleArn);
}

/** The event names a site's rule matches, by where its CloudTrail record names the key. */
export interface SiteEventNames<S = string> {
  /** Calls whose record names the key in `resources`. */
  byResource: readonly S[];
  /** Calls whose record names the key only in `requestParameters.keyId`. */
  byKeyId: readonly S[];
}

/** Which monitored calls can happen to a site's key, and how its records there name the key. */
export function siteEventNames(monitoredEventNames: readonly string[], site: SiteRole): SiteEventNames {
  const replica = site === "replica";
  const named = monitoredEventNames.filter((name) => !replica || !(PRIMARY_ONLY_EVENT_NAMES as readonly string[]).includes(name));
  const byKeyId = replica ? named.filter((name) => (NAMED_BY_KEY_ID_IN_REPLICA_REGION as readonly string[]).includes(name)) : [];
  return { byResource: named.filter((name) => !byKeyId.includes(name)), byKeyId };
}

/**
 * The pattern for names already sorted by site (see `siteEventNames`). The Terraform module calls
 * it with lists Terraform computes, which is why the names may be template strings.
 */
export function buildEventPatternFromNames(
  keyArn: TemplateString,
  names: SiteEventNames<TemplateString>,
  camundaClusterRoleArn?: TemplateString,
): EventPattern {
  const onKey = { resources: { ARN: [keyArn] } };
  const branches: object[] = [];
  if (names.byResource.length > 0) branches.push(cloudTrailCall(names.byResource, onKey));
  if (names.byKeyId.length > 0) branches.push(cloudTrailCall(names.byKeyId, { requestParameters: { keyId: [keyArn] } }));
  branches.push({ "detail-type": [...KMS_KEY_EVENT_DETAIL_TYPES], resources: [keyArn] });
  if (camundaClusterRoleArn !== undefined) {
    branches.push(
      cloudTrailCall(["RevokeGrant"], onKey, {
        userIdentity: { type: [{ "anything-but": ["AssumedRole", "AWSService"] }] },
      }),
      cloudTrailCall(["RevokeGrant"], onKey, {
        userIdentity: {
          type: ["AssumedRole"],
          sessionContext: { sessionIssuer: { arn: [{ "anything-but": [camundaClusterRoleArn] }] } },
        },
      }),
    );
  }
  return { source: ["aws.kms"], $or: branches };
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

/** Rule states: the access-denied rule must see read-only management events. */
export const RULE_STATE_ENABLED = "ENABLED";
export const RULE_STATE_WITH_READ_ONLY_EVENTS = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";

export interface AlarmSettings {
  alarmName: TemplateString;
  alarmDescription: TemplateString;
  namespace: "AWS/Events";
  metricName: "TriggeredRules" | "FailedInvocations";
  dimensions: { RuleName: TemplateString };
  statistic: "Sum";
  period: number;
  evaluationPeriods: number;
  threshold: number;
  comparisonOperator: "GreaterThanOrEqualToThreshold";
  treatMissingData: "notBreaching";
  alarmActions: TemplateString[];
}

/** CloudWatch's limit on an alarm's description. */
export const MAX_ALARM_DESCRIPTION_LENGTH = 1024;

/** One event in five minutes is already an incident; silence is healthy, not missing data. */
function firstEventAlarm(
  metricName: AlarmSettings["metricName"],
  input: { alarmName: TemplateString; ruleName: TemplateString; alertTopicArn: TemplateString },
) {
  return {
    alarmName: input.alarmName,
    namespace: "AWS/Events" as const,
    metricName,
    dimensions: { RuleName: input.ruleName },
    statistic: "Sum" as const,
    period: 300,
    evaluationPeriods: 1,
    threshold: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold" as const,
    treatMissingData: "notBreaching" as const,
    alarmActions: [input.alertTopicArn],
  };
}

/**
 * The alarm on the key-events rule. Its description is what the person paged reads first: what
 * happened, what Camunda does about it (Camunda's key-state page), and the commands that recover.
 */
export function buildAlarmSettings(input: {
  alarmName: TemplateString;
  ruleName: TemplateString;
  alertTopicArn: TemplateString;
  /** "the Camunda BYOK key of cluster payments-prod", say. */
  keyDescription: string;
  keyArn: TemplateString;
  region: TemplateString;
}): AlarmSettings {
  const fix = recoveryCommands(input.keyArn, input.region, "npx camunda-byok-kms policy ...");
  return {
    ...firstEventAlarm("TriggeredRules", input),
    alarmDescription: join(
      `${capitalize(input.keyDescription)} was disabled, scheduled for deletion, or had its policy or grants changed: check CloudTrail. `,
      'Camunda: a disabled key, a pending deletion or a policy without Camunda\'s access freezes the cluster (the Console may show "Healthy" for ~15 minutes, then "External encryption key is not ready"); a completed deletion loses the data. ',
      "Recover: ",
      fix.enableKey,
      " | ",
      fix.cancelDeletion,
      ", then enable-key | ",
      fix.restorePolicy,
    ),
  };
}

/**
 * The alarm on a rule's failed deliveries: when EventBridge cannot publish to the topic (its access
 * policy, or a KMS key that does not let EventBridge use it), alerts are lost silently otherwise.
 */
export function buildDeliveryAlarmSettings(input: {
  alarmName: TemplateString;
  ruleName: TemplateString;
  alertTopicArn: TemplateString;
}): AlarmSettings {
  return {
    ...firstEventAlarm("FailedInvocations", input),
    alarmDescription: join(
      "EventBridge could not deliver the alerts of rule ",
      input.ruleName,
      " to ",
      input.alertTopicArn,
      ": alerts about the Camunda BYOK key are being lost. Check that the topic's access policy lets events.amazonaws.com publish, and that an encrypted topic's KMS key lets events.amazonaws.com use it.",
    ),
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Replaces the topic's default policy: EventBridge rules and CloudWatch alarms may publish, each
 * only for its own ARN (the confused-deputy guard AWS recommends). The account keeps its access
 * through IAM policies.
 */
export function buildAlertTopicPolicy(topicArn: TemplateString, ruleArns: Ref[], alarmArns: Ref | Ref[]) {
  const publishFrom = (sid: string, service: string, sourceArns: Ref | Ref[]) => ({
    Sid: sid,
    Effect: "Allow",
    Principal: { Service: service },
    Action: "sns:Publish",
    Resource: topicArn,
    Condition: { ArnEquals: { "aws:SourceArn": sourceArns } },
  });
  return {
    Version: "2012-10-17",
    Statement: [
      publishFrom("AllowKeyEventRules", "events.amazonaws.com", ruleArns),
      publishFrom("AllowKeyDeletionAlarm", "cloudwatch.amazonaws.com", alarmArns),
    ],
  };
}
