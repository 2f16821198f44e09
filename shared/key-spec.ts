// The key and, with dual-region backups, its replica: the resources Camunda's cluster depends on.
import type { ResolvedInput } from "./inputs";
import type { PolicyDocument } from "./key-policy";
import { LOGICAL_IDS } from "./names";
import type { ResourceSpec, Tags } from "./spec-types";
import { ref, type JsonDocument, type TemplateString } from "./template";

export function keyResources(input: ResolvedInput, policy: JsonDocument<PolicyDocument<TemplateString>>, tags: Tags): ResourceSpec[] {
  const resources: ResourceSpec[] = [
    {
      kind: "kmsKey",
      logicalId: LOGICAL_IDS.primary.key,
      site: "primary",
      preventDestroy: input.preventDestroy,
      settings: {
        description: `Camunda 8 SaaS BYOK key for cluster ${input.clusterName} (encrypts its disks, backups and documents)`,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        // Multi-region only with a replica; AWS cannot change it in place (see DESIGN, replacement safety).
        multiRegion: input.backupRegion !== undefined,
        enableKeyRotation: input.enableKeyRotation,
        ...(input.enableKeyRotation ? { rotationPeriodInDays: input.rotationPeriodInDays } : {}),
        deletionWindowInDays: input.deletionWindowInDays,
        isEnabled: true,
        bypassPolicyLockoutSafetyCheck: false,
        policy,
        tags,
      },
    },
  ];
  if (input.backupRegion !== undefined) {
    resources.push({
      kind: "kmsReplicaKey",
      logicalId: LOGICAL_IDS.replica.key,
      site: "replica",
      region: input.backupRegion,
      preventDestroy: input.preventDestroy,
      settings: {
        description: `Camunda 8 SaaS BYOK replica key for cluster ${input.clusterName} (dual-region backups)`,
        primaryKeyArn: ref(LOGICAL_IDS.primary.key, "arn"),
        deletionWindowInDays: input.deletionWindowInDays,
        enabled: true,
        bypassPolicyLockoutSafetyCheck: false,
        policy,
        tags,
      },
    });
  }
  return resources;
}
