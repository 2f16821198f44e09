// The outputs people wire up (aliasArn, the replica's, the access-denied rules'), the same names in
// every front end: each is the attribute of the resource it names, and absent where that resource is.
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { expect } from "chai";
import { CamundaByokKey as CamundaByokConstruct } from "../../cdktf";
import { CamundaByokKey } from "../../pulumi";
import { declaredMembers } from "../../scripts/terraform-module/declarations";
import { installPulumiMocks, type RegisteredResource, settle, settledValue } from "../../scripts/harness/pulumi-mocks";
import { synthByok, tfAddress } from "../support/cdktf";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";

const base = {
  camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
  clusterRegion: "eu-central-1",
  clusterName: "payments-prod",
  alertEmails: ["oncall@example.com"],
};
const OUTPUTS = declaredMembers("spec-types.ts", "ByokOutputsSpec").map((o) => o.name);

const arnOf = (registered: RegisteredResource[], name: string) => registered.find((r) => r.name === name)?.state.arn;

describe("outputs, in every front end", () => {
  it("Pulumi: each output of a dual-region key is its resource's attribute", async () => {
    const registered = installPulumiMocks();
    const byok = new CamundaByokKey("byok", { ...base, backupRegion: "eu-west-1" });
    const values: Record<string, unknown> = {};
    for (const name of OUTPUTS) values[name] = await settledValue((byok as unknown as Record<string, never>)[name]);
    await settle();
    expect(values.aliasArn).to.equal("arn:aws:kms:eu-central-1:111122223333:alias/camunda-byok-payments-prod");
    expect(values.replicaKeyId).to.equal(registered.find((r) => r.name === "byok-replica-key")!.state.keyId);
    expect(values.replicaAliasName).to.equal("alias/camunda-byok-payments-prod");
    expect(values.replicaAliasArn).to.equal("arn:aws:kms:eu-west-1:111122223333:alias/camunda-byok-payments-prod");
    expect(values.replicaAlertTopicArn).to.equal(arnOf(registered, "byok-replica-alert-topic"));
    expect(values.replicaEventRuleArn).to.equal(arnOf(registered, "byok-replica-key-events"));
    expect(values.replicaAlarmArn).to.equal(arnOf(registered, "byok-replica-key-deletion-alarm"));
    expect(values.accessDeniedRuleArn).to.equal(arnOf(registered, "byok-access-denied"));
    expect(values.replicaAccessDeniedRuleArn).to.equal(arnOf(registered, "byok-replica-access-denied"));
    for (const name of OUTPUTS) expect(values[name], name).to.be.a("string");
  });

  it("Pulumi: the replica's outputs are undefined without backupRegion, the access-denied rules' without monitorAccessDenied", async () => {
    installPulumiMocks();
    const byok = new CamundaByokKey("byok", { ...base, monitorAccessDenied: false });
    for (const name of OUTPUTS.filter((n) => n.startsWith("replica") || n.endsWith("AccessDeniedRuleArn") || n === "accessDeniedRuleArn"))
      expect(await settledValue((byok as unknown as Record<string, never>)[name]), name).to.equal(undefined);
    expect(await settledValue(byok.aliasArn)).to.match(/:alias\/camunda-byok-payments-prod$/);
  });

  it("CDKTF: each output is a reference to its resource's attribute, and absent where the resource is", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "test");
    new AwsProvider(stack, "aws", { region: "eu-central-1" });
    const byok = new CamundaByokConstruct(stack, "byok", { ...base, backupRegion: "eu-west-1" }) as unknown as Record<string, string>;
    for (const name of OUTPUTS) new TerraformOutput(stack, name, { value: byok[name] });
    const json = JSON.parse(Testing.synth(stack));
    const value = (name: string) => json.output[name].value as string;
    const ref = (type: string, logicalId: string, attribute: string) => `\${${tfAddress(json, type, logicalId)}.${attribute}}`;
    expect(value("aliasArn")).to.equal(ref("aws_kms_alias", "alias", "arn"));
    expect(value("replicaKeyId")).to.equal(ref("aws_kms_replica_key", "replica-key", "key_id"));
    expect(value("replicaAliasArn")).to.equal(ref("aws_kms_alias", "replica-alias", "arn"));
    expect(value("replicaAliasName")).to.equal("alias/camunda-byok-payments-prod");
    expect(value("replicaAlertTopicArn")).to.equal(ref("aws_sns_topic", "replica-alert-topic", "arn"));
    expect(value("replicaEventRuleArn")).to.equal(ref("aws_cloudwatch_event_rule", "replica-key-events", "arn"));
    expect(value("replicaAlarmArn")).to.equal(ref("aws_cloudwatch_metric_alarm", "replica-key-deletion-alarm", "arn"));
    expect(value("accessDeniedRuleArn")).to.equal(ref("aws_cloudwatch_event_rule", "access-denied", "arn"));
    expect(value("replicaAccessDeniedRuleArn")).to.equal(ref("aws_cloudwatch_event_rule", "replica-access-denied", "arn"));

    const single = synthByok({ ...base, monitorAccessDenied: false }).byok as unknown as Record<string, unknown>;
    for (const name of OUTPUTS.filter((n) => n.startsWith("replica") || n === "accessDeniedRuleArn"))
      expect(single[name], name).to.equal(undefined);
  });
});
