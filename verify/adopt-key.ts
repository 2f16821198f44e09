// planKeyAdoption: reads a hand-made key (and its replica) with read-only calls only (DescribeKey,
// GetKeyPolicy, GetKeyRotationStatus, ListResourceTags, ListAliases) and hands what it read to
// the core's planAdoption, which decides everything.
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  type KeyMetadata,
  ListAliasesCommand,
  ListResourceTagsCommand,
} from "@aws-sdk/client-kms";
import { ByokValidationError } from "../shared";
import { type AdoptionPlan, type LiveKeyDetails, planAdoption } from "../shared/adoption-plan";
import { parseKmsKeyArn, partitionOfRegion } from "../shared/internal";
import { isAccessDenied, isNotFound, throwIfUnreachable } from "./aws-errors";
import { keyAndRoleProblems } from "./option-checks";

export interface AdoptOptions {
  /** The key, or an alias of it, as an ARN. */
  keyArn: string;
  camundaClusterRoleArn: string;
  backupRegion?: string;
  /** The existing replica in backupRegion, as an ARN. */
  backupKeyArn?: string;
  clusterName?: string;
  keyAdministratorArns?: string[];
  removeStatements?: string[];
  moduleName?: string;
}

/** A read the plan needs was refused or failed: the plan cannot be made (the CLI exits 2). */
export class AdoptReadError extends Error {}

const CLIENT_SETTINGS = { maxAttempts: 2 };

export function validateAdoptOptions(options: AdoptOptions): void {
  const problems = keyAndRoleProblems(options);
  if (options.backupRegion !== undefined && !partitionOfRegion(options.backupRegion))
    problems.push({ input: "backupRegion", message: `must be an AWS region such as eu-west-1 (got "${options.backupRegion}")` });
  const backupKey = options.backupKeyArn ? parseKmsKeyArn(options.backupKeyArn) : undefined;
  if (backupKey && options.backupRegion === undefined) problems.push({ input: "backupKeyArn", message: "needs backupRegion" });
  else if (backupKey && backupKey.region !== options.backupRegion)
    problems.push({ input: "backupKeyArn", message: `is in ${backupKey.region}, not in backupRegion ${options.backupRegion}` });
  if (problems.length > 0) throw new ByokValidationError(problems);
}

/** Calls AWS, rethrowing what means it cannot be asked, and naming the permission a refusal lacked. */
async function ask<T>(permission: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throwIfUnreachable(error);
    if (isAccessDenied(error)) throw new AdoptReadError(`the caller may not call ${permission} (AccessDenied)`);
    throw error;
  }
}

async function allPages<T>(permission: string, page: (marker?: string) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
  const items: T[] = [];
  let marker: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const answer = await ask(permission, () => page(marker));
    items.push(...answer.items);
    marker = answer.next;
    if (!marker) break;
  }
  return items;
}

/** The key an alias names in a region, or undefined where no such alias exists. */
async function aliasTarget(kms: KMSClient, aliasName: string): Promise<string | undefined> {
  try {
    const answer = await ask("kms:DescribeKey", () => kms.send(new DescribeKeyCommand({ KeyId: aliasName })));
    return answer.KeyMetadata?.KeyId;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function readKey(kms: KMSClient, metadata: KeyMetadata): Promise<LiveKeyDetails> {
  const keyId = metadata.KeyId as string;
  const configuration = metadata.MultiRegionConfiguration;
  const [policy, rotation, tags, aliases] = await Promise.all([
    ask("kms:GetKeyPolicy", () => kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: "default" }))),
    kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId })).then(
      (answer) => ({ enabled: answer.KeyRotationEnabled === true, periodInDays: answer.RotationPeriodInDays }),
      // A replica, a key with imported material or a caller without the permission: not readable.
      (error) => {
        throwIfUnreachable(error);
        return undefined;
      },
    ),
    allPages("kms:ListResourceTags", async (marker) => {
      const answer = await kms.send(new ListResourceTagsCommand({ KeyId: keyId, ...(marker ? { Marker: marker } : {}) }));
      return { items: answer.Tags ?? [], next: answer.Truncated ? answer.NextMarker : undefined };
    }),
    allPages("kms:ListAliases", async (marker) => {
      const answer = await kms.send(new ListAliasesCommand({ KeyId: keyId, ...(marker ? { Marker: marker } : {}) }));
      return { items: answer.Aliases ?? [], next: answer.Truncated ? answer.NextMarker : undefined };
    }),
  ]);
  return {
    arn: metadata.Arn as string,
    keyId,
    keySpec: String(metadata.KeySpec ?? ""),
    keyUsage: String(metadata.KeyUsage ?? ""),
    keyState: String(metadata.KeyState ?? ""),
    keyManager: String(metadata.KeyManager ?? ""),
    origin: String(metadata.Origin ?? ""),
    multiRegion: metadata.MultiRegion === true,
    multiRegionKeyType: String(configuration?.MultiRegionKeyType ?? ""),
    primaryKeyArn: configuration?.PrimaryKey?.Arn ?? "",
    replicaRegions: (configuration?.ReplicaKeys ?? []).map((replica) => String(replica.Region)),
    description: metadata.Description ?? "",
    enabled: metadata.Enabled === true,
    policy: policy.Policy ? JSON.parse(policy.Policy) : {},
    ...(rotation ? { rotation } : {}),
    tags: Object.fromEntries(tags.map((tag) => [String(tag.TagKey), String(tag.TagValue ?? "")])),
    aliases: aliases.map((alias) => String(alias.AliasName)),
  };
}

async function describe(kms: KMSClient, keyArn: string, label: string): Promise<KeyMetadata> {
  try {
    const answer = await ask("kms:DescribeKey", () => kms.send(new DescribeKeyCommand({ KeyId: keyArn })));
    return answer.KeyMetadata as KeyMetadata;
  } catch (error) {
    if (isNotFound(error)) throw new AdoptReadError(`${label} ${keyArn} does not exist (NotFoundException)`);
    throw error;
  }
}

/**
 * Reads the key (and the replica) and plans its adoption. Throws ByokValidationError on bad
 * options, AwsUnreachableError when AWS cannot be asked, AdoptReadError when a read is refused.
 */
export async function planKeyAdoption(options: AdoptOptions): Promise<AdoptionPlan> {
  validateAdoptOptions(options);
  const region = parseKmsKeyArn(options.keyArn)!.region;
  const kms = new KMSClient({ region, ...CLIENT_SETTINGS });
  const backup = options.backupRegion ? new KMSClient({ region: options.backupRegion, ...CLIENT_SETTINGS }) : undefined;
  const aliasName = options.clusterName ? `alias/camunda-byok-${options.clusterName}` : undefined;

  const [metadata, replicaMetadata, primaryAlias, replicaAlias] = await Promise.all([
    describe(kms, options.keyArn, "the key"),
    backup && options.backupKeyArn ? describe(backup, options.backupKeyArn, "the replica") : undefined,
    aliasName ? aliasTarget(kms, aliasName) : undefined,
    backup && aliasName ? aliasTarget(backup, aliasName) : undefined,
  ]);
  const [key, replica] = await Promise.all([
    readKey(kms, metadata),
    backup && replicaMetadata ? readKey(backup, replicaMetadata) : undefined,
  ]);
  return planAdoption(
    {
      camundaClusterRoleArn: options.camundaClusterRoleArn,
      ...(options.clusterName !== undefined ? { clusterName: options.clusterName } : {}),
      ...(options.backupRegion !== undefined ? { backupRegion: options.backupRegion } : {}),
      ...(options.keyAdministratorArns ? { keyAdministratorArns: options.keyAdministratorArns } : {}),
      ...(options.removeStatements ? { removeStatements: options.removeStatements } : {}),
      ...(options.moduleName ? { moduleName: options.moduleName } : {}),
    },
    {
      key,
      ...(replica ? { replica } : {}),
      aliasTargets: { ...(primaryAlias ? { primary: primaryAlias } : {}), ...(replicaAlias ? { replica: replicaAlias } : {}) },
    },
  );
}
