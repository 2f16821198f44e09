// buildByokSpec: every resource to create, as plain data, for every engine.
import { parseRoleArn } from "./arns";
import { Choices, compact, type Condition } from "./conditions";
import { type ByokInput, inputKnowledge, resolveInput } from "./inputs";
import { buildKeyPolicyTemplate } from "./key-policy";
import { DUAL_REGION, keyResources } from "./key-spec";
import { monitoringResources } from "./monitoring-spec";
import { CLUSTER_TAG_KEY, LOGICAL_IDS, MANAGED_BY_TAG, type SiteRole } from "./names";
import type { MonitoringInput, SitePlace } from "./site";
import type { ByokSpec, SiteSpec, SpecOptions, Tags } from "./spec-types";
import { ACCOUNT_ID, computed, jsonDocument, named, PARTITION, ref, type TemplateString } from "./template";
import { validateByokInput } from "./validation";

/**
 * Validates the input (throwing one ByokValidationError with every problem) and describes every
 * resource to create as plain data: the keys and aliases (key-spec.ts), then each site's
 * monitoring (monitoring-spec.ts, with its topic from alert-topic-spec.ts). Engine-created values
 * stay references (see template.ts), and choices an engine knows only later stay conditions (see
 * conditions.ts).
 */
export function buildByokSpec(byokInput: ByokInput, options: SpecOptions = {}): ByokSpec {
  const isUnknown = options.isUnknown ?? (() => false);
  const mayBeNull = options.mayBeNull ?? (() => false);
  const knowledge = inputKnowledge(byokInput, isUnknown, mayBeNull);
  const choices = new Choices(knowledge);
  const validated = validateByokInput(byokInput, options, choices);
  const input = resolveInput(byokInput, choices);
  const roleArn = input.camundaClusterRoleArn;
  const rolePartition = isUnknown(roleArn) ? undefined : parseRoleArn(roleArn)?.partition;
  const ownTags = { [CLUSTER_TAG_KEY]: input.clusterName, ...MANAGED_BY_TAG };
  const tags: Tags = named("tags", computed<Tags>("merge", [input.tags, ownTags], isUnknown));
  const policy = named(
    "keyPolicy",
    jsonDocument(
      buildKeyPolicyTemplate(
        {
          camundaClusterRoleArn: roleArn,
          keyAccountId: options.keyAccountId ?? ACCOUNT_ID,
          partition: rolePartition ?? validated.partition ?? PARTITION,
          keyAdministratorArns: input.keyAdministratorArns,
          keyDeletionAllowedArns: input.keyDeletionAllowedArns,
        },
        choices,
      ),
    ),
  );

  const ids = LOGICAL_IDS;
  const siteOf = (role: SiteRole, monitoring: MonitoringInput, when?: Condition): SiteSpec => {
    const place: SitePlace = { role, ids: ids[role], ...(role === "replica" ? { region: input.backupRegion } : {}) };
    const siteChoices = new Choices({ ...knowledge, valueOf: (name) => (monitoring as unknown as Record<string, unknown>)[name] });
    const built = monitoringResources(place, monitoring, siteChoices);
    // A site's conditions read its MonitoringInput (where alertTopicArn is the site's own topic).
    return { role, ...(when ? { when } : {}), input: monitoring, resources: built.resources, outputs: built.outputs };
  };
  const common = {
    clusterName: input.clusterName,
    aliasName: input.aliasName,
    camundaClusterRoleArn: roleArn,
    monitoredEventNames: input.monitoredEventNames,
    monitorAccessDenied: input.monitorAccessDenied,
    alertEmails: input.alertEmails,
    tags,
  };
  const sites: SiteSpec[] = [
    siteOf("primary", {
      ...common,
      keyLabel: "key",
      keyArn: ref(ids.primary.key, "arn"),
      keyId: ref(ids.primary.key, "keyId"),
      region: input.clusterRegion,
      ...(input.alertTopicArn !== undefined ? { alertTopicArn: input.alertTopicArn } : {}),
      ...(input.alertTopicKmsKeyArn !== undefined ? { alertTopicKmsKeyArn: input.alertTopicKmsKeyArn } : {}),
    }),
  ];
  const dualRegion = choices.decide(DUAL_REGION);
  if (dualRegion !== false) {
    const replica: MonitoringInput = {
      ...common,
      keyLabel: "replica key",
      keyArn: ref(ids.replica.key, "arn"),
      keyId: ref(ids.replica.key, "keyId"),
      region: input.backupRegion as TemplateString,
      ...(input.backupAlertTopicArn !== undefined ? { alertTopicArn: input.backupAlertTopicArn } : {}),
      ...(input.backupAlertTopicKmsKeyArn !== undefined ? { alertTopicKmsKeyArn: input.backupAlertTopicKmsKeyArn } : {}),
    };
    sites.push(siteOf("replica", replica, dualRegion === true ? undefined : dualRegion));
  }
  const [primary, replicaSite] = sites;
  /** A replica site's output, where the replica exists. */
  const ofReplica = (value: TemplateString | undefined) => (value === undefined ? undefined : choices.when(DUAL_REGION, () => value));

  return {
    resources: [...keyResources(input, policy, tags, choices), ...sites.flatMap((site) => site.resources)],
    sites,
    outputs: compact({
      keyArn: ref(ids.primary.key, "arn"),
      keyId: ref(ids.primary.key, "keyId"),
      replicaKeyArn: choices.when(DUAL_REGION, () => ref(ids.replica.key, "arn")),
      aliasName: input.aliasName,
      keyPolicyJson: policy,
      eventRuleArn: primary.outputs.eventRuleArn,
      alarmArn: primary.outputs.alarmArn,
      alertTopicArn: primary.outputs.alertTopicArn,
      aliasArn: ref(ids.primary.alias, "arn"),
      accessDeniedRuleArn: primary.outputs.accessDeniedRuleArn,
      replicaKeyId: choices.when(DUAL_REGION, () => ref(ids.replica.key, "keyId")),
      replicaAliasName: choices.when(DUAL_REGION, () => input.aliasName),
      replicaAliasArn: choices.when(DUAL_REGION, () => ref(ids.replica.alias, "arn")),
      replicaAlertTopicArn: ofReplica(replicaSite?.outputs.alertTopicArn),
      replicaEventRuleArn: ofReplica(replicaSite?.outputs.eventRuleArn),
      replicaAlarmArn: ofReplica(replicaSite?.outputs.alarmArn),
      replicaAccessDeniedRuleArn: ofReplica(replicaSite?.outputs.accessDeniedRuleArn),
    }),
    warnings: validated.warnings,
    checksOnUnknowns: validated.checksOnUnknowns,
    warningsOnUnknowns: validated.warningsOnUnknowns,
    regions: { primary: input.clusterRegion, ...(input.backupRegion !== undefined ? { replica: input.backupRegion } : {}) },
  };
}
