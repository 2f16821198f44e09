// verifyByokKey: a read-only health check of a live BYOK key. What it judges (the actions Camunda
// needs, the states that freeze a cluster, the backup regions) comes from shared/; this file only
// asks AWS, in parallel where the questions are independent, and puts the answers in order.
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { KMSClient } from "@aws-sdk/client-kms";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { SNSClient } from "@aws-sdk/client-sns";
import { ByokValidationError, CAMUNDA_BACKUP_REGION_PAIRS } from "../shared";
import { parseKmsKeyArn } from "../shared/internal";
import { partitionOfRegion } from "../shared/internal";
import { keyAndRoleProblems } from "./option-checks";
import { describeKey, inUse, keyPolicy, rotation, stateAndSpec } from "./key-checks";
import { camundaActivity } from "./activity-check";
import { orgPoliciesCheck } from "./org-policies-check";
import { deletionGuard, keyOrigin } from "./origin-and-guard";
import { monitoringCheck } from "./monitoring-check";
import { CHECK_ORDER, type CheckId, type CheckResult, type VerifyOptions, type VerifyReport } from "./report";
import { cloudTrailCheck } from "./trail-check";

/** Retries cost time when AWS is out of reach; one retry still rides out a passing fault. */
const CLIENT_SETTINGS = { maxAttempts: 2 };

/** Bad options, every problem named by its option, before anything is sent to AWS. */
export function validateVerifyOptions(options: VerifyOptions): void {
  const problems = keyAndRoleProblems(options);
  if (options.clusterRegion !== undefined && !partitionOfRegion(options.clusterRegion)) {
    problems.push({ input: "clusterRegion", message: `must be an AWS region such as eu-central-1 (got "${options.clusterRegion}")` });
  }
  if (problems.length > 0) throw new ByokValidationError(problems);
}

/**
 * Checks a live key (and its replica) as Camunda depends on it. Calls only Describe, Get, List and Lookup
 * APIs. Throws ByokValidationError on bad options and AwsUnreachableError when AWS cannot be asked
 * at all; a check that cannot run for want of a permission is `skipped` and the others go on.
 */
export async function verifyByokKey(options: VerifyOptions): Promise<VerifyReport> {
  validateVerifyOptions(options);
  const key = parseKmsKeyArn(options.keyArn)!;
  const clients = regionalClients(key.region);
  const running = new Set<CheckId>();
  const finished: CheckId[] = [];
  const results: CheckResult[] = [];
  const track = async (ids: CheckId[], work: () => Promise<CheckResult | CheckResult[]>): Promise<void> => {
    for (const id of ids) running.add(id);
    options.onProgress?.([...finished], [...running]);
    const answer = await work();
    results.push(...(Array.isArray(answer) ? answer : [answer]));
    for (const id of ids) running.delete(id);
    finished.push(...ids);
    options.onProgress?.([...finished], [...running]);
  };
  const now = new Date();
  const primary = { kms: clients.kms, givenArn: options.keyArn, roleArn: options.camundaClusterRoleArn, prefix: "key" as const, now };

  let primaryArn = key.isAlias ? undefined : options.keyArn;
  const policies: { label: string; policy: unknown; keyArn: string }[] = [];
  const perKeyChecks = (arn: string): Promise<void>[] => [
    track(["key-policy"], () => keyPolicy(primary, arn, (policy) => policies.unshift({ label: "key", policy, keyArn: arn }))),
    track(["rotation"], () => rotation(primary, arn)),
    track(["in-use"], () => inUse(primary, arn)),
    track(["camunda-activity"], () =>
      camundaActivity({
        cloudtrail: clients.cloudtrail,
        keyArn: arn,
        roleArn: options.camundaClusterRoleArn,
        now,
        ...(options.pause ? { pause: options.pause } : {}),
      }),
    ),
    track(["monitoring"], () => monitoringCheck(clients, arn, key.region)),
  ];
  const keyChecks = async () => {
    // A key ARN needs no description first: its checks go out with DescribeKey. An alias ARN
    // must be resolved to the key's first.
    const early = key.isAlias ? [] : perKeyChecks(options.keyArn);
    let described: Awaited<ReturnType<typeof describeKey>>["metadata"];
    const afterDescription = async () => {
      const exists = results.find((r) => r.id === "key-exists")?.status !== "fail";
      const late = key.isAlias && primaryArn && exists ? perKeyChecks(primaryArn) : [];
      const replica = options.backupKeyArn !== undefined ? [verifyReplica(options, described?.Arn, track, now, policies)] : [];
      await Promise.all([...late, ...replica]);
    };
    // One Promise.all over the early checks and what follows the description: a rejection
    // (AWS out of reach) surfaces once, and none is left unhandled.
    await Promise.all([
      ...early,
      track(["key-exists", "key-state", "key-spec", "key-region", "key-origin"], async () => {
        const found = await describeKey(primary);
        described = found.metadata;
        primaryArn = found.metadata?.Arn ?? primaryArn;
        return [
          ...found.results,
          ...stateAndSpec(primary, found.metadata),
          keyRegion(key.region, options.clusterRegion),
          keyOrigin(found.metadata, now),
        ];
      }).then(afterDescription),
    ]);
  };
  // One Promise.all over every independent part: the CloudTrail check needs no key description,
  // and a failure anywhere (AWS out of reach) surfaces once, with no rejection left unhandled.
  await Promise.all([
    track(["cloudtrail"], () => cloudTrailCheck(clients.cloudtrail, key.region)),
    track(["org-policies"], () =>
      orgPoliciesCheck(organizationsClient(key.partition), primaryArn ?? options.keyArn, options.camundaClusterRoleArn),
    ),
    keyChecks(),
  ]);

  // A key that is not there answers every check made on its ARN alike: say so once.
  if (results.find((r) => r.id === "key-exists")?.status === "fail") {
    const perKey = new Set<CheckId>(["key-policy", "rotation", "in-use", "camunda-activity", "monitoring"]);
    for (let index = results.length - 1; index >= 0; index--) if (perKey.has(results[index].id)) results.splice(index, 1);
    policies.length = 0;
  }
  if (policies.some((p) => p.label === "key")) results.push(deletionGuard(policies));
  else if (results.some((r) => r.id === "key-policy")) {
    results.push({ id: "deletion-guard", status: "skipped", message: "could not run: needs the key policy (kms:GetKeyPolicy)" });
  }

  const reported = new Set(results.map((r) => r.id));
  for (const id of CHECK_ORDER) {
    if (!reported.has(id) && (!id.startsWith("replica-") || options.backupKeyArn !== undefined)) {
      results.push({ id, status: "skipped", message: "could not run: the key was not found" });
    }
  }
  results.sort((a, b) => CHECK_ORDER.indexOf(a.id) - CHECK_ORDER.indexOf(b.id));
  return { keyArn: primaryArn ?? options.keyArn, checks: results };
}

function keyRegion(region: string, clusterRegion: string | undefined): CheckResult {
  if (clusterRegion === undefined)
    return { id: "key-region", status: "skipped", message: `could not run: no --cluster-region given (the key is in ${region})` };
  if (clusterRegion === region) return { id: "key-region", status: "pass", message: `in ${region}, the cluster's region` };
  return {
    id: "key-region",
    status: "fail",
    message: `in ${region}, but the cluster is in ${clusterRegion}: Camunda needs the key in the cluster's region; create one there (and a new cluster)`,
  };
}

async function verifyReplica(
  options: VerifyOptions,
  primaryArn: string | undefined,
  track: (ids: CheckId[], work: () => Promise<CheckResult | CheckResult[]>) => Promise<void>,
  now: Date,
  policies: { label: string; policy: unknown; keyArn: string }[],
): Promise<void> {
  const replicaKey = parseKmsKeyArn(options.backupKeyArn!)!;
  const clients = regionalClients(replicaKey.region);
  const replica = {
    kms: clients.kms,
    givenArn: options.backupKeyArn!,
    roleArn: options.camundaClusterRoleArn,
    prefix: "replica" as const,
    now,
    ...(primaryArn ? { primaryArn } : {}),
  };
  // The replica's region needs its own trail and monitoring (after a swap it is the primary's);
  // the trail needs no key description, so it is asked at once.
  const trail = track(["replica-cloudtrail"], () => cloudTrailCheck(clients.cloudtrail, replicaKey.region, "replica-cloudtrail"));
  let arn: string | undefined;
  const described = track(["replica-exists", "replica-of", "replica-region", "replica-state", "replica-spec"], async () => {
    const found = await describeKey(replica);
    arn = found.metadata?.Arn;
    const config = found.metadata?.MultiRegionConfiguration;
    const replicaOf: CheckResult = !found.metadata
      ? { id: "replica-of", status: "skipped", message: "could not run: needs the replica's description" }
      : config?.MultiRegionKeyType === "REPLICA" && primaryArn !== undefined && config.PrimaryKey?.Arn === primaryArn
        ? { id: "replica-of", status: "pass", message: `a replica of ${primaryArn}` }
        : {
            id: "replica-of",
            status: "fail",
            message: `not a replica of ${primaryArn ?? options.keyArn} (its primary: ${config?.PrimaryKey?.Arn ?? "none, it is not a multi-region replica"}): Camunda's dual-region backups need the multi-region key's own replica`,
          };
    const clusterRegion = options.clusterRegion ?? parseKmsKeyArn(options.keyArn)!.region;
    const paired = CAMUNDA_BACKUP_REGION_PAIRS[clusterRegion];
    const region: CheckResult =
      paired === replicaKey.region
        ? { id: "replica-region", status: "pass", message: `in ${replicaKey.region}, Camunda's backup region for ${clusterRegion}` }
        : {
            id: "replica-region",
            status: "warn",
            message: `in ${replicaKey.region}, but Camunda pairs ${clusterRegion} with ${paired ?? "no backup region this version knows"}: check the Camunda Console`,
          };
    return [...found.results, replicaOf, region, ...stateAndSpec(replica, found.metadata)];
  });
  const perReplica = async () => {
    if (!arn) return;
    const replicaArn = arn;
    await Promise.all([
      track(["replica-policy"], () =>
        keyPolicy(replica, replicaArn, (policy) => policies.push({ label: "replica", policy, keyArn: replicaArn })),
      ),
      track(["replica-rotation"], () => rotation(replica, replicaArn)),
      track(["replica-monitoring"], () => monitoringCheck(clients, replicaArn, replicaKey.region, "replica-monitoring")),
    ]);
  };
  // Awaited together, so a rejection (AWS out of reach) is never left unhandled.
  await Promise.all([trail, described.then(perReplica)]);
}

const clientsByRegion = new Map<string, ReturnType<typeof makeClients>>();

function makeClients(region: string) {
  return {
    kms: new KMSClient({ region, ...CLIENT_SETTINGS }),
    cloudtrail: new CloudTrailClient({ region, ...CLIENT_SETTINGS }),
    events: new EventBridgeClient({ region, ...CLIENT_SETTINGS }),
    cloudwatch: new CloudWatchClient({ region, ...CLIENT_SETTINGS }),
    sns: new SNSClient({ region, ...CLIENT_SETTINGS }),
  };
}

/** One client per service and region, made when first needed. */
function regionalClients(region: string) {
  let clients = clientsByRegion.get(region);
  if (!clients) clientsByRegion.set(region, (clients = makeClients(region)));
  return clients;
}

/** Organizations answers in one region per partition. */
const ORGANIZATIONS_REGION: Record<string, string> = { aws: "us-east-1", "aws-cn": "cn-northwest-1", "aws-us-gov": "us-gov-west-1" };
const organizationsClients = new Map<string, OrganizationsClient>();

function organizationsClient(partition: string): OrganizationsClient {
  let client = organizationsClients.get(partition);
  if (!client) {
    client = new OrganizationsClient({ region: ORGANIZATIONS_REGION[partition] ?? "us-east-1", ...CLIENT_SETTINGS });
    organizationsClients.set(partition, client);
  }
  return client;
}
