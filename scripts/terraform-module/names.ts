// How the module names things: variables in snake case, resources as a Terraform engineer would.
import type { ResourceKind } from "../../shared";
import { INPUT_NAMES, LOGICAL_IDS, type SiteRole } from "../../shared/internal";

export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** A text about the inputs, with each input named as the module's variable. */
export function terraformWords(text: string): string {
  return [...INPUT_NAMES]
    .sort((a, b) => b.length - a.length)
    .reduce((out, name) => out.replace(new RegExp(`\\b${name}\\b`, "g"), snakeCase(name)), text);
}

export const RESOURCE_TYPES: Record<ResourceKind, string> = {
  kmsKey: "aws_kms_key",
  kmsReplicaKey: "aws_kms_replica_key",
  kmsAlias: "aws_kms_alias",
  snsTopic: "aws_sns_topic",
  snsTopicSubscription: "aws_sns_topic_subscription",
  snsTopicPolicy: "aws_sns_topic_policy",
  eventRule: "aws_cloudwatch_event_rule",
  eventTarget: "aws_cloudwatch_event_target",
  metricAlarm: "aws_cloudwatch_metric_alarm",
};

/** The Terraform name of each resource of a site's monitoring, in the monitoring submodule. */
export const MONITORING_NAMES: Record<string, string> = {
  [LOGICAL_IDS.primary.alertTopic]: "alerts",
  [LOGICAL_IDS.primary.alertTopicPolicy]: "alerts",
  [LOGICAL_IDS.primary.alertSubscriptions]: "alerts",
  [LOGICAL_IDS.primary.keyEventsRule]: "key_events",
  [LOGICAL_IDS.primary.keyEventsTarget]: "key_events",
  [LOGICAL_IDS.primary.accessDeniedRule]: "access_denied",
  [LOGICAL_IDS.primary.accessDeniedTarget]: "access_denied",
  [LOGICAL_IDS.primary.alarm]: "key_deletion",
  [LOGICAL_IDS.primary.keyEventsDeliveryAlarm]: "key_events_delivery",
  [LOGICAL_IDS.primary.accessDeniedDeliveryAlarm]: "access_denied_delivery",
  [LOGICAL_IDS.primary.monitoringChangesRule]: "monitoring_changes",
  [LOGICAL_IDS.primary.monitoringChangesTarget]: "monitoring_changes",
  [LOGICAL_IDS.primary.monitoringChangesAlarm]: "monitoring_changed",
  [LOGICAL_IDS.primary.monitoringChangesDeliveryAlarm]: "monitoring_changes_delivery",
};

/** The Terraform name of each resource in the root module: the keys and their aliases. */
export const ROOT_NAMES: Record<string, string> = {
  [LOGICAL_IDS.primary.key]: "this",
  [LOGICAL_IDS.primary.alias]: "this",
  [LOGICAL_IDS.replica.key]: "replica",
  [LOGICAL_IDS.replica.alias]: "replica",
};

/** The monitoring submodule's call per site. */
export const MONITORING_CALLS: Record<SiteRole, string> = { primary: "monitoring", replica: "replica_monitoring" };
