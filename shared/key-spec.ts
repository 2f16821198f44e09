// The key and its alias and, with dual-region backups, the replica and its alias: the resources
// Camunda's cluster depends on.
import { type Choices, compact, isSet, isTrue, present } from "./conditions";
import type { ResolvedInput } from "./inputs";
import type { PolicyDocument } from "./key-policy";
import { LOGICAL_IDS } from "./names";
import type { ResourceSpec, Tags } from "./spec-types";
import { type JsonDocument, join, ref, type TemplateString } from "./template";

export const DUAL_REGION = isSet("backupRegion");

export function keyResources(
  input: ResolvedInput,
  policy: JsonDocument<PolicyDocument<TemplateString>>,
  tags: Tags,
  choices: Choices,
): ResourceSpec[] {
  const ids = LOGICAL_IDS;
  return present<ResourceSpec>(
    {
      kind: "kmsKey",
      logicalId: ids.primary.key,
      site: "primary",
      preventDestroy: input.preventDestroy,
      settings: compact({
        description: join("Camunda 8 SaaS BYOK key for cluster ", input.clusterName, " (encrypts its disks, backups and documents)"),
        keyUsage: "ENCRYPT_DECRYPT" as const,
        customerMasterKeySpec: "SYMMETRIC_DEFAULT" as const,
        // Multi-region only with a replica; AWS cannot change it in place (see DESIGN, replacement safety).
        multiRegion: choices.choose(DUAL_REGION, true, false),
        enableKeyRotation: input.enableKeyRotation,
        rotationPeriodInDays: choices.when(isTrue("enableKeyRotation"), () => input.rotationPeriodInDays),
        deletionWindowInDays: input.deletionWindowInDays,
        isEnabled: true as const,
        bypassPolicyLockoutSafetyCheck: false as const,
        policy,
        tags,
      }) as never,
    },
    {
      kind: "kmsAlias",
      logicalId: ids.primary.alias,
      site: "primary",
      preventDestroy: false,
      settings: { name: input.aliasName, targetKeyId: ref(ids.primary.key, "arn") },
    },
    choices.existsWhen(DUAL_REGION, {
      kind: "kmsReplicaKey",
      logicalId: ids.replica.key,
      site: "replica",
      region: input.backupRegion,
      preventDestroy: input.preventDestroy,
      settings: {
        description: join("Camunda 8 SaaS BYOK replica key for cluster ", input.clusterName, " (dual-region backups)"),
        primaryKeyArn: ref(ids.primary.key, "arn"),
        deletionWindowInDays: input.deletionWindowInDays,
        enabled: true,
        bypassPolicyLockoutSafetyCheck: false,
        policy,
        tags,
      },
    } satisfies ResourceSpec),
    choices.existsWhen(DUAL_REGION, {
      kind: "kmsAlias",
      logicalId: ids.replica.alias,
      site: "replica",
      region: input.backupRegion,
      preventDestroy: false,
      settings: { name: input.aliasName, targetKeyId: ref(ids.replica.key, "arn") },
    } satisfies ResourceSpec),
  );
}
