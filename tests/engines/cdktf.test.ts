import { expect } from "chai";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Testing, TerraformStack, TerraformVariable, Token } from "cdktf";
import { buildAlarmSettings, buildEventPattern, buildKeyPolicy, ByokValidationError } from "../../shared";
import { CamundaByokKey } from "../../cdktf";
import { CamundaByokStack } from "../../examples/cdktf/main";
import { CamundaByokKey as PulumiByokKey } from "../../pulumi";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { camelKeys, resolveTerraformReferences, synthByok, tfAddress, tfResource } from "../support/cdktf";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";
import { installPulumiMocks, settle, settledValue } from "../../scripts/harness/pulumi-mocks";
import { REPO_ROOT } from "../../scripts/harness/processes";

const ACCOUNT = "111122223333";
const props = {
  camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
  clusterRegion: "eu-central-1",
  clusterName: "payments-prod",
  alertEmails: ["oncall@example.com"],
};

function synthExample() {
  const app = Testing.app();
  const stack = new CamundaByokStack(app, "camunda-byok");
  return JSON.parse(Testing.synth(stack)) as Record<string, any>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return ["node_modules", "dist", ".git", "cdktf.out"].includes(name) ? [] : sourceFiles(file);
    return /\.(ts|js|mjs|cjs)$/.test(name) ? [file] : [];
  });
}

describe("CDKTF construct (cdktf Testing, no terraform binary)", () => {
  describe("the example app", () => {
    const json = synthExample();

    it("creates every resource with variables in place and protects the key", () => {
      expect(Object.keys(json.resource).sort()).to.deep.equal([
        "aws_cloudwatch_event_rule",
        "aws_cloudwatch_event_target",
        "aws_cloudwatch_metric_alarm",
        "aws_kms_alias",
        "aws_kms_key",
        "aws_sns_topic",
        "aws_sns_topic_policy",
        "aws_sns_topic_subscription",
      ]);
      const [key] = Object.values(json.resource.aws_kms_key) as Record<string, any>[];
      expect(key).to.deep.include({
        customer_master_key_spec: "SYMMETRIC_DEFAULT",
        key_usage: "ENCRYPT_DECRYPT",
        enable_key_rotation: true,
        rotation_period_in_days: 365,
        deletion_window_in_days: 30,
        multi_region: false,
      });
      expect(key.lifecycle.prevent_destroy).to.equal(true);
      const policy = JSON.parse(key.policy);
      expect(policy.Statement[1].Principal.AWS).to.equal("${var.camunda_cluster_role_arn}");
      expect(policy.Statement[0].Principal.AWS).to.match(
        /^arn:\$\{data\.aws_partition\.[^}]+\.partition\}:iam::\$\{data\.aws_caller_identity\.[^}]+\.account_id\}:root$/,
      );
      const [subscriptions] = Object.values(json.resource.aws_sns_topic_subscription) as Record<string, any>[];
      expect(subscriptions).to.deep.include({ for_each: "${toset(var.alert_emails)}", endpoint: "${each.value}", protocol: "email" });
      expect(json.output.key_arn.value).to.match(/^\$\{aws_kms_key\.[^}]+\.arn\}$/);
      expect(Object.keys(json.variable)).to.have.members(["camunda_cluster_role_arn", "cluster_region", "cluster_name", "alert_emails"]);
      // The variables carry no rules of their own: the key's preconditions check them with the package's messages.
      const checked = key.lifecycle.precondition.map((p: any) => p.condition).join("\n");
      for (const variable of ["camunda_cluster_role_arn", "cluster_region", "cluster_name"]) expect(checked).to.include(`var.${variable}`);
    });

    it("stops the plan with a precondition when the provider region is not clusterRegion", () => {
      const [key] = Object.values(json.resource.aws_kms_key) as Record<string, any>[];
      const region = key.lifecycle.precondition.find((p: any) => p.condition.includes("data.aws_region"));
      expect(region.condition).to.match(/^\$\{\(var.cluster_region == data\.aws_region\.[^}]+\.id\)\}$/);
      expect(region.error_message).to.include("clusterRegion").and.to.include("${var.cluster_region}");
      const messages = key.lifecycle.precondition.map((p: any) => p.error_message).join("\n");
      expect(messages).to.include("camundaClusterRoleArn must be an IAM role ARN");
      expect(messages).to.include("clusterName must be");
    });
  });

  it("imports @cdktf/provider-aws only by path, never its root index", () => {
    const offenders = sourceFiles(REPO_ROOT).filter((file) =>
      /(from\s+|require\(\s*|import\(\s*)["']@cdktf\/provider-aws["']/.test(readFileSync(file, "utf8")),
    );
    expect(offenders).to.deep.equal([]);
  });

  it("emits the same key policy, event patterns and alarm as the core and the Pulumi component", async () => {
    const registered = installPulumiMocks({ accountId: ACCOUNT });
    const pulumiByok = new PulumiByokKey("byok", props);
    await settledValue(pulumiByok.keyArn);
    await settle();
    const pulumiState = (logicalId: string) => registered.find((r) => r.name === `byok-${logicalId}`)!;

    const { byok, json } = synthByok(props);
    const addressToLogicalId = new Map([...byok.resources].map(([logicalId, resource]) => [resource.friendlyUniqueId, logicalId]));
    const resolve = (text: string) =>
      resolveTerraformReferences(text, (reference) => {
        const parts = reference.split(".");
        if (parts[0] === "data" && parts[1] === "aws_caller_identity") return ACCOUNT;
        if (parts[0] === "data" && parts[1] === "aws_partition") return "aws";
        const logicalId = addressToLogicalId.get(parts[1]);
        if (!logicalId) throw new Error(`unknown reference ${reference}`);
        const attribute = parts[2] === "key_id" ? "keyId" : parts[2] === "name" ? "name" : parts[2];
        return pulumiState(logicalId).state[attribute] ?? pulumiState(logicalId).inputs[attribute];
      });

    const keyArn = pulumiState("key").state.arn;
    const cdktfPolicy = resolve(tfResource(json, "aws_kms_key", "key").policy);
    expect(cdktfPolicy).to.equal(pulumiState("key").inputs.policy);
    expect(cdktfPolicy).to.equal(JSON.stringify(buildKeyPolicy({ camundaClusterRoleArn: CAMUNDA_ROLE_ARN, keyAccountId: ACCOUNT })));

    for (const rule of ["key-events", "access-denied", "monitoring-changes"]) {
      expect(resolve(tfResource(json, "aws_cloudwatch_event_rule", rule).event_pattern), rule).to.equal(
        pulumiState(rule).inputs.eventPattern,
      );
    }
    expect(pulumiState("key-events").inputs.eventPattern).to.equal(
      JSON.stringify(
        buildEventPattern({
          keyArn,
          keyId: keyArn.split("/")[1],
          camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
          monitoringChangesRuleName: "camunda-byok-payments-prod-monitoring-changes",
        }),
      ),
    );

    const tfAlarm = camelKeys(tfResource(json, "aws_cloudwatch_metric_alarm", "key-deletion-alarm"));
    const pulumiAlarm = pulumiState("key-deletion-alarm").inputs;
    const core = buildAlarmSettings({
      alarmName: pulumiAlarm.name,
      ruleName: pulumiState("key-events").inputs.name,
      alertTopicArn: pulumiState("alert-topic").state.arn,
      keyDescription: "the Camunda BYOK key of cluster payments-prod",
      keyArn,
      region: "eu-central-1",
    });
    for (const [field, value] of Object.entries(core)) {
      const pulumiField = field === "alarmName" ? "name" : field;
      expect(pulumiAlarm[pulumiField], `Pulumi ${field}`).to.deep.equal(value);
      expect(JSON.parse(resolve(JSON.stringify(tfAlarm[field]))), `CDKTF ${field}`).to.deep.equal(value);
    }
  });

  it("surfaces the core's warnings as construct warnings", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "warnings");
    const byok = new CamundaByokKey(stack, "byok", { ...props, backupRegion: "eu-north-1" });
    const warnings = byok.node.metadata.filter((entry) => entry.type === "@cdktf/warn").map((entry) => String(entry.data));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^backupRegion "eu-north-1" is not the backup region Camunda pairs with "eu-central-1"/);
  });

  it("shares one account and region look-up among all keys of a stack", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "many");
    for (const name of ["a", "b", "c"]) new CamundaByokKey(stack, name, { ...props, clusterName: name });
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.keys(json.resource.aws_kms_key)).to.have.length(3);
    expect(Object.keys(json.data.aws_caller_identity)).to.have.length(1);
    expect(Object.keys(json.data.aws_region)).to.have.length(1);
  });

  it("puts clusters of several regions in one stack, each on its own provider", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "regions");
    new AwsProvider(stack, "aws", { region: "eu-central-1" });
    const virginia = new AwsProvider(stack, "virginia", { region: "us-east-1", alias: "virginia" });
    new CamundaByokKey(stack, "frankfurt-cluster", { ...props, clusterName: "fra" });
    new CamundaByokKey(stack, "virginia-cluster", { ...props, clusterName: "iad", clusterRegion: "us-east-1", provider: virginia });
    const json = JSON.parse(Testing.synth(stack));
    const keys = Object.entries(json.resource.aws_kms_key) as [string, any][];
    const virginiaKey = keys.find(([address]) => address.startsWith("virginia-cluster_"))![1];
    const frankfurtKey = keys.find(([address]) => address.startsWith("frankfurt-cluster_"))![1];
    expect(virginiaKey.provider).to.equal("aws.virginia");
    expect(frankfurtKey.provider).to.equal(undefined);
    const virginiaResources = Object.values(json.resource).flatMap((byAddress: any) =>
      Object.entries(byAddress)
        .filter(([address]) => address.startsWith("virginia-cluster_"))
        .map(([, config]) => config as any),
    );
    expect(virginiaResources.every((resource) => resource.provider === "aws.virginia")).to.equal(true);
    // Both providers' regions are literals, compared at synth: no region look-up, no precondition on it.
    expect(json.data.aws_region).to.equal(undefined);
    expect(JSON.stringify(virginiaKey.lifecycle ?? {})).to.not.include("aws_region");
  });

  it("keeps a role ARN from a TerraformVariable as a reference", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "vars");
    const role = new TerraformVariable(stack, "role", { type: "string" });
    new CamundaByokKey(stack, "byok", { ...props, camundaClusterRoleArn: role.stringValue });
    const json = JSON.parse(Testing.synth(stack));
    const policy = JSON.parse(tfResource(json, "aws_kms_key", "key").policy);
    expect(policy.Statement.filter((s: any) => s.Principal.AWS === "${var.role}").map((s: any) => s.Sid)).to.deep.equal([
      "CamundaClusterKeyUsage",
      "CamundaClusterGrants",
    ]);
    // The grant branch names Camunda's account, cut from the role ARN by Terraform at plan time.
    const pattern = tfResource(json, "aws_cloudwatch_event_rule", "key-events").event_pattern;
    expect(pattern).to.include('"accountId":[{"anything-but":["${element(split(":", var.role), 4)}"]}]');
  });

  it("turns checks on numbers known only to Terraform into preconditions", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "numbers");
    const days = new TerraformVariable(stack, "days", { type: "number" });
    new CamundaByokKey(stack, "byok", { ...props, deletionWindowInDays: days.numberValue });
    const json = JSON.parse(Testing.synth(stack));
    const key = tfResource(json, "aws_kms_key", "key");
    expect(key.deletion_window_in_days).to.equal("${var.days}");
    const check = key.lifecycle.precondition.find((p: any) => p.error_message.includes("deletionWindowInDays"));
    expect(check.condition).to.include("var.days >= 7").and.to.include("var.days <= 30").and.to.include("floor(var.days)");
  });

  it("checks lists and an alias known only to Terraform at plan time, and refuses whole lists and maps it must write into", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "lists");
    const emails = new TerraformVariable(stack, "emails", { type: "list(string)" });
    const alias = new TerraformVariable(stack, "alias", { type: "string" });
    const topic = new TerraformVariable(stack, "topic", { type: "string" });
    new CamundaByokKey(stack, "byok", {
      ...props,
      alertEmails: emails.listValue,
      aliasName: alias.stringValue,
      alertTopicArn: topic.stringValue,
    });
    const key = tfResource(JSON.parse(Testing.synth(stack)), "aws_kms_key", "key");
    const messages = key.lifecycle.precondition.map((p: any) => p.error_message);
    expect(messages).to.include.members([
      "camunda-byok-kms: alertEmails must hold only email addresses.",
      "camunda-byok-kms: alertEmails must not repeat an address.",
      'camunda-byok-kms: aliasName must not start with "alias/aws/", which AWS reserves for AWS managed keys.',
      "camunda-byok-kms: alertTopicArn must be a topic in clusterRegion: alarms and rules notify topics in their own region only.",
    ]);

    const other = new TerraformStack(Testing.app(), "whole-lists");
    const list = new TerraformVariable(other, "list", { type: "list(string)" });
    let error: unknown;
    try {
      const map = new TerraformVariable(other, "map", { type: "map(string)" });
      new CamundaByokKey(other, "byok", {
        ...props,
        keyAdministratorArns: list.listValue,
        monitoredEventNames: list.listValue,
        tags: Token.asStringMap(map.value),
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ByokValidationError);
    expect((error as ByokValidationError).problems.map((p) => p.input)).to.deep.equal([
      "keyAdministratorArns",
      "monitoredEventNames",
      "tags",
    ]);
    expect((error as ByokValidationError).message)
      .to.include("must be a list written in the program")
      .and.to.include("must be a map written in the program");
  });

  it("creates a protected, monitored replica in the backup region with the same policy", () => {
    const { json } = synthByok({ ...props, backupRegion: "eu-west-1" });
    const key = tfResource(json, "aws_kms_key", "key");
    const replica = tfResource(json, "aws_kms_replica_key", "replica-key");
    expect(key.multi_region).to.equal(true);
    expect(replica.region).to.equal("eu-west-1");
    expect(replica.policy).to.equal(key.policy);
    expect(replica.primary_key_arn).to.equal(`\${${tfAddress(json, "aws_kms_key", "key")}.arn}`);
    expect(replica.lifecycle.prevent_destroy).to.equal(true);
    const rule = tfResource(json, "aws_cloudwatch_event_rule", "replica-key-events");
    expect(rule.region).to.equal("eu-west-1");
    expect(JSON.parse(rule.event_pattern).$or[0].detail.resources.ARN).to.deep.equal([
      `\${${tfAddress(json, "aws_kms_replica_key", "replica-key")}.arn}`,
    ]);
    const alarm = tfResource(json, "aws_cloudwatch_metric_alarm", "replica-key-deletion-alarm");
    expect(alarm.region).to.equal("eu-west-1");
    expect(alarm.alarm_actions).to.deep.equal([`\${${tfAddress(json, "aws_sns_topic", "replica-alert-topic")}.arn}`]);
  });

  it("never changes the key's Terraform address when cluster name, alias, tags or emails change", () => {
    const addresses = (overrides: object) => {
      const { json } = synthByok({ ...props, backupRegion: "eu-west-1", ...overrides });
      return [tfAddress(json, "aws_kms_key", "key"), tfAddress(json, "aws_kms_replica_key", "replica-key")];
    };
    expect(
      addresses({ clusterName: "renamed", aliasName: "alias/other", tags: { team: "x" }, alertEmails: ["a@example.com", "b@example.com"] }),
    ).to.deep.equal(addresses({}));
  });

  it("names every problem of bad input and adds nothing to the stack", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "bad");
    let error: unknown;
    try {
      new CamundaByokKey(stack, "byok", {
        ...props,
        camundaClusterRoleArn: "arn:aws:iam::123456789012:role/*",
        rotationPeriodInDays: 10,
        aliasName: "alias/aws/x",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ByokValidationError);
    expect((error as ByokValidationError).problems.map((p) => p.input)).to.have.members([
      "camundaClusterRoleArn",
      "rotationPeriodInDays",
      "aliasName",
    ]);
    expect(stack.node.children).to.deep.equal([]);
    expect(JSON.parse(Testing.synth(stack)).resource).to.equal(undefined);
  });
});
