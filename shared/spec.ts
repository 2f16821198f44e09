import { parseRoleArn } from "./arns";
import { DEFAULTS, withDefaults, type ByokInput } from "./inputs";
import { buildKeyPolicyTemplate, type PolicyDocument } from "./key-policy";
import { keyResources } from "./key-spec";
import { CLUSTER_TAG_KEY, LOGICAL_IDS, MANAGED_BY_TAG } from "./names";
import type { Site } from "./site";
import { siteMonitoringResources } from "./site-monitoring-spec";
import type { ByokSpec, SpecOptions, Tags } from "./spec-types";
import { ACCOUNT_ID, jsonDocument, PARTITION, ref } from "./template";
import { validateByokInput, validateKeyPolicyInput, type KeyPolicyInput } from "./validation";

/**
 * Validates the input (throwing one ByokValidationError with every problem) and describes every
 * resource to create as plain data: the key (key-spec.ts), then each site's monitoring
 * (site-monitoring-spec.ts, with its topic from alert-topic-spec.ts). Engine-created values stay
 * references (see template.ts): `account.id`, `partition.name` and `<logicalId>.<attribute>`.
 */
export function buildByokSpec(byokInput: ByokInput, options: SpecOptions = {}): ByokSpec {
  const { warnings, deferred, partition } = validateByokInput(byokInput, options);
  const isUnresolved = options.isUnresolved ?? (() => false);
  const input = withDefaults(byokInput);
  const rolePartition = isUnresolved(input.camundaClusterRoleArn) ? undefined : parseRoleArn(input.camundaClusterRoleArn)?.partition;
  const tags: Tags = { ...input.tags, [CLUSTER_TAG_KEY]: input.clusterName, ...MANAGED_BY_TAG };
  const policy = jsonDocument(
    buildKeyPolicyTemplate({
      camundaClusterRoleArn: input.camundaClusterRoleArn,
      keyAccountId: options.keyAccountId ?? ACCOUNT_ID,
      partition: rolePartition ?? partition ?? PARTITION,
      keyAdministratorArns: input.keyAdministratorArns,
      enableDefaultAccountAccess: input.enableDefaultAccountAccess,
      restrictGrantsToAwsResources: input.restrictGrantsToAwsResources,
    }),
  );

  const sites: Site[] = [
    {
      role: "primary",
      ids: LOGICAL_IDS.primary,
      place: { site: "primary", preventDestroy: false },
      regionName: input.clusterRegion,
      existingTopicArn: input.alertTopicArn,
    },
  ];
  if (input.backupRegion !== undefined) {
    sites.push({
      role: "replica",
      ids: LOGICAL_IDS.replica,
      place: { site: "replica", preventDestroy: false, region: input.backupRegion },
      regionName: input.backupRegion,
      existingTopicArn: input.backupAlertTopicArn,
    });
  }
  const resources = [
    ...keyResources(input, policy, tags),
    ...sites.flatMap((site) => siteMonitoringResources(site, input, tags, isUnresolved)),
  ];

  const ids = LOGICAL_IDS;
  return {
    resources,
    outputs: {
      keyArn: ref(ids.primary.key, "arn"),
      keyId: ref(ids.primary.key, "keyId"),
      ...(input.backupRegion !== undefined ? { replicaKeyArn: ref(ids.replica.key, "arn") } : {}),
      aliasName: input.aliasName,
      keyPolicyJson: policy,
      eventRuleArn: ref(ids.primary.keyEventsRule, "arn"),
      alarmArn: ref(ids.primary.alarm, "arn"),
      alertTopicArn: input.alertTopicArn ?? ref(ids.primary.alertTopic, "arn"),
    },
    warnings,
    deferredChecks: deferred,
    regions: { primary: input.clusterRegion, ...(input.backupRegion ? { replica: input.backupRegion } : {}) },
  };
}

/**
 * The key policy for a Camunda cluster role and the key's account, exactly as the KMS console's
 * policy editor takes it. Throws ByokValidationError listing every problem with the input.
 */
export function buildKeyPolicy(input: KeyPolicyInput): PolicyDocument {
  // Plain strings in, plain strings out: the template holds no references to resolve.
  const policy = buildKeyPolicyTemplate({
    camundaClusterRoleArn: input.camundaClusterRoleArn,
    keyAccountId: input.keyAccountId,
    partition: (typeof input.camundaClusterRoleArn === "string" && parseRoleArn(input.camundaClusterRoleArn)?.partition) || "aws",
    keyAdministratorArns: input.keyAdministratorArns ?? [],
    enableDefaultAccountAccess: input.enableDefaultAccountAccess ?? DEFAULTS.enableDefaultAccountAccess,
    restrictGrantsToAwsResources: input.restrictGrantsToAwsResources ?? DEFAULTS.restrictGrantsToAwsResources,
  }) as PolicyDocument;
  validateKeyPolicyInput(input, policy);
  return policy;
}
