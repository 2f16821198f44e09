import * as pulumi from "@pulumi/pulumi";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getRegionOutput } from "@pulumi/aws/getRegion";

/** What the component learns from its AWS provider: who deploys, and to which region. */
export interface DeploymentFacts {
  accountId: pulumi.Output<string>;
  callerArn: pulumi.Output<string>;
  region: pulumi.Output<string>;
}

const byProvider = new WeakMap<object, DeploymentFacts>();

/**
 * Looks the facts up once per AWS provider in a program (a real look-up is an STS call), through
 * the component so that its provider applies. Components on the default provider share the
 * stack's look-up; without a stack resource (bare unit tests) nothing is shared.
 */
export function deploymentFacts(component: pulumi.ComponentResource): DeploymentFacts {
  const key: object | undefined = component.getProvider("aws::getCallerIdentity") ?? pulumi.runtime.getStackResource();
  const cached = key && byProvider.get(key);
  if (cached) return cached;
  const identity = getCallerIdentityOutput({}, { parent: component });
  const facts = {
    accountId: identity.accountId,
    callerArn: identity.arn,
    region: getRegionOutput({}, { parent: component }).region,
  };
  if (key) byProvider.set(key, facts);
  return facts;
}
