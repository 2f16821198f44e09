/**
 * Names. AWS names (alias, rules, alarm, topic) follow the cluster name, so an operator finds them;
 * logical ids (Pulumi child names, Terraform addresses) are fixed words appended to the
 * component's own name, so renaming the cluster never replaces the key.
 */
export const NAME_PREFIX = "camunda-byok";

/** The longest cluster name that keeps every AWS name within its limit (EventBridge rules: 64). */
export const MAX_CLUSTER_NAME_LENGTH = 32;

export function resourcePrefix(clusterName: string): string {
  return `${NAME_PREFIX}-${clusterName}`;
}

export function defaultAliasName(clusterName: string): string {
  return `alias/${resourcePrefix(clusterName)}`;
}

export const MANAGED_BY_TAG = { "managed-by": "camunda-byok-kms" } as const;
export const CLUSTER_TAG_KEY = "camunda:cluster";

/** Which region a set of resources serves: the cluster's (primary key) or the backup (replica). */
export type SiteRole = "primary" | "replica";

/** Logical ids, stable across releases: changing one would move resources in users' state. */
export const LOGICAL_IDS = {
  primary: {
    key: "key",
    alias: "alias",
    alertTopic: "alert-topic",
    alertTopicPolicy: "alert-topic-policy",
    alertSubscription: (index: number) => `alert-email-${index}`,
    alertSubscriptions: "alert-emails",
    keyEventsRule: "key-events",
    keyEventsTarget: "key-events-target",
    accessDeniedRule: "access-denied",
    accessDeniedTarget: "access-denied-target",
    alarm: "key-deletion-alarm",
    keyEventsDeliveryAlarm: "key-events-delivery-alarm",
    accessDeniedDeliveryAlarm: "access-denied-delivery-alarm",
    monitoringChangesRule: "monitoring-changes",
    monitoringChangesTarget: "monitoring-changes-target",
    monitoringChangesAlarm: "monitoring-changes-alarm",
    monitoringChangesDeliveryAlarm: "monitoring-changes-delivery-alarm",
  },
  replica: {
    key: "replica-key",
    alias: "replica-alias",
    alertTopic: "replica-alert-topic",
    alertTopicPolicy: "replica-alert-topic-policy",
    alertSubscription: (index: number) => `replica-alert-email-${index}`,
    alertSubscriptions: "replica-alert-emails",
    keyEventsRule: "replica-key-events",
    keyEventsTarget: "replica-key-events-target",
    accessDeniedRule: "replica-access-denied",
    accessDeniedTarget: "replica-access-denied-target",
    alarm: "replica-key-deletion-alarm",
    keyEventsDeliveryAlarm: "replica-key-events-delivery-alarm",
    accessDeniedDeliveryAlarm: "replica-access-denied-delivery-alarm",
    monitoringChangesRule: "replica-monitoring-changes",
    monitoringChangesTarget: "replica-monitoring-changes-target",
    monitoringChangesAlarm: "replica-monitoring-changes-alarm",
    monitoringChangesDeliveryAlarm: "replica-monitoring-changes-delivery-alarm",
  },
} as const;

/** AWS names of one site's monitoring; the same in each region, as rules and alarms are regional. */
export function monitoringNames(clusterName: string) {
  const prefix = resourcePrefix(clusterName);
  return {
    keyEventsRule: `${prefix}-key-events`,
    accessDeniedRule: `${prefix}-access-denied`,
    alarm: `${prefix}-key-deletion`,
    keyEventsDeliveryAlarm: `${prefix}-key-events-failed-delivery`,
    accessDeniedDeliveryAlarm: `${prefix}-access-denied-failed-delivery`,
    monitoringChangesRule: `${prefix}-monitoring-changes`,
    monitoringChangesAlarm: `${prefix}-monitoring-changed`,
    monitoringChangesDeliveryAlarm: `${prefix}-monitoring-changes-failed-delivery`,
    alertTopic: `${prefix}-alerts`,
  };
}
