import type * as pulumi from "@pulumi/pulumi";
import { getKeyOutput, type GetKeyResult } from "@pulumi/aws/kms/getKey";
import type { LiveKey } from "../shared/internal";

// The keys an adoption names (adoptKeyId, adoptReplicaKeyId), read at deploy time with
// aws.kms.getKey (DescribeKey) so the core can refuse an adoption that would replace them before
// Pulumi imports anything.

/** getKey's answer in the core's terms (shared/checks/adoption.ts). */
export function liveKeyOf(key: GetKeyResult): LiveKey {
  const configuration = key.multiRegionConfigurations?.[0];
  return {
    arn: key.arn,
    keySpec: key.keySpec,
    keyUsage: key.keyUsage,
    keyState: key.keyState,
    keyManager: key.keyManager,
    origin: key.origin,
    multiRegion: key.multiRegion === true,
    multiRegionKeyType: configuration?.multiRegionKeyType ?? "",
    primaryKeyArn: configuration?.primaryKeys?.[0]?.arn ?? "",
    replicaRegions: (configuration?.replicaKeys ?? []).map((replica) => replica.region),
  };
}

export interface AdoptedKeys {
  key?: pulumi.Output<LiveKey>;
  replica?: pulumi.Output<LiveKey>;
}

/** The look-ups an adoption needs, through the component so its provider applies; none without one. */
export function adoptedKeys(
  args: { adoptKeyId?: string; adoptReplicaKeyId?: string; backupRegion?: string },
  parent: pulumi.Resource,
): AdoptedKeys {
  const read = (keyId: string, region?: string) => getKeyOutput({ keyId, ...(region ? { region } : {}) }, { parent }).apply(liveKeyOf);
  return {
    ...(args.adoptKeyId ? { key: read(args.adoptKeyId) } : {}),
    ...(args.adoptReplicaKeyId && args.backupRegion ? { replica: read(args.adoptReplicaKeyId, args.backupRegion) } : {}),
  };
}
