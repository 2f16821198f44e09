export type Partition = "aws" | "aws-cn" | "aws-us-gov";

export const PARTITIONS: readonly Partition[] = ["aws", "aws-cn", "aws-us-gov"];

/**
 * Regions open to customers in each partition (AWS's partition data, late 2026). KMS keys, replicas,
 * EventBridge rules and CloudWatch alarms exist in all of them. A region AWS opens later needs a
 * release of this package; the error says so.
 */
export const REGIONS_BY_PARTITION: Readonly<Record<Partition, readonly string[]>> = {
  aws: [
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
  ],
  "aws-cn": ["cn-north-1", "cn-northwest-1"],
  "aws-us-gov": ["us-gov-east-1", "us-gov-west-1"],
};

/** Every region this version knows, in every partition. */
export const KNOWN_REGIONS: readonly string[] = PARTITIONS.flatMap((partition) => REGIONS_BY_PARTITION[partition]);

/**
 * How a region's name tells its partition (what the Terraform module reads); a region with neither
 * prefix is in `aws`. A test holds the table above to it.
 */
export const PARTITION_REGION_PREFIXES: Readonly<Record<Exclude<Partition, "aws">, string>> = {
  "aws-cn": "cn-",
  "aws-us-gov": "us-gov-",
};

/** The partition a region belongs to, or undefined for a region this package does not know. */
export function partitionOfRegion(region: string): Partition | undefined {
  return PARTITIONS.find((partition) => REGIONS_BY_PARTITION[partition].includes(region));
}

/**
 * Camunda 8 SaaS dual-region backups: the backup region Camunda pairs with each cluster region
 * (Camunda's published BYOK documentation). Camunda adds pairs over time, so a pair outside this
 * table is a warning, not an error.
 */
export const CAMUNDA_BACKUP_REGION_PAIRS: Readonly<Record<string, string>> = {
  "eu-central-1": "eu-west-1",
  "eu-west-3": "eu-west-1",
  "us-east-1": "us-west-2",
  "us-east-2": "us-west-2",
  "ap-southeast-1": "ap-southeast-3",
};

export function isCamundaBackupPair(clusterRegion: string, backupRegion: string): boolean {
  return CAMUNDA_BACKUP_REGION_PAIRS[clusterRegion] === backupRegion;
}
