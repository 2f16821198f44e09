// The key and its alias and, with dual-region backups, the replica and its alias: the resources
// Camunda's cluster depends on.
import { type Choices, compact, isSet, isTrue, present } from "./conditions";
import type { ResolvedInput } from "./inputs";
import type { PolicyDocument } from "./key-policy";
import { adoptedKeyId } from "./checks/adoption";
import { LOGICAL_IDS } from "./names";
import type { ResourceSpec, Tags } from "./spec-types";
import { type JsonDocument, join, ref, type TemplateString } from "./template";

export const DUAL_REGION = isSet("backupRegion");

/** What Pulumi's import must find unchanged: every setting the package may change in place. */
const KEY_KEPT_ON_IMPORT = [
  "description",
  "policy",
  "tags",
  "enableKeyRotation",
  "rotationPeriodInDays",
  "deletionWindowInDays",
  "isEnabled",
  "bypassPolicyLockoutSafetyCheck",
] as const;
const REPLICA_KEPT_ON_IMPORT = [
  "description",
  "policy",
  "tags",
  "deletionWindowInDays",
  "enabled",
  "bypassPolicyLockoutSafetyCheck",
] as const;

/**
 * A key imported by its id (an ARN's last part), or an alias by its name; in another region than
 * the provider's with `@<region>` appended, as the AWS provider's v6 import takes it (its guide
 * "Enhanced Region Support"; Pulumi's AWS provider v7 is built on it).
 */
function adoption(
  choices: Choices,
  input: string,
  value: unknown,
  keepAsIs: readonly string[],
  options: { byName?: boolean; region?: TemplateString } = {},
) {
  const known = typeof value === "string" && !choices.knowledge.isUnknown(value);
  const id = (known && !options.byName ? adoptedKeyId(value) : value) as TemplateString;
  return choices.when(isSet(input), () => ({
    importId: options.region === undefined ? id : join(id, "@", options.region),
    keepAsIs,
  }));
}

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
      ...compact({ adopt: adoption(choices, "adoptKeyId", input.adoptKeyId, KEY_KEPT_ON_IMPORT) }),
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
      ...compact({ adopt: input.adoptAliases ? adoption(choices, "adoptKeyId", input.aliasName, [], { byName: true }) : undefined }),
      settings: { name: input.aliasName, targetKeyId: ref(ids.primary.key, "arn") },
    },
    choices.existsWhen(DUAL_REGION, {
      kind: "kmsReplicaKey",
      logicalId: ids.replica.key,
      site: "replica",
      region: input.backupRegion,
      preventDestroy: input.preventDestroy,
      ...compact({
        adopt: adoption(choices, "adoptReplicaKeyId", input.adoptReplicaKeyId, REPLICA_KEPT_ON_IMPORT, { region: input.backupRegion }),
      }),
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
      ...compact({
        adopt: input.adoptAliases
          ? adoption(choices, "adoptReplicaKeyId", input.aliasName, [], { byName: true, region: input.backupRegion })
          : undefined,
      }),
      settings: { name: input.aliasName, targetKeyId: ref(ids.replica.key, "arn") },
    } satisfies ResourceSpec),
  );
}
