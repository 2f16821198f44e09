// The EventBridge patterns that watch a key: its dangerous calls (through CloudTrail) and KMS's own
// deletion event, and the calls on it that were denied. Both sites (the key and its replica) use
// the same patterns: after a primary-region swap the replica is the primary.
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
] as const;

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
   * The Camunda cluster role. With it, a grant revocation by anyone else raises an alert too:
   * revoking the grants Camunda's volumes hold cuts the cluster off its disks.
   */
  camundaClusterRoleArn?: TemplateString;
}

export type EventPattern = Record<string, unknown>;

function cloudTrailCall(eventNames: readonly TemplateString[] | TemplateString, key: object, extra: object = {}): object {
  return {
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
 * Grant calls are Camunda's routine (EBS creates and retires grants all day), so only a
 * RevokeGrant by someone other than the Camunda role matches. A role's calls reach CloudTrail as
 * `AssumedRole` sessions whose `sessionContext.sessionIssuer.arn` is the role ARN with its path;
 * `anything-but` only matches a field that is present, hence the two branches.
 */
export function buildEventPattern(input: EventPatternInput): EventPattern {
  const names: readonly TemplateString[] | TemplateString = input.monitoredEventNames ?? [...DEFAULT_MONITORED_EVENT_NAMES];
  const onKey = { resources: { ARN: [input.keyArn] } };
  const branches: object[] = [
    cloudTrailCall(names, onKey),
    cloudTrailCall(names, { requestParameters: { keyId: input.keyId === undefined ? [input.keyArn] : [input.keyArn, input.keyId] } }),
    { "detail-type": [...KMS_KEY_EVENT_DETAIL_TYPES], resources: [input.keyArn] },
  ];
  if (input.camundaClusterRoleArn !== undefined) {
    branches.push(
      cloudTrailCall(["RevokeGrant"], onKey, {
        userIdentity: { type: [{ "anything-but": ["AssumedRole", "AWSService"] }] },
      }),
      cloudTrailCall(["RevokeGrant"], onKey, {
        userIdentity: {
          type: ["AssumedRole"],
          sessionContext: { sessionIssuer: { arn: [{ "anything-but": [input.camundaClusterRoleArn] }] } },
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
