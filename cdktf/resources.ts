import type { TerraformMetaArguments, TerraformResource } from "cdktf";
import type { Construct } from "constructs";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KmsReplicaKey } from "@cdktf/provider-aws/lib/kms-replica-key";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import type { ResourceKind, ResourceSpec } from "../shared";

// biome-ignore lint/suspicious/noExplicitAny: each class takes its own config type; the parity tests check what the spec gives them
type Constructor = new (scope: Construct, id: string, config: any) => TerraformResource;

/** Each spec kind's provider class, imported by path: the provider's root index costs seconds. */
export const RESOURCE_CLASSES: Record<ResourceKind, Constructor> = {
  kmsKey: KmsKey,
  kmsReplicaKey: KmsReplicaKey,
  kmsAlias: KmsAlias,
  snsTopic: SnsTopic,
  snsTopicSubscription: SnsTopicSubscription,
  snsTopicPolicy: SnsTopicPolicy,
  eventRule: CloudwatchEventRule,
  eventTarget: CloudwatchEventTarget,
  metricAlarm: CloudwatchMetricAlarm,
};

/**
 * A spec resource's configuration: the spec already uses the provider's argument names. The
 * caller constructs the class itself: cdktf records a full stack trace for every token a resource
 * makes, so each frame between the stack and the constructor costs time at scale.
 */
export function resourceConfig(planned: ResourceSpec, settings: Record<string, unknown>, meta: TerraformMetaArguments) {
  return { ...settings, ...(planned.region !== undefined ? { region: planned.region } : {}), ...meta };
}
