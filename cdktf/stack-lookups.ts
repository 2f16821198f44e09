import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";

/** What every key of a stack learns from the stack's default AWS provider, as Terraform tokens. */
export interface StackLookups {
  accountId: string;
  region: string;
  partition(): string;
}

const byStack = new WeakMap<TerraformStack, StackLookups>();

/**
 * One look-up per stack, shared by every key in it: they all use the stack's default AWS
 * provider, so they see the same account, region and partition. 500 keys then cost neither 1,000
 * data sources nor 1,000 tokens (cdktf records a stack trace for each).
 */
export function stackLookups(scope: Construct): StackLookups {
  const stack = TerraformStack.of(scope);
  let lookups = byStack.get(stack);
  if (!lookups) {
    let partition: string | undefined;
    lookups = {
      accountId: new DataAwsCallerIdentity(stack, "camunda-byok-account").accountId,
      region: new DataAwsRegion(stack, "camunda-byok-provider-region").region,
      partition: () => (partition ??= new DataAwsPartition(stack, "camunda-byok-partition").partition),
    };
    byStack.set(stack, lookups);
  }
  return lookups;
}
