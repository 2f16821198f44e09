import { TerraformStack, type TerraformProvider } from "cdktf";
import type { Construct } from "constructs";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsIamSessionContext } from "@cdktf/provider-aws/lib/data-aws-iam-session-context";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";

// What the keys of a stack learn from an AWS provider (account, region, partition, deployer), as
// Terraform tokens made once per stack and provider; pulumi/provider-lookups.ts is the same idea.

export interface ProviderLookups {
  accountId: string;
  /** Looked up only where needed: a provider whose region is a literal is compared at synth. */
  region(): string;
  partition(): string;
  /** The IAM role or user the provider deploys as (an assumed role's session resolved to its role, with its path). */
  deployerArn(): string;
}

const byStack = new WeakMap<TerraformStack, Map<TerraformProvider | undefined, ProviderLookups>>();

/**
 * One look-up per stack and AWS provider, shared by every key that uses that provider: they see
 * the same account, region and partition. 500 keys then cost neither 1,000 data sources nor 1,000
 * tokens (cdktf records a stack trace for each).
 */
export function providerLookups(scope: Construct, provider?: TerraformProvider): ProviderLookups {
  const stack = TerraformStack.of(scope);
  const byProvider = byStack.get(stack) ?? new Map<TerraformProvider | undefined, ProviderLookups>();
  byStack.set(stack, byProvider);
  let lookups = byProvider.get(provider);
  if (!lookups) {
    // The default provider's look-ups keep their plain ids; another provider's carry its id.
    const id = (name: string) => (provider ? `${name}-${provider.node.id}` : name);
    const config = provider ? { provider } : {};
    let region: string | undefined;
    let partition: string | undefined;
    let deployer: string | undefined;
    const caller = new DataAwsCallerIdentity(stack, id("camunda-byok-account"), config);
    lookups = {
      accountId: caller.accountId,
      region: () => (region ??= new DataAwsRegion(stack, id("camunda-byok-provider-region"), config).id),
      partition: () => (partition ??= new DataAwsPartition(stack, id("camunda-byok-partition"), config).partition),
      deployerArn: () =>
        (deployer ??= new DataAwsIamSessionContext(stack, id("camunda-byok-deployer"), { ...config, arn: caller.arn }).issuerArn),
    };
    byProvider.set(provider, lookups);
  }
  return lookups;
}
