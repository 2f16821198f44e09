import * as pulumi from "@pulumi/pulumi";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getRegionOutput } from "@pulumi/aws/getRegion";
import { getSessionContextOutput } from "@pulumi/aws/iam/getSessionContext";

// What the component learns from its AWS provider (who deploys, to which region), looked up once
// per provider; cdktf/provider-lookups.ts is the same idea for Terraform.

export interface ProviderLookups {
  accountId: pulumi.Output<string>;
  callerArn: pulumi.Output<string>;
  region: pulumi.Output<string>;
}

const byProvider = new WeakMap<object, ProviderLookups>();

/**
 * Looks them up once per AWS provider in a program (a real look-up is an STS call), through
 * the component so that its provider applies. Components on the default provider share the
 * stack's look-up; without a stack resource (bare unit tests) nothing is shared.
 */
export function providerLookups(component: pulumi.ComponentResource): ProviderLookups {
  const key: object | undefined = component.getProvider("aws::getCallerIdentity") ?? pulumi.runtime.getStackResource();
  const cached = key && byProvider.get(key);
  if (cached) return cached;
  const identity = getCallerIdentityOutput({}, { parent: component });
  const lookups = {
    accountId: identity.accountId,
    callerArn: identity.arn,
    region: getRegionOutput({}, { parent: component }).region,
  };
  if (key) byProvider.set(key, lookups);
  return lookups;
}

/**
 * The IAM principal a caller ARN stands for in a key policy: an assumed role's session resolved to
 * its role's ARN, with the path AWS needs (`iam:GetRole` on that role); any other ARN as it is.
 * Only the lockout check needs it, so only a component without the account statement asks.
 */
export function deployerPrincipalArn(component: pulumi.Resource, callerArn: string): pulumi.Output<string> {
  if (!/^arn:[\w-]+:sts::\d{12}:assumed-role\//.test(callerArn)) return pulumi.output(callerArn);
  return getSessionContextOutput({ arn: callerArn }, { parent: component }).issuerArn;
}
