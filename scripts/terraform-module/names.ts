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

/** Each primary resource's Terraform name; a replica's is `replica_<name>` (or `replica`). */
const PRIMARY_NAMES: Record<keyof (typeof LOGICAL_IDS)["primary"], string> = {
  key: "this",
  alias: "this",
  alertTopic: "alerts",
  alertTopicPolicy: "alerts",
  alertSubscription: "alerts",
  alertSubscriptions: "alerts",
  keyEventsRule: "key_events",
  keyEventsTarget: "key_events",
  accessDeniedRule: "access_denied",
  accessDeniedTarget: "access_denied",
  alarm: "key_deletion",
  keyEventsDeliveryAlarm: "key_events_delivery",
  accessDeniedDeliveryAlarm: "access_denied_delivery",
};

export const TERRAFORM_NAMES = new Map<string, string>();
for (const role of ["primary", "replica"] as SiteRole[]) {
  for (const [key, name] of Object.entries(PRIMARY_NAMES)) {
    const id = LOGICAL_IDS[role][key as keyof typeof PRIMARY_NAMES];
    if (typeof id !== "string") continue;
    TERRAFORM_NAMES.set(id, role === "primary" ? name : name === "this" ? "replica" : `replica_${name}`);
  }
}
