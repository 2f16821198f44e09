// `npm run bench:verify`: what one `verify` costs in AWS calls and in time when every call takes
// as long as a real one. AWS is aws-sdk-client-mock answering a healthy key after a fixed delay,
// so the figures show the call count and how much of it runs in parallel.
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { KMSClient } from "@aws-sdk/client-kms";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { SNSClient } from "@aws-sdk/client-sns";
import { verifyByokKey } from "../verify";
import { CAMUNDA_ROLE_ARN } from "../tests/support/fixtures";
import { KEY_ARN, mockHealthyAws, REPLICA_ARN } from "../tests/support/aws-answers";

const latencyMs = Number(process.argv.find((arg) => arg.startsWith("--latency="))?.split("=")[1] ?? 80);
const runs = process.argv.includes("--quick") ? 1 : 5;
const CLIENTS = [KMSClient, CloudTrailClient, EventBridgeClient, CloudWatchClient, SNSClient, OrganizationsClient];

/** Delays every answer of the (mocked) clients by `latencyMs`, as a network round trip would. */
function addLatency(): () => void {
  const originals = CLIENTS.map((client) => client.prototype.send);
  CLIENTS.forEach((client, index) => {
    const answer = originals[index] as (...args: unknown[]) => Promise<unknown>;
    client.prototype.send = async function (this: unknown, ...args: unknown[]) {
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      return answer.apply(this, args);
    } as typeof client.prototype.send;
  });
  return () => {
    for (const [index, client] of CLIENTS.entries()) client.prototype.send = originals[index] as never;
  };
}

async function measure(label: string, backupKeyArn?: string) {
  const times: number[] = [];
  let calls = 0;
  for (let run = 0; run < runs; run++) {
    const aws = mockHealthyAws();
    const removeLatency = addLatency();
    const started = process.hrtime.bigint();
    const report = await verifyByokKey({
      keyArn: KEY_ARN,
      camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
      clusterRegion: "eu-central-1",
      backupKeyArn,
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    removeLatency();
    if (report.checks.some((c) => c.status !== "pass")) throw new Error(`the benchmark's key is not healthy: ${JSON.stringify(report)}`);
    calls = aws.all.reduce((sum, mock) => sum + mock.calls().length, 0);
    for (const mock of aws.all) mock.restore();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const serial = calls * latencyMs;
  console.log(
    `${label.padEnd(14)} ${String(calls).padStart(3)} calls  ${median.toFixed(0).padStart(5)} ms = ${(median / latencyMs).toFixed(1)} round trips in sequence   one call after another: ${serial} ms (${(serial / median).toFixed(1)}x)`,
  );
}

async function main() {
  console.log(`verify: AWS calls and wall time per run, ${latencyMs} ms per call, median of ${runs} run(s)`);
  await measure("key");
  await measure("key + replica", REPLICA_ARN);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
