import { showValue, type Checker } from "./checker";
import type { ByokInput } from "../inputs";
import { isCamundaBackupPair, partitionOfRegion, PARTITIONS, REGIONS_BY_PARTITION, type Partition } from "../regions";

// Regions: the cluster's, the backup's, and the provider's.

const REGION_SHAPE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

/** The key must live in the cluster's region, and the key is created in the provider's region. */
export function providerRegionMismatch(clusterRegion: string, providerRegion: string): string {
  return `is "${clusterRegion}", but the AWS provider deploys to "${providerRegion}": the key must live in the cluster's region, so configure the provider for "${clusterRegion}"`;
}

export function checkRegions(check: Checker, input: ByokInput): Partition | undefined {
  let partition: Partition | undefined;
  if (input.clusterRegion === undefined) {
    check.problem("clusterRegion", "is required: the AWS region of the Camunda cluster, e.g. eu-central-1");
  } else {
    const regions = PARTITIONS.flatMap((p) => REGIONS_BY_PARTITION[p]);
    check.unlessPending(
      input.clusterRegion,
      { input: "clusterRegion", message: "must be an AWS region this version of camunda-byok-kms knows", kind: "oneOf", values: regions },
      () => {
        if (check.string("clusterRegion", input.clusterRegion)) partition = checkRegion(check, "clusterRegion", input.clusterRegion);
      },
    );
  }
  const backup = input.backupRegion;
  if (check.pending(backup)) {
    const regions = PARTITIONS.flatMap((p) => REGIONS_BY_PARTITION[p]);
    check.defer({
      input: "backupRegion",
      value: backup,
      message: "must be an AWS region this version of camunda-byok-kms knows",
      kind: "oneOf",
      values: regions,
    });
    if (input.clusterRegion !== undefined) {
      check.defer({
        input: "backupRegion",
        value: backup,
        message: "must differ from clusterRegion",
        kind: "differsFrom",
        other: input.clusterRegion,
      });
    }
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
  return partition;
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
