import { parseRoleArn } from "./arns";
import { DEFAULTS, type ByokInput } from "./inputs";
import { buildKeyPolicyTemplate, type PolicyDocument } from "./key-policy";
import {
  buildAccessDeniedEventPattern,
  buildAlarmSettings,
  buildAlertTopicPolicy,
  buildEventPattern,
  DEFAULT_MONITORED_EVENT_NAMES,
  RULE_STATE_ENABLED,
  RULE_STATE_WITH_READ_ONLY_EVENTS,
} from "./monitoring";
import {
  CLUSTER_TAG_KEY,
  defaultAliasName,
  LOGICAL_IDS,
  MANAGED_BY_TAG,
  monitoringNames,
  type SiteRole,
} from "./names";
import {
  ACCOUNT_ID,
  EACH_VALUE,
  jsonDocument,
  PARTITION,
  ref,
  type TemplateString,
} from "./template";
import type { ByokSpec, EventRuleSettings, ResourceSpec, SpecOptions, Tags } from "./spec-types";
import {
  validateByokInput,
  validateKeyPolicyInput,
  type KeyPolicyInput,
} from "./validation";

/**
 * Validates the input (throwing one ByokValidationError with every problem) and describes every
 * resource to create as plain data. Engine-created values stay references (see template.ts):
 * `account.id`, `partition.name` and `<logicalId>.<attribute>`.
 */
export function buildByokSpec(input: ByokInput, options: SpecOptions = {}): ByokSpec {
  const { warnings, deferred, partition } = validateByokInput(input, options);
  const isUnresolved = options.isUnresolved ?? (() => false);
  const rolePartition = isUnresolved(input.camundaClusterRoleArn) ? undefined : parseRoleArn(input.camundaClusterRoleArn)?.partition;
  const settings = {
    enableDefaultAccountAccess: input.enableDefaultAccountAccess ?? DEFAULTS.enableDefaultAccountAccess,
    restrictGrantsToAwsResources: input.restrictGrantsToAwsResources ?? DEFAULTS.restrictGrantsToAwsResources,
    deletionWindowInDays: input.deletionWindowInDays ?? DEFAULTS.deletionWindowInDays,
    enableKeyRotation: input.enableKeyRotation ?? DEFAULTS.enableKeyRotation,
    rotationPeriodInDays: input.rotationPeriodInDays ?? DEFAULTS.rotationPeriodInDays,
    preventDestroy: input.preventDestroy ?? DEFAULTS.preventDestroy,
    monitorAccessDenied: input.monitorAccessDenied ?? DEFAULTS.monitorAccessDenied,
    aliasName: input.aliasName ?? defaultAliasName(input.clusterName),
    alertEmails: input.alertEmails ?? [],
    monitoredEventNames: input.monitoredEventNames ?? [...DEFAULT_MONITORED_EVENT_NAMES],
  };
  const tags: Tags = { ...(input.tags ?? {}), [CLUSTER_TAG_KEY]: input.clusterName, ...MANAGED_BY_TAG };
  const policy = jsonDocument(
    buildKeyPolicyTemplate({
      camundaClusterRoleArn: input.camundaClusterRoleArn,
      keyAccountId: options.keyAccountId ?? ACCOUNT_ID,
      partition: rolePartition ?? partition ?? PARTITION,
      keyAdministratorArns: input.keyAdministratorArns ?? [],
      enableDefaultAccountAccess: settings.enableDefaultAccountAccess,
      restrictGrantsToAwsResources: settings.restrictGrantsToAwsResources,
    }),
  );
  const names = monitoringNames(input.clusterName);
  const ids = LOGICAL_IDS;
  const resources: ResourceSpec[] = [];
  const multiRegion = input.backupRegion !== undefined;

  resources.push({
    kind: "kmsKey",
    logicalId: ids.primary.key,
    site: "primary",
    preventDestroy: settings.preventDestroy,
    settings: {
      description: `Camunda 8 SaaS BYOK key for cluster ${input.clusterName} (encrypts its disks, backups and documents)`,
      keyUsage: "ENCRYPT_DECRYPT",
      customerMasterKeySpec: "SYMMETRIC_DEFAULT",
      multiRegion,
      enableKeyRotation: settings.enableKeyRotation,
      ...(settings.enableKeyRotation ? { rotationPeriodInDays: settings.rotationPeriodInDays } : {}),
      deletionWindowInDays: settings.deletionWindowInDays,
      isEnabled: true,
      bypassPolicyLockoutSafetyCheck: false,
      policy,
      tags,
    },
  });
  if (input.backupRegion !== undefined) {
    resources.push({
      kind: "kmsReplicaKey",
      logicalId: ids.replica.key,
      site: "replica",
      region: input.backupRegion,
      preventDestroy: settings.preventDestroy,
      settings: {
        description: `Camunda 8 SaaS BYOK replica key for cluster ${input.clusterName} (dual-region backups)`,
        primaryKeyArn: ref(ids.primary.key, "arn"),
        deletionWindowInDays: settings.deletionWindowInDays,
        enabled: true,
        bypassPolicyLockoutSafetyCheck: false,
        policy,
        tags,
      },
    });
  }

  const sites: { role: SiteRole; region?: string; topicArn?: string }[] = [
    { role: "primary", topicArn: input.alertTopicArn },
  ];
  if (input.backupRegion !== undefined) {
    sites.push({ role: "replica", region: input.backupRegion, topicArn: input.backupAlertTopicArn });
  }
  for (const site of sites) {
    const id = ids[site.role];
    const keyArn = ref(id.key, "arn");
    const place = { site: site.role, preventDestroy: false, ...(site.region ? { region: site.region } : {}) };
    resources.push({ kind: "kmsAlias", logicalId: id.alias, ...place, settings: { name: settings.aliasName, targetKeyId: keyArn } });

    // The alert topic is never encrypted with the monitored key: a disabled key must not
    // silence the alarm about itself.
    const topicArn: TemplateString = site.topicArn ?? ref(id.alertTopic, "arn");
    if (site.topicArn === undefined) {
      resources.push({ kind: "snsTopic", logicalId: id.alertTopic, ...place, settings: { name: names.alertTopic, tags } });
    }
    if (isUnresolved(settings.alertEmails)) {
      resources.push({
        kind: "snsTopicSubscription",
        logicalId: id.alertSubscriptions,
        ...place,
        forEach: settings.alertEmails,
        settings: { topicArn, protocol: "email", endpoint: EACH_VALUE },
      });
    } else {
      settings.alertEmails.forEach((email, index) => {
        resources.push({
          kind: "snsTopicSubscription",
          logicalId: id.alertSubscription(index),
          ...place,
          settings: { topicArn, protocol: "email", endpoint: email },
        });
      });
    }

    const rules: { logicalId: string; targetId: string; settings: EventRuleSettings }[] = [
      {
        logicalId: id.keyEventsRule,
        targetId: id.keyEventsTarget,
        settings: {
          name: names.keyEventsRule,
          description: `Calls that disable, delete or re-scope the Camunda BYOK key of cluster ${input.clusterName}`,
          eventPattern: jsonDocument(
            buildEventPattern({
              keyArn,
              monitoredEventNames: settings.monitoredEventNames,
              camundaClusterRoleArn: input.camundaClusterRoleArn,
            }),
          ),
          state: RULE_STATE_ENABLED,
          tags,
        },
      },
    ];
    if (settings.monitorAccessDenied) {
      rules.push({
        logicalId: id.accessDeniedRule,
        targetId: id.accessDeniedTarget,
        settings: {
          name: names.accessDeniedRule,
          description: `Denied KMS calls on the Camunda BYOK key of cluster ${input.clusterName}`,
          eventPattern: jsonDocument(
            buildAccessDeniedEventPattern({ keyArn, keyId: ref(id.key, "keyId"), aliasNames: [settings.aliasName] }),
          ),
          state: RULE_STATE_WITH_READ_ONLY_EVENTS,
          tags,
        },
      });
    }
    for (const rule of rules) {
      resources.push({ kind: "eventRule", logicalId: rule.logicalId, ...place, settings: rule.settings });
      resources.push({
        kind: "eventTarget",
        logicalId: rule.targetId,
        ...place,
        settings: { rule: ref(rule.logicalId, "name"), arn: topicArn, targetId: "camunda-byok-alerts" },
      });
    }
    resources.push({
      kind: "metricAlarm",
      logicalId: id.alarm,
      ...place,
      settings: {
        ...buildAlarmSettings({
          alarmName: names.alarm,
          ruleName: ref(id.keyEventsRule, "name"),
          alertTopicArn: topicArn,
          keyDescription: `the Camunda BYOK ${site.role === "primary" ? "key" : "replica key"} of cluster ${input.clusterName}`,
        }),
        tags,
      },
    });
    if (site.topicArn === undefined) {
      resources.push({
        kind: "snsTopicPolicy",
        logicalId: id.alertTopicPolicy,
        ...place,
        settings: {
          arn: topicArn,
          policy: jsonDocument(
            buildAlertTopicPolicy(topicArn, rules.map((rule) => ref(rule.logicalId, "arn")), ref(id.alarm, "arn")),
          ),
        },
      });
    }
  }

  return {
    resources,
    outputs: {
      keyArn: ref(ids.primary.key, "arn"),
      keyId: ref(ids.primary.key, "keyId"),
      ...(input.backupRegion !== undefined ? { replicaKeyArn: ref(ids.replica.key, "arn") } : {}),
      aliasName: settings.aliasName,
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
