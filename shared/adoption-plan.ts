// planAdoption: what taking a hand-made key under the package means, from what was read of it.
// Whether it can be adopted without replacement (the core's refusals, checks/adoption.ts), the
// imports each front end needs, and what the first apply changes on the live key.
import { diffKeyPolicies, type StatementChange } from "./adoption-policy";
import { parseKmsKeyArn, parseRoleArn } from "./arns";
import type { LiveKey } from "./checks/adoption";
import { ByokValidationError, type ByokProblem } from "./errors";
import type { ByokInput } from "./inputs";
import { buildKeyPolicy, type PolicyDocument } from "./key-policy";
import { buildByokSpec } from "./spec";
import type { KmsKeySettings } from "./spec-types";
import { resolveTemplate } from "./template";

/** What was read of a live key: DescribeKey, GetKeyPolicy, GetKeyRotationStatus, ListResourceTags, ListAliases. */
export interface LiveKeyDetails extends LiveKey {
  keyId: string;
  description: string;
  enabled: boolean;
  policy: unknown;
  /** Undefined where it could not be read (a replica reports its primary's). */
  rotation?: { enabled: boolean; periodInDays?: number };
  tags: Record<string, string>;
  /** The aliases that name this key. */
  aliases: string[];
}

export interface AdoptionFacts {
  key: LiveKeyDetails;
  replica?: LiveKeyDetails;
  /** The key the package's alias name names today in each region, if such an alias exists. */
  aliasTargets: { primary?: string; replica?: string };
}

export interface AdoptionRequest {
  camundaClusterRoleArn: string;
  /** The package's cluster name; without it, the alias, description and tags are not compared. */
  clusterName?: string;
  backupRegion?: string;
  keyAdministratorArns?: string[];
  /** Statements (Sid, or `statement <n>`) the user agreed to let the package's policy drop. */
  removeStatements?: string[];
  /** The Terraform module block's name (`module "<name>"`). */
  moduleName?: string;
}

export interface AdoptionChange {
  /** What changes: `KeyPolicy`, `rotation`, `description`, `tags`, `KeyState`, an alias, the replica. */
  subject: string;
  detail: string;
}

export interface AdoptionPlan {
  keyArn: string;
  keyId: string;
  adoptable: boolean;
  /** Why not, each naming the setting (or input) and the live value. */
  refusals: ByokProblem[];
  /** The package's inputs that adopt this key: the Pulumi args and the CDKTF props. */
  inputs: ByokInput;
  /** The Terraform module's import blocks, for the root module. */
  terraformImports: { to: string; id: string }[];
  /** The module's variables for the adoption. */
  terraformVariables: Record<string, string>;
  policy: StatementChange[];
  /** The replica's policy, which becomes the package's too, statement by statement; none without one adopted. */
  replicaPolicy?: StatementChange[];
  changes: AdoptionChange[];
  /** Things to know that change nothing. */
  notes: string[];
}

/** Stands in for a cluster name not given: it decides only the compared names, which are then left out. */
const UNNAMED = "unnamed";

export function planAdoption(request: AdoptionRequest, facts: AdoptionFacts): AdoptionPlan {
  const { key, replica } = facts;
  const parsed = parseKmsKeyArn(key.arn);
  if (!parsed) throw new Error(`camunda-byok-kms: not a key ARN: ${key.arn}`);
  const named = request.clusterName !== undefined;
  const clusterName = request.clusterName ?? UNNAMED;
  const adoptAliases = facts.aliasTargets.primary === key.keyId;
  const inputs: ByokInput = {
    camundaClusterRoleArn: request.camundaClusterRoleArn,
    clusterRegion: parsed.region,
    clusterName,
    ...(request.backupRegion !== undefined ? { backupRegion: request.backupRegion } : {}),
    ...(request.keyAdministratorArns?.length ? { keyAdministratorArns: request.keyAdministratorArns } : {}),
    adoptKeyId: key.keyId,
    ...(replica ? { adoptReplicaKeyId: replica.keyId } : {}),
    ...(adoptAliases ? { adoptAliases: true } : {}),
  };

  const refusals: ByokProblem[] = [];
  let settings: KmsKeySettings | undefined;
  try {
    const spec = buildByokSpec(inputs, {
      keyAccountId: parsed.accountId,
      providerRegion: parsed.region,
      adoptedKey: key,
      ...(replica ? { adoptedReplica: replica } : {}),
    });
    settings = spec.resources.find((r) => r.kind === "kmsKey")?.settings as KmsKeySettings;
  } catch (error) {
    if (!(error instanceof ByokValidationError)) throw error;
    refusals.push(...error.problems);
  }

  const notes: string[] = [];
  const changes: AdoptionChange[] = [];
  const aliasName = `alias/camunda-byok-${clusterName}`;
  const aliasSites = [
    { site: "key", target: facts.aliasTargets.primary, ours: key.keyId, region: parsed.region },
    ...(request.backupRegion !== undefined
      ? [{ site: "replica", target: facts.aliasTargets.replica, ours: replica?.keyId, region: request.backupRegion }]
      : []),
  ];
  if (named) {
    for (const alias of aliasSites) {
      if (alias.target === undefined) changes.push({ subject: `${aliasName} (${alias.region})`, detail: "created for the " + alias.site });
      else if (alias.target === alias.ours)
        changes.push({ subject: `${aliasName} (${alias.region})`, detail: "imported: it already names the " + alias.site });
      else
        refusals.push({
          input: "aliasName",
          message: `${aliasName} already names another key in ${alias.region} (${alias.target}): give aliasName (--cluster-name) another name, or move that alias first`,
        });
    }
    if (aliasSites.length === 2 && (aliasSites[0].target === aliasSites[0].ours) !== (aliasSites[1].target === aliasSites[1].ours))
      notes.push(
        "Pulumi and CDKTF: adoptAliases imports the aliases of both regions or none, and only one exists; the Terraform module imports each on its own",
      );
  } else {
    notes.push("without --cluster-name, the alias, the description and the tags the package sets are not compared");
  }
  const others = key.aliases.filter((alias) => alias !== aliasName);
  if (others.length > 0) notes.push(`the key's other aliases stay as they are: ${others.join(", ")}`);

  const partition = parseRoleArn(request.camundaClusterRoleArn)?.partition ?? parsed.partition;
  let policy: StatementChange[] = [];
  let replicaPolicy: StatementChange[] | undefined;
  try {
    const target: PolicyDocument = buildKeyPolicy({
      camundaClusterRoleArn: request.camundaClusterRoleArn,
      keyAccountId: parsed.accountId,
      keyAdministratorArns: request.keyAdministratorArns,
    });
    policy = diffKeyPolicies(key.policy, target, request.camundaClusterRoleArn, partition);
    if (replica) replicaPolicy = diffKeyPolicies(replica.policy, target, request.camundaClusterRoleArn, partition);
  } catch (error) {
    if (!(error instanceof ByokValidationError)) throw error;
    refusals.push(...error.problems.filter((p) => !refusals.some((r) => r.input === p.input && r.message === p.message)));
  }
  // A statement only the package's policy would drop is decided by the user, named by its Sid (in either key's policy).
  const accepted = new Set(request.removeStatements ?? []);
  const removable = new Set<string>();
  for (const [which, changes] of [
    ["key", policy],
    ["replica", replicaPolicy ?? []],
  ] as const) {
    for (const removed of changes.filter((s) => s.change === "removed")) {
      removable.add(removed.statement);
      if (accepted.has(removed.statement)) continue;
      refusals.push({
        input: which === "key" ? "keyPolicy" : "replicaKeyPolicy",
        message: `statement "${removed.statement}" (${removed.detail}) would be removed: the package writes its own policy, which has no place for it. Keep what it grants another way (an administrator with --admin; a principal of the key's account through its IAM policies, as EnableAccountAccess lets them decide), then pass --remove-statement "${removed.statement}"`,
      });
    }
  }
  for (const unknown of accepted) {
    if (!removable.has(unknown))
      refusals.push({ input: "removeStatement", message: `"${unknown}" is not a statement the package would remove` });
  }

  if (settings) changes.push(...settingChanges(key, settings, named));
  if (request.backupRegion !== undefined && !replica)
    changes.push({
      subject: `replica (${request.backupRegion})`,
      detail: "created by ReplicateKey, with the package's policy: the key alarm fires once for it",
    });

  const module = `module.${request.moduleName ?? "camunda_byok"}`;
  const terraformImports = [
    { to: `${module}.aws_kms_key.this`, id: key.keyId },
    ...(named && facts.aliasTargets.primary === key.keyId ? [{ to: `${module}.aws_kms_alias.this`, id: aliasName }] : []),
    ...(replica ? [{ to: `${module}.aws_kms_replica_key.replica[0]`, id: replica.keyId }] : []),
    ...(named && replica && facts.aliasTargets.replica === replica.keyId
      ? [{ to: `${module}.aws_kms_alias.replica[0]`, id: aliasName }]
      : []),
  ];
  const terraformVariables: Record<string, string> = {
    adopt_key_id: key.keyId,
    ...(replica ? { adopt_replica_key_id: replica.keyId } : {}),
  };
  return {
    keyArn: key.arn,
    keyId: key.keyId,
    adoptable: refusals.length === 0,
    refusals,
    inputs,
    terraformImports,
    terraformVariables,
    policy,
    ...(replicaPolicy ? { replicaPolicy } : {}),
    changes,
    notes,
  };
}

/** What the first apply changes besides the policy: state, rotation, deletion window, description, tags. */
function settingChanges(key: LiveKeyDetails, settings: KmsKeySettings, named: boolean): AdoptionChange[] {
  const changes: AdoptionChange[] = [];
  if (key.keyState === "Disabled")
    changes.push({
      subject: "KeyState",
      detail: "Disabled → Enabled: the package keeps the key enabled (EnableKey), and a cluster waiting on it resumes",
    });
  const period = settings.rotationPeriodInDays;
  if (key.rotation === undefined) {
    changes.push({
      subject: "rotation",
      detail: `set to ${settings.enableKeyRotation ? `on, every ${period} days` : "off"} (the live setting could not be read)`,
    });
  } else if (key.rotation.enabled !== settings.enableKeyRotation || (settings.enableKeyRotation && key.rotation.periodInDays !== period)) {
    const was = key.rotation.enabled ? `on, every ${key.rotation.periodInDays ?? "?"} days` : "off";
    changes.push({ subject: "rotation", detail: `${was} → ${settings.enableKeyRotation ? `on, every ${period} days` : "off"}` });
  }
  changes.push({
    subject: "deletion window",
    detail: `${settings.deletionWindowInDays} days, recorded in the state only (KMS keeps no window for a key not scheduled for deletion)`,
  });
  if (!named) return changes;
  const description = resolveTemplate(settings.description, {}) as string;
  if (key.description !== description)
    changes.push({ subject: "description", detail: `${JSON.stringify(key.description)} → ${JSON.stringify(description)}` });
  const tags = resolveTemplate(settings.tags, {}) as Record<string, string>;
  for (const [name, value] of Object.entries(tags)) {
    if (key.tags[name] === undefined) changes.push({ subject: `tag ${name}`, detail: `added: ${JSON.stringify(value)}` });
    else if (key.tags[name] !== value)
      changes.push({ subject: `tag ${name}`, detail: `${JSON.stringify(key.tags[name])} → ${JSON.stringify(value)}` });
  }
  for (const name of Object.keys(key.tags)) {
    if (!(name in tags)) changes.push({ subject: `tag ${name}`, detail: `removed (add it to the tags input to keep it)` });
  }
  return changes;
}
