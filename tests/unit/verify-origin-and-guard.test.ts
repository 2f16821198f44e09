// verify's key-origin and deletion-guard checks, and the replica's rotation fix, on answers shaped
// as AWS's API reference documents them (DescribeKey's KeyMetadata: Origin, ExpirationModel, ValidTo).
import { DescribeTrailsCommand, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { ListRulesCommand } from "@aws-sdk/client-eventbridge";
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand } from "@aws-sdk/client-kms";
import { expect } from "chai";
import { buildKeyPolicy } from "../../shared";
import { AwsUnreachableError, type CheckResult, type VerifyReport, verifyByokKey } from "../../verify";
import { ACCOUNT, camundaEvent, KEY_ARN, keyMetadata, mockHealthyAws, REPLICA_ARN } from "../support/aws-answers";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";

const OPTIONS = { keyArn: KEY_ARN, camundaClusterRoleArn: CAMUNDA_ROLE_ARN, clusterRegion: "eu-central-1" };
const DAY_MS = 24 * 60 * 60 * 1000;

function check(report: VerifyReport, id: string): CheckResult {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in ${JSON.stringify(report)}`);
  return found;
}

describe("verify: key origin, deletion guard, replica rotation (aws-sdk-client-mock)", () => {
  let aws: ReturnType<typeof mockHealthyAws>;
  beforeEach(() => {
    aws = mockHealthyAws();
  });
  afterEach(() => {
    for (const mock of aws.all) mock.restore();
  });

  const withMetadata = (overrides: Record<string, unknown>) =>
    aws.kms.on(DescribeKeyCommand).resolves({ KeyMetadata: keyMetadata(KEY_ARN, overrides) as never });

  it("passes material AWS KMS generated", async () => {
    expect(check(await verifyByokKey(OPTIONS), "key-origin")).to.deep.include({ status: "pass" });
  });

  it("fails imported material expiring in 10 days, and warns at 100 or without expiry", async () => {
    withMetadata({ Origin: "EXTERNAL", ExpirationModel: "KEY_MATERIAL_EXPIRES", ValidTo: new Date(Date.now() + 10 * DAY_MS + 3600_000) });
    const soon = check(await verifyByokKey(OPTIONS), "key-origin");
    expect(soon.status).to.equal("fail");
    expect(soon.message).to.include("expires on").and.to.include("in 10 days").and.to.include("the Camunda cluster freezes");
    expect(soon.fix).to.include("aws kms import-key-material");

    withMetadata({ Origin: "EXTERNAL", ExpirationModel: "KEY_MATERIAL_EXPIRES", ValidTo: new Date(Date.now() - 2 * DAY_MS) });
    expect(check(await verifyByokKey(OPTIONS), "key-origin").message).to.include("expired");

    withMetadata({ Origin: "EXTERNAL", ExpirationModel: "KEY_MATERIAL_EXPIRES", ValidTo: new Date(Date.now() + 100 * DAY_MS) });
    expect(check(await verifyByokKey(OPTIONS), "key-origin").status).to.equal("warn");
    withMetadata({ Origin: "EXTERNAL", ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" });
    expect(check(await verifyByokKey(OPTIONS), "key-origin").status).to.equal("warn");
  });

  it("warns where availability rests on the customer's HSM or proxy", async () => {
    for (const [origin, words] of [
      ["AWS_CLOUDHSM", "CloudHSM"],
      ["EXTERNAL_KEY_STORE", "external key store"],
    ]) {
      withMetadata({ Origin: origin, CustomKeyStoreId: "cks-1234567890abcdef0" });
      const result = check(await verifyByokKey(OPTIONS), "key-origin");
      expect(result.status, origin).to.equal("warn");
      expect(result.message).to.include(words);
    }
  });

  it("passes a policy with DenyKeyDeletion, and warns, naming the key, where nothing denies the deletion", async () => {
    expect(check(await verifyByokKey({ ...OPTIONS, backupKeyArn: REPLICA_ARN }), "deletion-guard")).to.deep.include({ status: "pass" });
    const unguarded = buildKeyPolicy({ camundaClusterRoleArn: CAMUNDA_ROLE_ARN, keyAccountId: ACCOUNT, preventDestroy: false });
    aws.kms.on(GetKeyPolicyCommand, { KeyId: REPLICA_ARN }).resolves({ Policy: JSON.stringify(unguarded), PolicyName: "default" });
    const replicaOnly = check(await verifyByokKey({ ...OPTIONS, backupKeyArn: REPLICA_ARN }), "deletion-guard");
    expect(replicaOnly.status).to.equal("warn");
    expect(replicaOnly.message).to.include("no statement of the replica policy denies kms:ScheduleKeyDeletion");
    // A Deny for one principal only is no guard: everyone else may still delete.
    const narrow = structuredClone(unguarded) as { Statement: object[] };
    narrow.Statement.push({ Effect: "Deny", Principal: { AWS: "arn:aws:iam::111122223333:role/intern" }, Action: "kms:*", Resource: "*" });
    aws.kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify(narrow), PolicyName: "default" });
    expect(check(await verifyByokKey(OPTIONS), "deletion-guard").message).to.include("no statement of the key policy");
  });

  it("names the primary in the replica's rotation fix: AWS sets rotation on the primary only", async () => {
    aws.kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: false });
    const replica = check(await verifyByokKey({ ...OPTIONS, backupKeyArn: REPLICA_ARN }), "replica-rotation");
    expect(replica.fix).to.equal(`aws kms enable-key-rotation --key-id ${KEY_ARN} --region eu-central-1`);
  });
});

describe("verify: the backup region's own trail and monitoring (aws-sdk-client-mock)", () => {
  let aws: ReturnType<typeof mockHealthyAws>;
  beforeEach(() => {
    aws = mockHealthyAws();
  });
  afterEach(() => {
    for (const mock of aws.all) mock.restore();
  });

  it("fails replica-cloudtrail where only the key's region has a trail, and passes cloudtrail", async () => {
    aws.cloudtrail.on(DescribeTrailsCommand).resolves({
      trailList: [
        {
          Name: "frankfurt-only",
          TrailARN: `arn:aws:cloudtrail:eu-central-1:${ACCOUNT}:trail/frankfurt-only`,
          HomeRegion: "eu-central-1",
          IsMultiRegionTrail: false,
        },
      ],
    });
    const report = await verifyByokKey({ ...OPTIONS, backupKeyArn: REPLICA_ARN });
    expect(check(report, "cloudtrail").status).to.equal("pass");
    const replica = check(report, "replica-cloudtrail");
    expect(replica.status).to.equal("fail");
    expect(replica.message).to.include("no logging trail records KMS management events in eu-west-1");
  });

  it("warns replica-monitoring when no rule in the backup region watches the replica", async () => {
    aws.events.on(ListRulesCommand).resolves({ Rules: [] });
    const report = await verifyByokKey({ ...OPTIONS, backupKeyArn: REPLICA_ARN });
    const replica = check(report, "replica-monitoring");
    expect(replica.status).to.equal("warn");
    expect(replica.message).to.include("in eu-west-1 watches this key");
  });

  it("leaves both out without --backup-key-arn", async () => {
    const ids = (await verifyByokKey(OPTIONS)).checks.map((c) => c.id);
    expect(ids).to.not.include("replica-cloudtrail").and.to.not.include("replica-monitoring");
  });
});

describe("verify: camunda-activity, from CloudTrail's event history (aws-sdk-client-mock)", () => {
  let aws: ReturnType<typeof mockHealthyAws>;
  beforeEach(() => {
    aws = mockHealthyAws();
  });
  afterEach(() => {
    for (const mock of aws.all) mock.restore();
  });
  const noPause = { pause: async () => {} };

  it("passes when Camunda's account used the key 3 hours ago, naming the call and the time", async () => {
    const result = check(await verifyByokKey({ ...OPTIONS, ...noPause }), "camunda-activity");
    expect(result.status).to.equal("pass");
    expect(result.message).to.include("Camunda's account 123456789012 last used the key with Decrypt").and.to.include("(3 hours ago)");
    const [call] = aws.cloudtrail.commandCalls(LookupEventsCommand);
    expect(call.args[0].input.LookupAttributes).to.deep.equal([{ AttributeKey: "ResourceName", AttributeValue: KEY_ARN }]);
  });

  it("warns when Camunda was never seen: its own calls are absent, the key's owner's and failed ones do not count", async () => {
    const now = Date.now();
    const ownerCall = camundaEvent(new Date(now - 3_600_000), { userIdentity: { type: "IAMUser", accountId: ACCOUNT } });
    const camundaDenied = camundaEvent(new Date(now - 7_200_000), { errorCode: "AccessDeniedException" });
    aws.cloudtrail
      .on(LookupEventsCommand)
      .resolvesOnce({ Events: [ownerCall], NextToken: "page-2" })
      .resolvesOnce({ Events: [camundaDenied] });
    const pauses: number[] = [];
    const result = check(await verifyByokKey({ ...OPTIONS, pause: async (ms) => void pauses.push(ms) }), "camunda-activity");
    expect(result.status).to.equal("warn");
    expect(result.message).to.include("no successful call on the key from Camunda's account 123456789012 among its latest 2");
    // Two pages, paced for LookupEvents' 2 requests a second.
    expect(aws.cloudtrail.commandCalls(LookupEventsCommand).map((c) => c.args[0].input.NextToken)).to.deep.equal([undefined, "page-2"]);
    expect(pauses).to.deep.equal([500]);
  });

  it("reads at most four pages, and is skipped without cloudtrail:LookupEvents", async () => {
    aws.cloudtrail.on(LookupEventsCommand).resolves({ Events: [], NextToken: "more" });
    await verifyByokKey({ ...OPTIONS, ...noPause });
    expect(aws.cloudtrail.commandCalls(LookupEventsCommand)).to.have.length(4);
    aws.cloudtrail
      .on(LookupEventsCommand)
      .rejects(Object.assign(new Error("not authorized"), { name: "AccessDeniedException", $metadata: { httpStatusCode: 400 } }));
    const skipped = check(await verifyByokKey({ ...OPTIONS, ...noPause }), "camunda-activity");
    expect(skipped).to.deep.include({ status: "skipped" });
    expect(skipped.message).to.include("cloudtrail:LookupEvents");
  });
});

describe("verify when AWS cannot be reached (aws-sdk-client-mock)", () => {
  it("rejects once with AwsUnreachableError and leaves no rejection unhandled, though checks run in parallel", async () => {
    const aws = mockHealthyAws();
    const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED", name: "Error" });
    for (const mock of aws.all as { onAnyCommand(): { callsFake(fake: () => Promise<never>): unknown } }[]) {
      mock.onAnyCommand().callsFake(async () => Promise.reject(refused()));
    }
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      const error = await verifyByokKey({ ...OPTIONS, backupKeyArn: REPLICA_ARN, pause: async () => {} }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).to.be.instanceOf(AwsUnreachableError);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).to.deep.equal([]);
    } finally {
      process.off("unhandledRejection", record);
      for (const mock of aws.all) mock.restore();
    }
  });
});
