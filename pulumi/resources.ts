import type * as pulumi from "@pulumi/pulumi";
import { Alias } from "@pulumi/aws/kms/alias";
import { Key } from "@pulumi/aws/kms/key";
import { ReplicaKey } from "@pulumi/aws/kms/replicaKey";
import { Topic } from "@pulumi/aws/sns/topic";
import { TopicPolicy } from "@pulumi/aws/sns/topicPolicy";
import { TopicSubscription } from "@pulumi/aws/sns/topicSubscription";
import { EventRule } from "@pulumi/aws/cloudwatch/eventRule";
import { EventTarget } from "@pulumi/aws/cloudwatch/eventTarget";
import { MetricAlarm } from "@pulumi/aws/cloudwatch/metricAlarm";
import type { ResourceKind, ResourceSpec } from "../shared";

export type PulumiResource = pulumi.CustomResource;

// biome-ignore lint/suspicious/noExplicitAny: each class takes its own args type; the parity tests check what the spec gives them
type Constructor = new (name: string, args: any, opts?: pulumi.CustomResourceOptions) => PulumiResource;

/** Each spec kind's @pulumi/aws class, imported by module so no other service loads. */
export const RESOURCE_CLASSES: Record<ResourceKind, Constructor> = {
  kmsKey: Key,
  kmsReplicaKey: ReplicaKey,
  kmsAlias: Alias,
  snsTopic: Topic,
  snsTopicSubscription: TopicSubscription,
  snsTopicPolicy: TopicPolicy,
  eventRule: EventRule,
  eventTarget: EventTarget,
  metricAlarm: MetricAlarm,
};

/** Where @pulumi/aws names an argument differently from the Terraform names the spec uses. */
const PULUMI_ARG_NAMES: Partial<Record<ResourceKind, Record<string, string>>> = {
  snsTopicSubscription: { topicArn: "topic" },
  metricAlarm: { alarmName: "name" },
};

/**
 * A spec resource's arguments under @pulumi/aws's names. The caller constructs the class itself:
 * Pulumi records a stack trace per resource and Output, so frames in between cost time at scale.
 */
export function resourceArgs(planned: ResourceSpec, settings: Record<string, unknown>): Record<string, unknown> {
  const renames = PULUMI_ARG_NAMES[planned.kind] ?? {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) args[renames[key] ?? key] = value;
  if (planned.region !== undefined) args.region = planned.region;
  return args;
}
