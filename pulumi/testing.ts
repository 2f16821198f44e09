/**
 * Helpers for unit-testing programs that use `CamundaByokKey` under Pulumi's mocks, with no CLI and
 * no AWS account: mocks that answer as AWS would, per AWS provider and region, and a way to read an
 * Output that fails when its computation fails instead of waiting forever.
 * @packageDocumentation
 */
import type * as pulumi from "@pulumi/pulumi";

export interface AwsMocksOptions {
  /**
   * The account the mocked credentials belong to.
   * @default "111122223333"
   */
  readonly accountId?: string;
  /**
   * The region of the default AWS provider (the stack's `aws:region`); explicit providers answer
   * for the region they were created with.
   * @default "eu-central-1"
   */
  readonly region?: string;
  /**
   * The ARN `getCallerIdentity` returns: who deploys.
   * @default "arn:aws:iam::<accountId>:role/deployer"
   */
  readonly callerArn?: string;
  /**
   * IAM roles of the account, with their paths: `getSessionContext` resolves a session of one of
   * them to its ARN (as AWS does with iam:GetRole), a session of any other role to `role/<name>`.
   * @default []
   */
  readonly roleArns?: readonly string[];
  /**
   * Keys that exist before the program runs (made by hand), for `adoptKeyId` and
   * `adoptReplicaKeyId`: `aws.kms.getKey` answers for them as DescribeKey would, and a key or
   * replica imported with their id gets their ARN. `getKey` on any other key fails as AWS does.
   * @default []
   */
  readonly existingKeys?: readonly ExistingKey[];
}

/** A key made outside the program, as DescribeKey describes it; unset fields are a symmetric key's. */
export interface ExistingKey {
  /** The key id (`mrk-...` for a multi-region key, which is then the primary unless `primaryRegion` says otherwise). */
  readonly keyId: string;
  /** @default the default provider's region */
  readonly region?: string;
  /** @default "SYMMETRIC_DEFAULT" */
  readonly keySpec?: string;
  /** @default "ENCRYPT_DECRYPT" */
  readonly keyUsage?: string;
  /** @default "Enabled" */
  readonly keyState?: string;
  /** @default "AWS_KMS" */
  readonly origin?: string;
  /** @default "CUSTOMER" */
  readonly keyManager?: string;
  /** A multi-region replica's primary region (the key is then a replica). */
  readonly primaryRegion?: string;
  /** A multi-region primary's replica regions. @default [] */
  readonly replicaRegions?: readonly string[];
}

const AWS_PROVIDER_TYPE = "pulumi:providers:aws";

/** The id at the end of a provider reference (`<urn>::<id>`). */
function providerId(reference: string | undefined): string | undefined {
  return reference === undefined ? undefined : reference.slice(reference.lastIndexOf("::") + 2);
}

/**
 * Mocks for `pulumi.runtime.setMocks` that give the resources `CamundaByokKey` creates the
 * identifiers AWS would (key ARNs and ids, topic, rule and alarm ARNs) and answer the account and
 * region look-ups for each AWS provider with that provider's own region, so a program with keys in
 * several regions resolves every one of them.
 */
export function awsMocks(options: AwsMocksOptions = {}): pulumi.runtime.Mocks {
  const accountId = options.accountId ?? "111122223333";
  const defaultRegion = options.region ?? "eu-central-1";
  const callerArn = options.callerArn ?? `arn:aws:iam::${accountId}:role/deployer`;
  const existing = (options.existingKeys ?? []).map((key) => ({ ...key, region: key.region ?? defaultRegion }));
  const keyArnOf = (keyId: string, region: string) => `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
  const providerRegions = new Map<string, string>();
  const regionOf = (provider: string | undefined) => providerRegions.get(providerId(provider) ?? "") ?? defaultRegion;
  return {
    newResource(args) {
      const id = `${args.name}-id`;
      if (args.type === AWS_PROVIDER_TYPE) {
        providerRegions.set(id, String(args.inputs.region ?? defaultRegion));
        return { id, state: args.inputs };
      }
      const region = (args.inputs.region as string | undefined) ?? regionOf(args.provider);
      const state: Record<string, unknown> = { ...args.inputs, region };
      switch (args.type) {
        case "aws:kms/key:Key":
        case "aws:kms/replicaKey:ReplicaKey": {
          if (args.id) {
            // Imported (adoptKeyId): the existing key's id; in another region, as `<id>@<region>`.
            const [keyId, at] = args.id.split("@");
            state.keyId = keyId;
            state.arn = keyArnOf(keyId, at ?? region);
            return { id: keyId, state };
          }
          // Multi-region keys (and their replicas) have ids starting with "mrk-".
          const multiRegion = args.type === "aws:kms/replicaKey:ReplicaKey" || args.inputs.multiRegion === true;
          state.keyId = `${multiRegion ? "mrk-" : ""}${args.name}`;
          state.arn = keyArnOf(String(state.keyId), region);
          break;
        }
        case "aws:kms/alias:Alias":
          state.arn = `arn:aws:kms:${region}:${accountId}:${args.inputs.name}`;
          break;
        case "aws:sns/topic:Topic":
          state.arn = `arn:aws:sns:${region}:${accountId}:${args.inputs.name}`;
          break;
        case "aws:cloudwatch/eventRule:EventRule":
          state.arn = `arn:aws:events:${region}:${accountId}:rule/${args.inputs.name}`;
          break;
        case "aws:cloudwatch/metricAlarm:MetricAlarm":
          state.arn = `arn:aws:cloudwatch:${region}:${accountId}:alarm:${args.inputs.name}`;
          break;
        default:
          state.arn = `arn:aws:mock:${region}:${accountId}:${args.name}`;
      }
      return { id, state };
    },
    call(args) {
      const region = regionOf(args.provider);
      switch (args.token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
          return { accountId, arn: callerArn, userId: "AROAEXAMPLE:deployer", id: accountId };
        case "aws:iam/getSessionContext:getSessionContext":
          return sessionContext(String(args.inputs.arn), options.roleArns ?? []);
        case "aws:index/getRegion:getRegion":
          return { region, name: region, id: region, endpoint: `ec2.${region}.amazonaws.com`, description: region };
        case "aws:index/getPartition:getPartition":
          return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
        case "aws:kms/getKey:getKey":
          return describedKey(existing, String(args.inputs.keyId), (args.inputs.region as string | undefined) ?? region, keyArnOf);
        default:
          throw new Error(`camunda-byok-kms/pulumi/testing: no mock answer for ${args.token}; wrap awsMocks() to add one`);
      }
    },
  };
}

/** What `aws.kms.getKey` answers for an existing key, or AWS's NotFoundException. */
function describedKey(
  keys: readonly (ExistingKey & { region: string })[],
  idOrArn: string,
  region: string,
  keyArnOf: (keyId: string, region: string) => string,
): Record<string, unknown> {
  const keyId = idOrArn.slice(idOrArn.lastIndexOf("/") + 1);
  const key = keys.find((k) => k.keyId === keyId && k.region === region);
  if (!key) throw new Error(`NotFoundException: Key '${keyArnOf(keyId, region)}' does not exist`);
  const arn = keyArnOf(keyId, region);
  const multiRegion = keyId.startsWith("mrk-");
  const primaryRegion = key.primaryRegion ?? region;
  return {
    id: keyId,
    keyId,
    arn,
    keySpec: key.keySpec ?? "SYMMETRIC_DEFAULT",
    customerMasterKeySpec: key.keySpec ?? "SYMMETRIC_DEFAULT",
    keyUsage: key.keyUsage ?? "ENCRYPT_DECRYPT",
    keyState: key.keyState ?? "Enabled",
    enabled: (key.keyState ?? "Enabled") === "Enabled",
    origin: key.origin ?? "AWS_KMS",
    keyManager: key.keyManager ?? "CUSTOMER",
    multiRegion,
    multiRegionConfigurations: multiRegion
      ? [
          {
            multiRegionKeyType: key.primaryRegion ? "REPLICA" : "PRIMARY",
            primaryKeys: [{ arn: keyArnOf(keyId, primaryRegion), region: primaryRegion }],
            replicaKeys: (key.replicaRegions ?? []).map((replica) => ({ arn: keyArnOf(keyId, replica), region: replica })),
          },
        ]
      : [],
  };
}

/** What `aws.iam.getSessionContext` answers: an assumed role's session resolved to its role, other ARNs as they are. */
function sessionContext(arn: string, roleArns: readonly string[]): Record<string, string> {
  const session = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(arn);
  if (!session) return { arn, issuerArn: arn, issuerId: "", issuerName: "", sessionName: "", id: arn };
  const [, partition, account, roleName, sessionName] = session;
  const issuerArn =
    roleArns.find((role) => role.startsWith(`arn:${partition}:iam::${account}:role/`) && role.endsWith(`/${roleName}`)) ??
    `arn:${partition}:iam::${account}:role/${roleName}`;
  return { arn, issuerArn, issuerId: "AROAEXAMPLE", issuerName: roleName, sessionName, id: arn };
}

/**
 * The value of an Output once Pulumi has computed it. Rejects with the error when the computation
 * fails (a bad input known only at deploy time, say), where `output.apply(resolve)` would wait
 * forever.
 */
export function outputValue<T>(output: pulumi.Output<T>): Promise<T> {
  // `promise()` is the Output's own settled value; it is internal to @pulumi/pulumi's typings but
  // present in every 3.x release.
  return (output as unknown as { promise(): Promise<T> }).promise();
}
