// AWS's limits on the documents the package writes: the key policy (32,768 bytes) and each event
// pattern (EventBridge's default quota, 2,048 characters, at apply time). Both hold values nobody knows before apply (the
// account id, the key's ARN), so each is bounded with the longest values AWS can give them, and
// what could not fit is refused before anything exists.
import { buildEventPattern, buildMonitoringChangesPattern } from "../event-patterns";
import { DEFAULTS, type ByokInput } from "../inputs";
import {
  buildKeyPolicyTemplate,
  keyPolicyBytes,
  keyPolicyBytesUpperBound,
  knownChoices,
  MAX_KEY_POLICY_BYTES,
  type PolicyDocument,
} from "../key-policy";
import { MAX_CLUSTER_NAME_LENGTH, monitoringNames, resourcePrefix } from "../names";
import { REGIONS_BY_PARTITION } from "../regions";
import type { Checker } from "./checker";

export const MAX_EVENT_PATTERN_LENGTH = 2048;

/** A multi-region key id is "mrk-" and 32 hex digits; aws-us-gov is the longest partition. */
const LONGEST_KEY_ID = `mrk-${"0".repeat(32)}`;

function longestKeyArn(): string {
  const region = Object.values(REGIONS_BY_PARTITION)
    .flat()
    .reduce((a, b) => (b.length > a.length ? b : a));
  return `arn:aws-us-gov:kms:${region}:000000000000:key/${LONGEST_KEY_ID}`;
}

/** AWS counts the policy as sent; the account id is always 12 characters. */
export function checkPolicySize(check: Checker, input: ByokInput, built?: PolicyDocument<unknown>): void {
  const strings = {
    camundaClusterRoleArn: check.known(input.camundaClusterRoleArn) ? String(input.camundaClusterRoleArn) : "",
    keyAccountId: "000000000000",
    partition: "aws-us-gov",
    keyAdministratorArns: knownList(check, input.keyAdministratorArns),
    keyDeletionAllowedArns: knownList(check, input.keyDeletionAllowedArns),
  };
  // Serializing is most of the cost of a policy; only a policy that might be too big needs it.
  if (keyPolicyBytesUpperBound(strings) <= MAX_KEY_POLICY_BYTES) return;
  const policy =
    built ??
    buildKeyPolicyTemplate(
      strings,
      knownChoices({
        ...strings,
        enableDefaultAccountAccess: input.enableDefaultAccountAccess ?? DEFAULTS.enableDefaultAccountAccess,
        restrictGrantsToAwsResources: input.restrictGrantsToAwsResources ?? DEFAULTS.restrictGrantsToAwsResources,
        preventDestroy: input.preventDestroy ?? DEFAULTS.preventDestroy,
      }),
    );
  const bytes = keyPolicyBytes(policy);
  if (bytes > MAX_KEY_POLICY_BYTES) {
    check.problem(
      "keyAdministratorArns",
      `make the key policy ${bytes} bytes, over AWS's limit of ${MAX_KEY_POLICY_BYTES}; name fewer principals here and in keyDeletionAllowedArns (an IAM role they assume, say)`,
    );
  }
}

function knownList(check: Checker, list: unknown): string[] {
  return (Array.isArray(list) ? list : []).filter((arn) => check.known(arn)).map(String);
}

/** The longest name of a site's rules and alarms starts with the longest cluster name. */
const LONGEST_CLUSTER_NAME = "c".repeat(MAX_CLUSTER_NAME_LENGTH);

/** The key-events pattern with the longest values AWS can give what is known only at apply time. */
export function keyEventsPattern(names: readonly string[] | undefined): string {
  return JSON.stringify(
    buildEventPattern({
      keyArn: longestKeyArn(),
      keyId: LONGEST_KEY_ID,
      monitoredEventNames: names,
      camundaAccountId: "000000000000",
      monitoringChangesRuleName: monitoringNames(LONGEST_CLUSTER_NAME).monitoringChangesRule,
    }),
  );
}

/** The monitoring-changes pattern for a cluster name and a topic ARN. */
export function monitoringChangesPattern(clusterName: string, topicArn: string): string {
  return JSON.stringify(buildMonitoringChangesPattern({ namePrefix: `${resourcePrefix(clusterName)}-`, alertTopicArn: topicArn }));
}

/**
 * EventBridge's default quota on an event pattern is 2,048 characters (adjustable to 4,096; the
 * provider refuses more): each pattern the package writes must fit it.
 */
export function checkEventPatternSizes(check: Checker, input: ByokInput): void {
  const names = input.monitoredEventNames;
  const limit = MAX_EVENT_PATTERN_LENGTH;
  if (check.unknown(names)) {
    // The names appear twice (by resources and by requestParameters.keyId): a budget for their JSON.
    const base = keyEventsPattern([]).length;
    check.later({
      input: "monitoredEventNames",
      value: names,
      message: `must keep the key-events pattern within EventBridge's ${limit} characters; monitor fewer events`,
      kind: "encodedLengthAtMost",
      max: 2 + Math.floor((limit - base) / 2),
    });
  } else if (names === undefined || (Array.isArray(names) && names.every((name) => check.known(name)))) {
    const length = keyEventsPattern(names as string[] | undefined).length;
    if (length > limit) {
      check.problem(
        "monitoredEventNames",
        `make the key-events pattern up to ${length} characters, over EventBridge's limit of ${limit}; monitor fewer events (got ${names?.length ?? 0} names)`,
      );
    }
  }
  const clusterName = check.known(input.clusterName) ? String(input.clusterName) : LONGEST_CLUSTER_NAME;
  for (const name of ["alertTopicArn", "backupAlertTopicArn"] as const) {
    const topic = input[name];
    // A new topic's ARN always fits (a test holds the longest to it).
    if (topic === undefined) continue;
    if (check.unknown(topic)) {
      // The topic's ARN appears twice (DeleteTopic and its kin, and the subscriptions' prefix).
      const base = monitoringChangesPattern(LONGEST_CLUSTER_NAME, "").length;
      check.later({
        input: name,
        value: topic,
        message: `must be short enough for the monitoring-changes pattern to fit EventBridge's ${limit} characters; use a topic with a shorter name`,
        kind: "lengthAtMost",
        max: Math.floor((limit - base) / 2),
      });
      continue;
    }
    const length = monitoringChangesPattern(clusterName, String(topic)).length;
    if (length > limit) {
      check.problem(
        name,
        `makes the monitoring-changes pattern ${length} characters, over EventBridge's limit of ${limit}; use a topic with a shorter name`,
      );
    }
  }
}
