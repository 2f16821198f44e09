import { DescribeTrailsCommand, GetEventSelectorsCommand } from "@aws-sdk/client-cloudtrail";
import { DescribeAlarmsCommand, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, ListGrantsCommand } from "@aws-sdk/client-kms";
import { ListSubscriptionsByTopicCommand } from "@aws-sdk/client-sns";
import { expect } from "chai";
import { readFileSync } from "node:fs";
import path from "node:path";
import { AwsUnreachableError, ByokValidationError, CHECK_ORDER, verifyByokKey, type CheckResult, type VerifyReport } from "../../verify";
import { ACCOUNT, KEY_ARN, keyMetadata, mockHealthyAws, POLICY, REPLICA_ARN, TOPIC_ARN } from "../support/aws-answers";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";
import { REPO_ROOT } from "../../scripts/harness/processes";

const OPTIONS = { keyArn: KEY_ARN, camundaClusterRoleArn: CAMUNDA_ROLE_ARN, clusterRegion: "eu-central-1" };

function check(report: VerifyReport, id: string): CheckResult {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in ${JSON.stringify(report)}`);
  return found;
}

function awsError(name: string, status: number) {
  return Object.assign(new Error(`${name}: User is not authorized`), { name, $metadata: { httpStatusCode: status } });
}

describe("verify (aws-sdk-client-mock)", () => {
  let aws: ReturnType<typeof mockHealthyAws>;
  beforeEach(() => {
    aws = mockHealthyAws();
  });
  afterEach(() => {
    for (const mock of aws.all) mock.restore();
  });

  it("passes every check of a healthy key and its replica, in the documented order", async () => {
    const report = await verifyByokKey({ ...OPTIONS, backupKeyArn: REPLICA_ARN });
    expect(report.keyArn).to.equal(KEY_ARN);
    expect(report.checks.map((c) => c.id)).to.deep.equal([...CHECK_ORDER]);
    expect(
      report.checks.filter((c) => c.status !== "pass"),
      JSON.stringify(report, null, 2),
    ).to.deep.equal([]);
    expect(check(report, "in-use").message).to.include("1 grant issued from Camunda's account 123456789012");
    expect(check(report, "monitoring").message).to.include("camunda-byok-payments-prod-key-events").and.not.to.include("other-cluster");
  });

  it("calls only Describe, Get, List and Lookup APIs", async () => {
    await verifyByokKey({ ...OPTIONS, backupKeyArn: REPLICA_ARN });
    const commands = aws.all.flatMap((mock) => mock.calls().map((call) => call.args[0].constructor.name));
    expect(commands).to.not.have.length(0);
    expect(commands.filter((name) => !/^(Describe|Get|List|Lookup)\w*Command$/.test(name))).to.deep.equal([]);
  });

  it("needs no permission beyond the auditor policy in the README", async () => {
    await verifyByokKey({ ...OPTIONS, backupKeyArn: REPLICA_ARN });
    const services = ["kms", "cloudtrail", "events", "cloudwatch", "sns", "organizations"];
    const permissions = aws.all.flatMap((mock, index) =>
      mock.calls().map((call) => `${services[index]}:${call.args[0].constructor.name.replace(/Command$/, "")}`),
    );
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const policy = JSON.parse(/read-only auditor needs:\n\n```json\n([\s\S]*?)```/.exec(readme)![1]);
    expect([...new Set(permissions)].sort()).to.deep.equal([...policy.Statement[0].Action].sort());
  });

  it("resolves an alias ARN to its key", async () => {
    const report = await verifyByokKey({ ...OPTIONS, keyArn: `arn:aws:kms:eu-central-1:${ACCOUNT}:alias/camunda-byok-payments-prod` });
    expect(report.keyArn).to.equal(KEY_ARN);
    expect(aws.kms.commandCalls(GetKeyPolicyCommand)[0].args[0].input.KeyId).to.equal(KEY_ARN);
  });

  it("fails a disabled key, with the command that enables it", async () => {
    aws.kms.on(DescribeKeyCommand).resolves({ KeyMetadata: keyMetadata(KEY_ARN, { KeyState: "Disabled", Enabled: false }) });
    const state = check(await verifyByokKey(OPTIONS), "key-state");
    expect(state.status).to.equal("fail");
    expect(state.message)
      .to.match(/^Disabled: the key is disabled/)
      .and.to.include("External encryption key is not ready");
    expect(state.fix).to.equal(`aws kms enable-key --key-id ${KEY_ARN} --region eu-central-1`);
  });

  it("fails a key pending deletion, saying when and how many days are left, with the commands that save it", async () => {
    const deletionDate = new Date(Date.now() + 6.5 * 24 * 3600 * 1000);
    aws.kms
      .on(DescribeKeyCommand)
      .resolves({ KeyMetadata: keyMetadata(KEY_ARN, { KeyState: "PendingDeletion", Enabled: false, DeletionDate: deletionDate }) });
    const state = check(await verifyByokKey(OPTIONS), "key-state");
    expect(state.status).to.equal("fail");
    expect(state.message).to.include(`on ${deletionDate.toISOString()} (7 days left)`);
    expect(state.fix).to.equal(
      `aws kms cancel-key-deletion --key-id ${KEY_ARN} --region eu-central-1 && aws kms enable-key --key-id ${KEY_ARN} --region eu-central-1`,
    );
  });

  for (const state of ["PendingReplicaDeletion", "Unavailable", "PendingImport"]) {
    it(`fails a key in state ${state}`, async () => {
      aws.kms.on(DescribeKeyCommand).resolves({ KeyMetadata: keyMetadata(KEY_ARN, { KeyState: state }) });
      expect(check(await verifyByokKey(OPTIONS), "key-state").status).to.equal("fail");
    });
  }

  it("fails an AWS managed or asymmetric key, and a key outside the cluster's region", async () => {
    aws.kms
      .on(DescribeKeyCommand)
      .resolves({ KeyMetadata: keyMetadata(KEY_ARN, { KeyManager: "AWS", KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" }) });
    const report = await verifyByokKey({ ...OPTIONS, clusterRegion: "eu-west-3" });
    expect(check(report, "key-spec").status).to.equal("fail");
    expect(check(report, "key-spec").message).to.include("managed by AWS").and.to.include("RSA_2048").and.to.include("SIGN_VERIFY");
    expect(check(report, "key-region")).to.deep.include({ status: "fail" });
    expect(check(report, "key-region").message).to.include("in eu-central-1, but the cluster is in eu-west-3");
  });

  it("warns that the draft guide's policy is narrower than Camunda's published one, naming every missing action and the fix", async () => {
    const draft = {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "Allow Camunda tenant IAM Role basic key access",
          Effect: "Allow",
          Principal: { AWS: CAMUNDA_ROLE_ARN },
          Action: ["kms:DescribeKey", "kms:GenerateDataKey*", "kms:Decrypt"],
          Resource: "*",
        },
        {
          Sid: "Allow Camunda tenant IAM Role to create grants",
          Effect: "Allow",
          Principal: { AWS: CAMUNDA_ROLE_ARN },
          Action: ["kms:CreateGrant"],
          Resource: "*",
        },
      ],
    };
    aws.kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify(draft) });
    const policy = check(await verifyByokKey(OPTIONS), "key-policy");
    // Camunda publishes what to grant, not what it calls: withholding these is not known to break the cluster.
    expect(policy.status).to.equal("warn");
    expect(policy.message).to.match(/^narrower than Camunda's published policy/);
    for (const action of ["kms:Encrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:ListGrants", "kms:RevokeGrant"])
      expect(policy.message).to.include(action);
    for (const action of ["kms:Decrypt ", "kms:CreateGrant "]) expect(policy.message).to.not.include(action);
    expect(policy.fix).to.include(
      `camunda-byok-kms policy --role-arn ${CAMUNDA_ROLE_ARN} --account-id ${ACCOUNT} > policy.json && aws kms put-key-policy --key-id ${KEY_ARN} --region eu-central-1 --policy-name default --policy file://policy.json`,
    );
    // The installed CLI, never npx: the package is not on the registry, a stranger could claim the name.
    expect(policy.fix)
      .to.match(/^camunda-byok-kms policy /)
      .and.to.not.include("npx");
    expect(policy.fix).to.include("terraform output -raw key_policy_json > policy.json");
  });

  it("fails a policy that takes away an action the cluster certainly calls, warns on the others and on conditions", async () => {
    const withDeny = JSON.parse(POLICY);
    withDeny.Statement.push({ Sid: "NoReEncrypt", Effect: "Deny", Principal: "*", Action: "kms:ReEncrypt*", Resource: "*" });
    aws.kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify(withDeny) });
    const narrower = check(await verifyByokKey(OPTIONS), "key-policy");
    expect(narrower.status).to.equal("warn");
    expect(narrower.message).to.include('kms:ReEncryptFrom ("NoReEncrypt" denies it)');

    for (const action of ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant"]) {
      const breaking = JSON.parse(POLICY);
      breaking.Statement.push({ Sid: "TakeAway", Effect: "Deny", Principal: "*", Action: action, Resource: "*" });
      aws.kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify(breaking) });
      const failed = check(await verifyByokKey(OPTIONS), "key-policy");
      expect(failed.status, action).to.equal("fail");
      expect(failed.message)
        .to.include(`${action} ("TakeAway" denies it)`)
        .and.to.include("the cluster behaves as if the key were disabled");
    }

    // An explicit GenerateDataKey without the wildcard: narrower, not broken.
    const explicit = JSON.parse(POLICY);
    for (const statement of explicit.Statement) {
      if (Array.isArray(statement.Action))
        statement.Action = statement.Action.map((a: string) => (a === "kms:GenerateDataKey*" ? "kms:GenerateDataKey" : a));
    }
    aws.kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify(explicit) });
    const withoutWildcard = check(await verifyByokKey(OPTIONS), "key-policy");
    expect(withoutWildcard.status).to.equal("warn");
    expect(withoutWildcard.message).to.include("kms:GenerateDataKeyWithoutPlaintext").and.to.not.include("kms:GenerateDataKey (");

    const conditional = JSON.parse(POLICY);
    conditional.Statement.push({
      Sid: "OnlyOverTls",
      Effect: "Deny",
      Principal: "*",
      Action: "kms:*",
      Resource: "*",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
    aws.kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify(conditional) });
    const warned = check(await verifyByokKey(OPTIONS), "key-policy");
    expect(warned.status).to.equal("warn");
    expect(warned.message).to.include("cannot tell from the policy alone").and.to.include('"OnlyOverTls" may deny it');
  });

  it("warns when rotation is off or Camunda holds no grant yet", async () => {
    aws.kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: false });
    aws.kms.on(ListGrantsCommand).resolves({ Grants: [], Truncated: false });
    const report = await verifyByokKey(OPTIONS);
    expect(check(report, "rotation")).to.deep.include({
      status: "warn",
      fix: `aws kms enable-key-rotation --key-id ${KEY_ARN} --region eu-central-1`,
    });
    expect(check(report, "in-use").status).to.equal("warn");
    expect(check(report, "in-use").message).to.include("paste its ARN into the Camunda Console");
  });

  it("fails without a logging trail for management events in the region, warns on write-only", async () => {
    aws.cloudtrail.on(DescribeTrailsCommand).resolves({
      trailList: [
        {
          Name: "other",
          TrailARN: "arn:aws:cloudtrail:us-east-1:111122223333:trail/other",
          HomeRegion: "us-east-1",
          IsMultiRegionTrail: false,
        },
      ],
    });
    const none = check(await verifyByokKey(OPTIONS), "cloudtrail");
    expect(none.status).to.equal("fail");
    expect(none.message).to.include("the EventBridge alerts on the key can never fire");
    expect(none.fix).to.include("aws cloudtrail create-trail");

    for (const mock of aws.all) mock.restore();
    aws = mockHealthyAws();
    aws.cloudtrail.on(GetEventSelectorsCommand).resolves({
      AdvancedEventSelectors: [
        {
          Name: "writes",
          FieldSelectors: [
            { Field: "eventCategory", Equals: ["Management"] },
            { Field: "readOnly", Equals: ["false"] },
          ],
        },
      ],
    });
    expect(check(await verifyByokKey(OPTIONS), "cloudtrail").status).to.equal("warn");

    // NotEquals "true" on readOnly leaves the writes only (CloudTrail API reference, AdvancedFieldSelector).
    for (const mock of aws.all) mock.restore();
    aws = mockHealthyAws();
    aws.cloudtrail.on(GetEventSelectorsCommand).resolves({
      AdvancedEventSelectors: [
        {
          Name: "no reads",
          FieldSelectors: [
            { Field: "eventCategory", Equals: ["Management"] },
            { Field: "readOnly", NotEquals: ["true"] },
          ],
        },
      ],
    });
    const notEquals = check(await verifyByokKey(OPTIONS), "cloudtrail");
    expect(notEquals.status).to.equal("warn");
    expect(notEquals.message).to.include("logs write management events only");

    for (const mock of aws.all) mock.restore();
    aws = mockHealthyAws();
    aws.cloudtrail.on(GetEventSelectorsCommand).resolves({
      EventSelectors: [{ ReadWriteType: "All", IncludeManagementEvents: true, ExcludeManagementEventSources: ["kms.amazonaws.com"] }],
    });
    expect(check(await verifyByokKey(OPTIONS), "cloudtrail").status).to.equal("fail");
  });

  it("finds the package's alarm on a later page of DescribeAlarms, as in an account with many clusters", async () => {
    const other = (i: number) => ({
      AlarmName: `camunda-byok-cluster-${i}-key-deletion`,
      StateValue: "OK" as const,
      ActionsEnabled: true,
      MetricName: "TriggeredRules",
      Namespace: "AWS/Events",
      Dimensions: [{ Name: "RuleName", Value: `camunda-byok-cluster-${i}-key-events` }],
    });
    aws.cloudwatch
      .on(DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: Array.from({ length: 100 }, (_, i) => other(i)), NextToken: "page-2" })
      .resolvesOnce({
        MetricAlarms: [
          {
            ...other(0),
            AlarmName: "camunda-byok-payments-prod-key-deletion",
            Dimensions: [{ Name: "RuleName", Value: "camunda-byok-payments-prod-key-events" }],
          },
        ],
      });
    const monitoring = check(await verifyByokKey(OPTIONS), "monitoring");
    expect(monitoring.status, monitoring.message).to.equal("pass");
    expect(aws.cloudwatch.commandCalls(DescribeAlarmsCommand).map((c) => c.args[0].input.NextToken)).to.deep.equal([undefined, "page-2"]);
  });

  it("fails monitoring where a rule's deliveries failed in the last 24 hours (FailedInvocations)", async () => {
    aws.cloudwatch.on(GetMetricDataCommand).callsFake((input: { MetricDataQueries: { Id: string }[] }) => ({
      MetricDataResults: input.MetricDataQueries.map((query) => ({
        Id: query.Id,
        Label: "FailedInvocations",
        StatusCode: "Complete",
        Timestamps: [new Date()],
        Values: [3],
      })),
    }));
    const monitoring = check(await verifyByokKey(OPTIONS), "monitoring");
    expect(monitoring.status).to.equal("fail");
    expect(monitoring.message).to.include("rule camunda-byok-payments-prod-key-events failed to deliver 3 alerts in the last 24 hours");
    const [query] = aws.cloudwatch.commandCalls(GetMetricDataCommand)[0].args[0].input.MetricDataQueries!;
    expect(query.MetricStat).to.deep.include({ Period: 86400, Stat: "Sum" });
    expect(query.MetricStat!.Metric).to.deep.include({ Namespace: "AWS/Events", MetricName: "FailedInvocations" });
  });

  it("names subscriptions still pending confirmation", async () => {
    aws.sns.on(ListSubscriptionsByTopicCommand).resolves({
      Subscriptions: [{ SubscriptionArn: "PendingConfirmation", Protocol: "email", Endpoint: "oncall@example.com", TopicArn: TOPIC_ARN }],
    });
    const monitoring = check(await verifyByokKey(OPTIONS), "monitoring");
    expect(monitoring.status).to.equal("warn");
    expect(monitoring.message).to.include("oncall@example.com has not confirmed the subscription");
  });

  it("reports a check it may not run as skipped, naming the permission, and runs the others", async () => {
    aws.kms.on(GetKeyPolicyCommand).rejects(awsError("AccessDeniedException", 400));
    const report = await verifyByokKey(OPTIONS);
    expect(check(report, "key-policy")).to.deep.equal({
      id: "key-policy",
      status: "skipped",
      message: "could not run: the caller may not call kms:GetKeyPolicy (AccessDenied)",
    });
    expect(report.checks.filter((c) => c.status === "pass").map((c) => c.id)).to.include.members([
      "key-state",
      "rotation",
      "cloudtrail",
      "monitoring",
    ]);
  });

  it("fails a missing key, and checks the replica is the key's own, in Camunda's backup region", async () => {
    aws.kms.on(DescribeKeyCommand).callsFake((input: { KeyId: string }) => {
      if (input.KeyId === KEY_ARN) throw awsError("NotFoundException", 400);
      return { KeyMetadata: keyMetadata(input.KeyId, { MultiRegion: false, MultiRegionConfiguration: undefined }) };
    });
    const report = await verifyByokKey({
      ...OPTIONS,
      backupKeyArn: "arn:aws:kms:eu-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    });
    expect(check(report, "key-exists").status).to.equal("fail");
    expect(check(report, "key-policy").status).to.equal("skipped");
    expect(check(report, "replica-of").status).to.equal("fail");
    expect(check(report, "replica-region")).to.deep.include({ status: "warn" });
    expect(check(report, "replica-region").message).to.include("Camunda pairs eu-central-1 with eu-west-1");
  });

  it("stops when AWS cannot be asked at all, saying why", async () => {
    aws.kms
      .on(DescribeKeyCommand)
      .rejects(Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" }));
    let error: unknown;
    await verifyByokKey(OPTIONS).catch((caught) => (error = caught));
    expect(error).to.be.instanceOf(AwsUnreachableError);
    expect((error as Error).message)
      .to.match(/^no usable AWS credentials/)
      .and.to.include("AWS_PROFILE");
  });

  it("refuses bad options, naming each, before sending anything", async () => {
    let error: unknown;
    await verifyByokKey({
      keyArn: "arn:aws:s3:::bucket",
      camundaClusterRoleArn: "arn:aws:sts::123456789012:assumed-role/x/y",
      clusterRegion: "moon-1",
    }).catch((caught) => (error = caught));
    expect(error).to.be.instanceOf(ByokValidationError);
    expect((error as ByokValidationError).problems.map((p) => p.input)).to.deep.equal(["keyArn", "camundaClusterRoleArn", "clusterRegion"]);
    expect((error as ByokValidationError).problems[1].message).to.include("not an STS session ARN");
    expect(aws.all.flatMap((m) => m.calls() as unknown[])).to.deep.equal([]);
  });
});
