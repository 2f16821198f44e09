import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildEventPattern } from "../../shared";
import { ACCOUNT, KEY_ARN, POLICY, REPLICA_ARN, TOPIC_ARN } from "../support/aws-answers";
import { startFakeAws, type FakeAws, type FakeHandler } from "../support/fake-aws";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";
import { REPO_ROOT, runAsync } from "../../scripts/harness/processes";

// The built CLI as a process, its AWS SDK clients talking HTTP to a fake AWS on 127.0.0.1 through
// AWS_ENDPOINT_URL: credentials from the environment, the region from the key ARN, the JSON and
// query protocols on the wire.

const BIN = path.join(REPO_ROOT, "dist/cli/main.js");
const CAMUNDA_ACCOUNT = CAMUNDA_ROLE_ARN.split(":")[4];
const epoch = (iso: string) => Date.parse(iso) / 1000;

function metadata(arn: string, overrides: Record<string, unknown> = {}) {
  const region = arn.split(":")[3];
  return {
    KeyMetadata: {
      AWSAccountId: ACCOUNT,
      KeyId: arn.split("/")[1],
      Arn: arn,
      CreationDate: epoch("2026-01-10T09:00:00Z"),
      Enabled: true,
      Description: "Camunda 8 SaaS BYOK key for cluster payments-prod",
      KeyUsage: "ENCRYPT_DECRYPT",
      KeyState: "Enabled",
      Origin: "AWS_KMS",
      KeyManager: "CUSTOMER",
      KeySpec: "SYMMETRIC_DEFAULT",
      CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
      MultiRegion: true,
      MultiRegionConfiguration: {
        MultiRegionKeyType: region === "eu-central-1" ? "PRIMARY" : "REPLICA",
        PrimaryKey: { Arn: KEY_ARN, Region: "eu-central-1" },
        ReplicaKeys: [{ Arn: REPLICA_ARN, Region: "eu-west-1" }],
      },
      ...overrides,
    },
  };
}

function healthy(): Record<string, FakeHandler> {
  return {
    DescribeKey: (r) => ({ json: metadata(String(r.body.KeyId).includes("eu-west-1") ? REPLICA_ARN : KEY_ARN) }),
    GetKeyPolicy: () => ({ json: { Policy: POLICY, PolicyName: "default" } }),
    GetKeyRotationStatus: () => ({ json: { KeyRotationEnabled: true, RotationPeriodInDays: 365 } }),
    ListGrants: () => ({
      json: {
        Grants: [
          {
            KeyId: KEY_ARN,
            GrantId: "0c23",
            IssuingAccount: `arn:aws:iam::${CAMUNDA_ACCOUNT}:root`,
            GranteePrincipal: "ebs.amazonaws.com",
            Operations: ["Decrypt"],
            CreationDate: epoch("2026-01-10T10:00:00Z"),
          },
        ],
        Truncated: false,
      },
    }),
    DescribeTrails: () => ({
      json: {
        trailList: [
          {
            Name: "management-events",
            TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/management-events`,
            HomeRegion: "us-east-1",
            IsMultiRegionTrail: true,
          },
        ],
      },
    }),
    GetTrailStatus: () => ({ json: { IsLogging: true } }),
    // The account right under the root, which has no RCP attached (Organizations API reference).
    ListParents: () => ({ json: { Parents: [{ Id: "r-ab12", Type: "ROOT" }] } }),
    ListPoliciesForTarget: () => ({ json: { Policies: [] } }),
    // Camunda's account decrypted an hour ago (CloudTrail API reference, LookupEvents; EventTime in epoch seconds).
    LookupEvents: () => ({
      json: {
        Events: [
          {
            EventId: "1",
            EventName: "Decrypt",
            EventTime: Date.now() / 1000 - 3600,
            EventSource: "kms.amazonaws.com",
            CloudTrailEvent: JSON.stringify({ userIdentity: { type: "AWSAccount", accountId: CAMUNDA_ACCOUNT }, eventName: "Decrypt" }),
          },
        ],
      },
    }),
    GetEventSelectors: () => ({ json: { EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true }] } }),
    // Each region's rule watches that region's key: the request's signing region says which.
    ListRules: (request) => ({
      json: {
        Rules: [
          {
            Name: "camunda-byok-payments-prod-key-events",
            EventPattern: JSON.stringify(
              buildEventPattern({
                keyArn: request.region === "eu-west-1" ? REPLICA_ARN : KEY_ARN,
                keyId: KEY_ARN.split("/")[1],
                camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
              }),
            ),
            State: "ENABLED",
          },
        ],
      },
    }),
    ListTargetsByRule: () => ({ json: { Targets: [{ Id: "camunda-byok-alerts", Arn: TOPIC_ARN }] } }),
    DescribeAlarms: () => ({
      json: {
        MetricAlarms: [
          {
            AlarmName: "camunda-byok-payments-prod-key-deletion",
            StateValue: "OK",
            ActionsEnabled: true,
            MetricName: "TriggeredRules",
            Dimensions: [{ Name: "RuleName", Value: "camunda-byok-payments-prod-key-events" }],
          },
        ],
      },
    }),
    // One result per query, no datapoint: nothing failed (CloudWatch API reference, GetMetricData).
    GetMetricData: (request) => ({
      json: {
        MetricDataResults: ((request.body.MetricDataQueries as { Id: string }[]) ?? []).map((query) => ({
          Id: query.Id,
          Label: "FailedInvocations",
          StatusCode: "Complete",
          Timestamps: [],
          Values: [],
        })),
      },
    }),
    ListSubscriptionsByTopic: () => ({
      xml: `<ListSubscriptionsByTopicResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ListSubscriptionsByTopicResult><Subscriptions><member><TopicArn>${TOPIC_ARN}</TopicArn><Protocol>email</Protocol><SubscriptionArn>PendingConfirmation</SubscriptionArn><Owner>${ACCOUNT}</Owner><Endpoint>oncall@example.com</Endpoint></member></Subscriptions></ListSubscriptionsByTopicResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></ListSubscriptionsByTopicResponse>`,
    }),
  };
}

const byRegionOf = (requests: { region: string; operation: string }[], region: string) =>
  requests.filter((r) => r.region === region).map((r) => r.operation);

/** The CLI with nothing from this machine's AWS set-up: only the endpoint and the test's keys. */
async function verifyCli(endpoint: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const home = mkdtempSync(path.join(os.tmpdir(), "camunda-byok-home-"));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: "AKIAFAKEFORTESTS0001",
    AWS_SECRET_ACCESS_KEY: "fake-secret",
    AWS_EC2_METADATA_DISABLED: "true",
  };
  const result = await runAsync(process.execPath, ["--no-warnings", BIN, "verify", ...args], { env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("verify through real HTTP (the built CLI, a fake AWS on 127.0.0.1)", () => {
  let aws: FakeAws | undefined;
  before(() => {
    if (!existsSync(BIN)) throw new Error("dist/cli/main.js is missing: run `npm run build` first (npm test does)");
  });
  afterEach(async () => {
    await aws?.close();
    aws = undefined;
  });

  it("checks a healthy key and its replica: signed with the environment's keys, each region from its ARN, read-only", async () => {
    aws = await startFakeAws(healthy());
    const run = await verifyCli(aws.url, [
      "--key-arn",
      KEY_ARN,
      "--role-arn",
      CAMUNDA_ROLE_ARN,
      "--backup-key-arn",
      REPLICA_ARN,
      "--cluster-region",
      "eu-central-1",
    ]);
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(run.stderr).to.equal("");
    expect(run.stdout).to.match(/^ {2}PASS {2}key-policy +the Camunda role may do all 12 actions Camunda needs, unconditionally$/m);
    expect(run.stdout).to.match(/^ {2}WARN {2}monitoring .*oncall@example.com has not confirmed the subscription/m);
    // The topic's pending subscription shows in both regions' monitoring (one fake answers both).
    expect(run.stdout).to.match(/^result: 0 fail, 2 warn, 0 skipped, 20 pass$/m);
    // Organizations answers in us-east-1, whatever the key's region.
    expect(byRegionOf(aws.requests, "us-east-1")).to.deep.equal(["ListParents", "ListPoliciesForTarget", "ListPoliciesForTarget"]);
    const byRegion = (region: string) => aws!.requests.filter((r) => r.region === region).map((r) => r.operation);
    expect([...new Set(byRegion("eu-west-1"))].sort()).to.deep.equal([
      "DescribeAlarms",
      "DescribeKey",
      "DescribeTrails",
      "GetEventSelectors",
      "GetKeyPolicy",
      "GetKeyRotationStatus",
      "GetMetricData",
      "GetTrailStatus",
      "ListRules",
      "ListSubscriptionsByTopic",
      "ListTargetsByRule",
    ]);
    expect(byRegion("eu-central-1")).to.include.members([
      "DescribeKey",
      "GetKeyPolicy",
      "ListGrants",
      "DescribeTrails",
      "ListRules",
      "ListSubscriptionsByTopic",
    ]);
    expect(aws.requests.every((r) => r.accessKeyId === "AKIAFAKEFORTESTS0001")).to.equal(true);
    expect(aws.requests.filter((r) => !/^(Describe|Get|List|Lookup)/.test(r.operation))).to.deep.equal([]);
  });

  it("fails, over HTTP, an RCP denying Camunda, imported material expiring in 10 days and a backup region without a trail", async () => {
    const rcp = {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          Principal: "*",
          Action: "kms:*",
          Resource: "*",
          Condition: {
            StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" },
            BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
          },
        },
      ],
    };
    const base = healthy();
    aws = await startFakeAws({
      ...base,
      DescribeKey: (r) =>
        String(r.body.KeyId).includes("eu-west-1")
          ? { json: metadata(REPLICA_ARN) }
          : {
              json: metadata(KEY_ARN, {
                Origin: "EXTERNAL",
                ExpirationModel: "KEY_MATERIAL_EXPIRES",
                ValidTo: Date.now() / 1000 + 10 * 86400 + 3600,
              }),
            },
      DescribeTrails: (r) => (r.region === "eu-west-1" ? { json: { trailList: [] } } : base.DescribeTrails(r)),
      ListPoliciesForTarget: (r) =>
        r.body.TargetId === "r-ab12"
          ? { json: { Policies: [{ Id: "p-perimeter1", Name: "DataPerimeter", AwsManaged: false }] } }
          : { json: { Policies: [] } },
      DescribePolicy: () => ({
        json: { Policy: { PolicySummary: { Id: "p-perimeter1", Name: "DataPerimeter" }, Content: JSON.stringify(rcp) } },
      }),
    });
    const run = await verifyCli(aws.url, ["--key-arn", KEY_ARN, "--role-arn", CAMUNDA_ROLE_ARN, "--backup-key-arn", REPLICA_ARN, "--json"]);
    expect(run.code, run.stderr).to.equal(1);
    const statuses = Object.fromEntries(JSON.parse(run.stdout).checks.map((c: { id: string; status: string }) => [c.id, c.status]));
    expect(statuses).to.deep.include({ "org-policies": "fail", "key-origin": "fail", "replica-cloudtrail": "fail", cloudtrail: "pass" });
  });

  it("prints the report as JSON for CI, and fails a disabled key with the fix", async () => {
    aws = await startFakeAws({ ...healthy(), DescribeKey: () => ({ json: metadata(KEY_ARN, { KeyState: "Disabled", Enabled: false }) }) });
    const run = await verifyCli(aws.url, ["--key-arn", KEY_ARN, "--role-arn", CAMUNDA_ROLE_ARN, "--json"]);
    expect(run.code, run.stderr).to.equal(1);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).to.deep.equal(["keyArn", "checks"]);
    expect(report.checks.find((c: { id: string }) => c.id === "key-state")).to.deep.include({
      status: "fail",
      fix: `aws kms enable-key --key-id ${KEY_ARN} --region eu-central-1`,
    });
    for (const check of report.checks)
      expect(Object.keys(check).filter((k) => !["id", "status", "message", "fix"].includes(k))).to.deep.equal([]);
  });

  it("reports a permission it lacks as skipped; --strict fails on it", async () => {
    const denied = {
      ...healthy(),
      GetKeyPolicy: () => ({
        status: 400,
        errorType: "AccessDeniedException",
        json: { message: "User is not authorized to perform: kms:GetKeyPolicy" },
      }),
    };
    aws = await startFakeAws(denied);
    const args = ["--key-arn", KEY_ARN, "--role-arn", CAMUNDA_ROLE_ARN];
    const lenient = await verifyCli(aws.url, args);
    expect(lenient.code, lenient.stdout).to.equal(0);
    expect(lenient.stdout).to.match(/^ {2}SKIP {2}key-policy +could not run: the caller may not call kms:GetKeyPolicy \(AccessDenied\)$/m);
    const strict = await verifyCli(aws.url, [...args, "--strict"]);
    expect(strict.code).to.equal(1);
  });

  it("exits 2 on bad input, naming each flag, and sends nothing", async () => {
    aws = await startFakeAws(healthy());
    const run = await verifyCli(aws.url, [
      "--key-arn",
      "arn:aws:s3:::bucket",
      "--role-arn",
      "arn:aws:sts::123456789012:assumed-role/c8/session",
    ]);
    expect(run.code).to.equal(2);
    expect(run.stdout).to.equal("");
    expect(run.stderr).to.match(
      /^camunda-byok-kms verify: --key-arn must be a KMS key ARN .*; --role-arn must be an IAM role ARN, not an STS session ARN/,
    );
    expect(aws.requests).to.deep.equal([]);
  });

  it("shows a progress line on a terminal while calls are in flight, and clears it", async function () {
    if (spawnSync("script", ["--version"]).status !== 0) {
      console.log("    terminal test NOT RUN: no util-linux `script` to give the CLI a terminal");
      this.skip();
    }
    aws = await startFakeAws(healthy(), { delayMs: 150 });
    const command = [process.execPath, "--no-warnings", BIN, "verify", "--key-arn", KEY_ARN, "--role-arn", CAMUNDA_ROLE_ARN]
      .map((a) => `'${a}'`)
      .join(" ");
    const home = mkdtempSync(path.join(os.tmpdir(), "camunda-byok-home-"));
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_ENDPOINT_URL: aws.url,
      AWS_ACCESS_KEY_ID: "AKIAFAKEFORTESTS0001",
      AWS_SECRET_ACCESS_KEY: "fake-secret",
      AWS_EC2_METADATA_DISABLED: "true",
      TERM: "xterm",
    };
    const terminal = (await runAsync("script", ["-qec", command, "/dev/null"], { env })).stdout;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequence that clears a terminal line is what is tested
    expect(terminal).to.match(/\r\x1b\[2K[|/\\-] checking [a-z-, ]+/);
    expect(terminal).to.include("PASS  key-policy");
    const lastProgress = terminal.lastIndexOf(" checking ");
    expect(terminal.indexOf("\r\x1b[2K", lastProgress), "the progress line is cleared before the report").to.be.greaterThan(lastProgress);
  });

  it("exits 2, saying so plainly, when AWS cannot be reached", async () => {
    // Port 1 on the loopback: nothing listens there (a port a closed fake had may be reused by the
    // next server another test starts).
    const run = await verifyCli("http://127.0.0.1:1", ["--key-arn", KEY_ARN, "--role-arn", CAMUNDA_ROLE_ARN]);
    expect(run.code).to.equal(2);
    expect(run.stdout).to.equal("");
    expect(run.stderr).to.match(/^camunda-byok-kms verify: AWS could not be asked: AWS could not be reached \(ECONNREFUSED/);
  });
});
