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

type Constructor = new (scope: Construct, id: string, config: any) => TerraformResource;

/** Each spec kind's provider class, imported by path: the provider's root index costs seconds. */
const CLASSES: Record<ResourceKind, Constructor> = {
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

/** Adds one spec resource; the spec uses the provider's own argument names. */
export function createResource(
  scope: Construct,
  planned: ResourceSpec,
  settings: Record<string, unknown>,
  meta: TerraformMetaArguments,
): TerraformResource {
  return new CLASSES[planned.kind](scope, planned.logicalId, {
    ...settings,
    ...(planned.region !== undefined ? { region: planned.region } : {}),
    ...meta,
  });
}
