// `camunda-byok-kms adopt` as a process: the built CLI, its KMS client talking HTTP to a fake AWS
// on 127.0.0.1 (AWS_ENDPOINT_URL), answering for keys made by hand as people made them.
import { expect } from "chai";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT, runAsync } from "../../scripts/harness/processes";
import { startFakeAws, type FakeAws, type FakeHandler } from "../support/fake-aws";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";
import { type HandMadeKey, handMadeKey, handMadePair, keyArn, MULTI_REGION_ID, SINGLE_REGION_ID } from "../support/hand-made-keys";

const BIN = path.join(REPO_ROOT, "dist/cli/main.js");
const READ_ONLY = new Set(["DescribeKey", "GetKeyPolicy", "GetKeyRotationStatus", "ListResourceTags", "ListAliases"]);

/** KMS over JSON, by the region of each request's signature (a replica shares its primary's id). */
function kmsFor(keys: HandMadeKey[]): Record<string, FakeHandler> {
  const find = (region: string, keyId: unknown) => {
    const id = String(keyId);
    const alias = id.includes("alias/") ? id.slice(id.indexOf("alias/")) : undefined;
    return keys.find((k) => k.region === region && (alias ? k.aliases.includes(alias) : k.id === id.slice(id.lastIndexOf("/") + 1)));
  };
  const answer =
    (body: (key: HandMadeKey) => unknown): FakeHandler =>
    (request) => {
      const key = find(request.region, request.body.KeyId);
      return key
        ? { json: body(key) }
        : { status: 400, errorType: "NotFoundException", json: { message: `Key '${request.body.KeyId}' does not exist` } };
    };
  return {
    DescribeKey: answer((key) => ({ KeyMetadata: key.metadata })),
    GetKeyPolicy: answer((key) => ({ Policy: JSON.stringify(key.policy), PolicyName: "default" })),
    GetKeyRotationStatus: answer((key) => key.rotation),
    ListResourceTags: answer((key) => ({ Tags: key.tags, Truncated: false })),
    ListAliases: answer((key) => ({ Aliases: key.aliases.map((name) => ({ AliasName: name, TargetKeyId: key.id })), Truncated: false })),
  };
}

/** The CLI with nothing from this machine's AWS set-up: only the endpoint and the test's keys. */
async function adopt(endpoint: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: mkdtempSync(path.join(os.tmpdir(), "camunda-byok-home-")),
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: "AKIAFAKEFORTESTS0001",
    AWS_SECRET_ACCESS_KEY: "fake-secret",
    AWS_EC2_METADATA_DISABLED: "true",
  };
  const result = await runAsync(process.execPath, ["--no-warnings", BIN, "adopt", "--role-arn", CAMUNDA_ROLE_ARN, ...args], { env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("camunda-byok-kms adopt over HTTP (the built CLI, a fake AWS on 127.0.0.1)", function () {
  this.timeout(60_000);
  let aws: FakeAws | undefined;
  afterEach(async () => aws?.close());

  it("plans a guide-made key's adoption: exit 0, the import block, the policy changes, only read-only calls", async () => {
    aws = await startFakeAws(kmsFor([handMadeKey()]));
    const result = await adopt(aws.url, "--key-arn", keyArn(SINGLE_REGION_ID), "--cluster-name", "payments-prod");
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.include("verdict: can be adopted without replacing the key");
    expect(result.stdout).to.include(`import {\n  to = module.camunda_byok.aws_kms_key.this\n  id = "${SINGLE_REGION_ID}"\n}`);
    expect(result.stdout).to.include('+ "CamundaClusterKeyUsage" added').and.include("the Camunda role gains kms:Encrypt, kms:ReEncrypt*");
    expect(result.stdout).to.include(`adoptKeyId: "${SINGLE_REGION_ID}",`);
    expect(result.stdout).to.include("rotation: off → on, every 365 days");
    expect(
      aws.requests.every((r) => READ_ONLY.has(r.operation)),
      aws.requests.map((r) => r.operation).join(),
    ).to.equal(true);
    expect(new Set(aws.requests.map((r) => r.region))).to.deep.equal(new Set(["eu-central-1"]));
  });

  it("refuses an asymmetric key with exit 1, naming KeySpec RSA_2048, and prints no import block", async () => {
    aws = await startFakeAws(kmsFor([handMadeKey(SINGLE_REGION_ID, { metadata: { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" } })]));
    const result = await adopt(aws.url, "--key-arn", keyArn(SINGLE_REGION_ID));
    expect(result.code).to.equal(1);
    expect(result.stdout)
      .to.include("verdict: NOT adoptable")
      .and.include("KeySpec must be SYMMETRIC_DEFAULT")
      .and.include('(got "RSA_2048")');
    expect(result.stdout).not.to.include("import {");
  });

  it("gives the plan as JSON for CI, with the replica's import at the backup provider's address", async () => {
    aws = await startFakeAws(kmsFor(handMadePair()));
    const result = await adopt(
      aws.url,
      "--key-arn",
      keyArn(MULTI_REGION_ID),
      "--backup-region",
      "eu-west-1",
      "--backup-key-arn",
      keyArn(MULTI_REGION_ID, "eu-west-1"),
      "--json",
    );
    expect(result.code, result.stderr).to.equal(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.verdict).to.equal("adoptable");
    expect(plan.keyId).to.equal(MULTI_REGION_ID);
    expect(plan.imports.terraform).to.deep.include({ to: "module.camunda_byok.aws_kms_replica_key.replica[0]", id: MULTI_REGION_ID });
    expect(plan.imports.pulumi).to.include({ adoptKeyId: MULTI_REGION_ID, adoptReplicaKeyId: MULTI_REGION_ID, backupRegion: "eu-west-1" });
    expect(new Set(aws.requests.map((r) => r.region))).to.deep.equal(new Set(["eu-central-1", "eu-west-1"]));
  });

  it("refuses a single-region key with --backup-region and a multi-region key without it, each with exit 1", async () => {
    aws = await startFakeAws(kmsFor([handMadeKey(), handMadeKey(MULTI_REGION_ID)]));
    const single = await adopt(aws.url, "--key-arn", keyArn(SINGLE_REGION_ID), "--backup-region", "eu-west-1", "--json");
    expect(single.code).to.equal(1);
    expect(
      JSON.parse(single.stdout)
        .refusals.map((r: { message: string }) => r.message)
        .join("\n"),
    ).to.include("MultiRegion is false");
    const multi = await adopt(aws.url, "--key-arn", keyArn(MULTI_REGION_ID), "--json");
    expect(multi.code).to.equal(1);
    expect(
      JSON.parse(multi.stdout)
        .refusals.map((r: { message: string }) => r.message)
        .join("\n"),
    ).to.include("MultiRegion is true");
  });

  it("refuses a key pending deletion with exit 1, and exits 2 on a usage error and when AWS cannot be reached", async () => {
    aws = await startFakeAws(kmsFor([handMadeKey(SINGLE_REGION_ID, { metadata: { KeyState: "PendingDeletion", Enabled: false } })]));
    const pending = await adopt(aws.url, "--key-arn", keyArn(SINGLE_REGION_ID));
    expect(pending.code).to.equal(1);
    expect(pending.stdout).to.include("KeyState must be Enabled or Disabled").and.include('(got "PendingDeletion")');
    const usage = await adopt(aws.url, "--key-arn", "not-an-arn");
    expect(usage.code).to.equal(2);
    expect(usage.stderr).to.include("--key-arn must be a KMS key ARN");
    const unreachable = await adopt("http://127.0.0.1:1", "--key-arn", keyArn(SINGLE_REGION_ID));
    expect(unreachable.code).to.equal(2);
    expect(unreachable.stderr).to.include("AWS could not be asked");
  });
});
