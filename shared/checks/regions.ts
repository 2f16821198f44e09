import type { ByokInput } from "../inputs";
import { CAMUNDA_BACKUP_REGION_PAIRS, isCamundaBackupPair, KNOWN_REGIONS, type Partition, partitionOfRegion } from "../regions";
import { BACKUP_PROVIDER_REGION, join, PROVIDER_REGION, type TemplateString } from "../template";
import { type Checker, showValue } from "./checker";

// Regions: the cluster's, the backup's, and the providers'.

const REGION_SHAPE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
const KNOWN_REGION_MESSAGE = "must be an AWS region this version of camunda-byok-kms knows";

/** The key must live in the cluster's region, and the key is created in the provider's region. */
export function providerRegionMismatch(clusterRegion: TemplateString, providerRegion: TemplateString): TemplateString {
  return join(
    'is "',
    clusterRegion,
    '", but the AWS provider deploys to "',
    providerRegion,
    '": the key must live in the cluster\'s region, so configure the provider for "',
    clusterRegion,
    '"',
  );
}

/** The replica must live in the backup region, and it is created in the backup provider's region. */
export function backupProviderRegionMismatch(backupRegion: TemplateString, providerRegion: TemplateString): TemplateString {
  return join(
    'is "',
    backupRegion,
    '", but the backup region\'s AWS provider deploys to "',
    providerRegion,
    '": the replica must live in the backup region, so configure that provider for "',
    backupRegion,
    '"',
  );
}

export interface ProviderRegions {
  /** The region the key's provider deploys to, when the engine knows it now. */
  primary?: string;
  /** Where the engine deploys the replica with a provider of its own: that provider's region, when known now. */
  backup?: { region?: string };
}

export function checkRegions(check: Checker, input: ByokInput, providers: ProviderRegions | undefined): Partition | undefined {
  let partition: Partition | undefined;
  if (input.clusterRegion === undefined) {
    check.problem("clusterRegion", "is required: the AWS region of the Camunda cluster, e.g. eu-central-1");
  } else {
    check.unlessUnknown(
      input.clusterRegion,
      { input: "clusterRegion", message: KNOWN_REGION_MESSAGE, kind: "oneOf", values: KNOWN_REGIONS },
      () => {
        if (check.string("clusterRegion", input.clusterRegion)) partition = checkRegion(check, "clusterRegion", input.clusterRegion);
      },
    );
  }
  checkProviderRegion(check, "clusterRegion", input.clusterRegion, providers?.primary, PROVIDER_REGION, "key");

  const backup = input.backupRegion;
  if (check.unknown(backup)) {
    check.later({ input: "backupRegion", value: backup, message: KNOWN_REGION_MESSAGE, kind: "oneOf", values: KNOWN_REGIONS });
  }
  if (backup !== undefined && input.clusterRegion !== undefined && (check.unknown(backup) || check.unknown(input.clusterRegion))) {
    check.later({
      input: "backupRegion",
      value: backup,
      message: "must differ from clusterRegion",
      kind: "differsFrom",
      other: input.clusterRegion,
    });
    check.later({
      input: "backupRegion",
      value: backup,
      message: "must be in the partition of clusterRegion: a multi-region key replicates within its partition only",
      kind: "regionInPartitionOf",
      region: input.clusterRegion,
    });
    check.warnLater({
      input: "backupRegion",
      value: backup,
      message: "is not the backup region Camunda pairs with clusterRegion today; check the Camunda Console before deploying",
      kind: "pairedWith",
      region: input.clusterRegion,
      pairs: CAMUNDA_BACKUP_REGION_PAIRS,
    });
  }
  if (check.known(backup) && check.string("backupRegion", backup)) {
    const backupPartition = checkRegion(check, "backupRegion", backup);
    if (backup === input.clusterRegion) {
      check.problem("backupRegion", `must differ from clusterRegion (both are "${backup}")`);
    } else if (backupPartition && partition && backupPartition !== partition) {
      check.problem("backupRegion", `is in partition ${backupPartition}, but clusterRegion "${input.clusterRegion}" is in ${partition}`);
    } else if (
      typeof input.clusterRegion === "string" &&
      partition &&
      backupPartition &&
      !isCamundaBackupPair(input.clusterRegion, backup)
    ) {
      check.warn(
        "backupRegion",
        `"${backup}" is not the backup region Camunda pairs with "${input.clusterRegion}" today; check the Camunda Console before deploying`,
      );
    }
  }
  if (backup !== undefined && providers?.backup) {
    checkProviderRegion(check, "backupRegion", backup, providers.backup.region, BACKUP_PROVIDER_REGION, "replicaKey");
  }
  return partition;
}

/**
 * The region an engine's provider deploys to must be the input's. Known now (a literal provider
 * region, Pulumi at deploy time), it is compared now; otherwise the engine compares before the
 * resource it guards is created.
 */
function checkProviderRegion(
  check: Checker,
  input: "clusterRegion" | "backupRegion",
  region: unknown,
  providerRegion: string | undefined,
  providerRef: TemplateString,
  guards: "key" | "replicaKey",
): void {
  if (region === undefined) return;
  const mismatch = input === "clusterRegion" ? providerRegionMismatch : backupProviderRegionMismatch;
  if (providerRegion !== undefined && check.known(region)) {
    if (providerRegion !== region) check.problem(input, mismatch(String(region), providerRegion) as string);
    return;
  }
  check.later({
    input,
    value: region,
    message: mismatch(region as TemplateString, providerRef),
    kind: "equals",
    other: providerRef,
    guards,
  });
}

export function checkRegion(check: Checker, name: string, region: string): Partition | undefined {
  const partition = partitionOfRegion(region);
  if (partition) return partition;
  if (REGION_SHAPE.test(region)) {
    check.problem(
      name,
      `"${region}" is not a region this version of camunda-byok-kms knows; if AWS opened it recently, upgrade the package`,
    );
  } else {
    check.problem(name, `must be an AWS region such as eu-central-1 (got ${showValue(region)})`);
  }
  return undefined;
}

/** Where a known ARN's partition must agree with the key's, and where the engine checks it later. */
export function checkArnPartition(check: Checker, input: string, arn: unknown, clusterRegion: unknown, each = false): void {
  // Both known: judged now, by the check of the input itself.
  if (arn === undefined || clusterRegion === undefined || (!check.unknown(arn) && !check.unknown(clusterRegion))) return;
  check.later({
    input,
    value: arn,
    message:
      "must be in the partition of clusterRegion (aws, aws-cn or aws-us-gov): a key's policy and alerts cannot reach across partitions",
    kind: "arnInPartitionOf",
    region: clusterRegion,
    each,
  });
}
