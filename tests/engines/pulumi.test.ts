import { Provider } from "@pulumi/aws/provider";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { buildEventPattern, buildKeyPolicy, ByokValidationError } from "../../shared";
import { CamundaByokKey, type CamundaByokKeyArgs } from "../../pulumi";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";
import { exampleProjectName, loadStackConfig, runPulumiExample } from "../../scripts/harness/pulumi-example";
import {
  installPulumiMocks,
  invokeCounts,
  isSecret,
  settle,
  settledValue,
  type RegisteredResource,
} from "../../scripts/harness/pulumi-mocks";

const ACCOUNT = "111122223333";
const baseArgs: CamundaByokKeyArgs = {
  camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
  clusterRegion: "eu-central-1",
  clusterName: "payments-prod",
  alertEmails: ["oncall@example.com"],
};

function byName(registered: RegisteredResource[], name: string): RegisteredResource {
  const resource = registered.find((r) => r.name === name);
  expect(resource, `resource ${name}`).to.not.equal(undefined);
  return resource!;
}

/** Creates a component under mocks and returns it with the children's resource options. */
function createComponent(args: CamundaByokKeyArgs, opts: pulumi.ComponentResourceOptions = {}) {
  const childOptions = new Map<string, pulumi.ResourceOptions>();
  const children = new Map<string, pulumi.Resource>();
  const component = new CamundaByokKey("byok", args, {
    ...opts,
    transformations: [
      (transform) => {
        childOptions.set(transform.name, transform.opts);
        children.set(transform.name, transform.resource);
        return undefined;
      },
    ],
  });
  return { component, childOptions, children };
}

describe("Pulumi component (under mocks)", () => {
  describe("the example program, as `pulumi up` runs it", () => {
    it("creates every resource with the core's policy, pattern and alarm, and protects the key", async () => {
      const config = loadStackConfig();
      const run = await runPulumiExample();
      const types = run.registered.map((r) => r.type).filter((type) => type !== "pulumi:pulumi:Stack");
      expect(types).to.have.members([
        "camunda-byok-kms:index:CamundaByokKey",
        "aws:kms/key:Key",
        "aws:kms/alias:Alias",
        "aws:sns/topic:Topic",
        "aws:sns/topicSubscription:TopicSubscription",
        "aws:sns/topicSubscription:TopicSubscription",
        "aws:sns/topicPolicy:TopicPolicy",
        ...Array(3).fill("aws:cloudwatch/eventRule:EventRule"),
        ...Array(3).fill("aws:cloudwatch/eventTarget:EventTarget"),
        ...Array(5).fill("aws:cloudwatch/metricAlarm:MetricAlarm"),
      ]);

      const key = byName(run.registered, "camunda-byok-key");
      expect(key.inputs).to.deep.include({
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        keyUsage: "ENCRYPT_DECRYPT",
        enableKeyRotation: true,
        rotationPeriodInDays: 365,
        deletionWindowInDays: 30,
        multiRegion: false,
      });
      const roleArn = config["camunda-byok-example:camundaClusterRoleArn"];
      expect(key.inputs.policy).to.equal(JSON.stringify(buildKeyPolicy({ camundaClusterRoleArn: roleArn, keyAccountId: ACCOUNT })));
      expect(run.options.get("camunda-byok-key")?.protect).to.equal(true);
      expect(run.outputs.keyArn).to.equal(key.state.arn);

      const rule = byName(run.registered, "camunda-byok-key-events");
      expect(rule.inputs.eventPattern).to.equal(
        JSON.stringify(
          buildEventPattern({
            keyArn: key.state.arn,
            keyId: key.state.keyId,
            camundaClusterRoleArn: roleArn,
            monitoringChangesRuleName: `${rule.inputs.name.replace(/-key-events$/, "")}-monitoring-changes`,
          }),
        ),
      );
      const topic = byName(run.registered, "camunda-byok-alert-topic");
      const alarm = byName(run.registered, "camunda-byok-key-deletion-alarm");
      expect(alarm.inputs.alarmActions).to.deep.equal([topic.state.arn]);
      expect(alarm.inputs.dimensions).to.deep.equal({ RuleName: rule.inputs.name });
      expect(byName(run.registered, "camunda-byok-key-events-target").inputs).to.deep.include({
        arn: topic.state.arn,
        rule: rule.inputs.name,
      });
      expect(
        run.registered.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription").map((r) => r.inputs.endpoint),
      ).to.deep.equal(["oncall@example.com", "security@example.com"]);
      expect(String(run.outputs.consoleHint)).to.include(key.state.arn);
    });

    it("keeps its stack config in the project's namespace, with the provider in clusterRegion", () => {
      const config = loadStackConfig();
      const project = exampleProjectName();
      for (const key of ["camundaClusterRoleArn", "clusterRegion", "clusterName", "alertEmails"]) {
        expect(config, key).to.have.property(`${project}:${key}`);
      }
      expect(config["aws:region"]).to.equal(config[`${project}:clusterRegion`]);
    });

    it("fails the update, naming clusterRegion and both regions, when the provider is elsewhere", async () => {
      let error: unknown;
      try {
        await runPulumiExample({ "aws:region": "us-east-1" }, { providerRegion: "us-east-1" });
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(ByokValidationError);
      expect((error as ByokValidationError).problems[0].input).to.equal("clusterRegion");
      expect((error as Error).message)
        .to.include('"eu-central-1"')
        .and.to.include('"us-east-1"');
    });
  });

  it("registers no AWS resource when the provider's region is not clusterRegion", async () => {
    const registered = installPulumiMocks({ providerRegion: "us-east-1" });
    const { component } = createComponent(baseArgs);
    let error: unknown;
    try {
      await settledValue(component.keyArn);
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).to.include("clusterRegion");
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(registered.map((r) => r.type)).to.deep.equal(["camunda-byok-kms:index:CamundaByokKey"]);
  });

  it("reports a deploy-time failure as Pulumi reports a ResourceError: the package's message first, once, on the component", async () => {
    installPulumiMocks({ providerRegion: "us-east-1" });
    const { component } = createComponent(baseArgs);
    const error = await settledValue(component.keyArn).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    // Every child tried to serialize the failed value by now.
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pulumi.ResourceError.isInstance(error)).to.equal(true);
    expect((error as pulumi.ResourceError).hideStack).to.equal(true);
    expect((error as pulumi.ResourceError).resource).to.equal(component);
    const message = (error as Error).message;
    expect(message.split("\n")[0]).to.equal("camunda-byok-kms: invalid input (1 problem):");
    expect(message).to.not.include("error serializing");
    expect(message.match(/clusterRegion/g)).to.have.length(1);
  });

  it("refuses at deploy time, with account access off, administrators that leave out the deploying principal", async () => {
    const registered = installPulumiMocks();
    const { component } = createComponent({
      ...baseArgs,
      enableDefaultAccountAccess: false,
      keyAdministratorArns: ["arn:aws:iam::111122223333:role/SecurityAdmins"],
    });
    const error = await settledValue(component.keyArn).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).to.be.instanceOf(ByokValidationError);
    expect((error as ByokValidationError).problems.map((p) => p.input)).to.deep.equal(["keyAdministratorArns"]);
    expect((error as Error).message).to.include("deploying as arn:aws:iam::111122223333:role/deployer");
    await settle();
    expect(registered.filter((r) => r.type.startsWith("aws:"))).to.deep.equal([]);

    installPulumiMocks();
    const deployerIsAdmin = createComponent({
      ...baseArgs,
      enableDefaultAccountAccess: false,
      keyAdministratorArns: ["arn:aws:iam::111122223333:role/deployer"],
    });
    expect(await settledValue(deployerIsAdmin.component.keyArn)).to.match(/^arn:aws:kms:/);
  });

  describe("a deploying session, resolved to its role with the path AWS needs (getSessionContext)", () => {
    const session = "arn:aws:sts::111122223333:assumed-role/deployer/ci-build-17";
    const roleArns = ["arn:aws:iam::111122223333:role/pipelines/deployer"];
    const accountOff = (admins: string[]) =>
      createComponent({ ...baseArgs, enableDefaultAccountAccess: false, keyAdministratorArns: admins }).component;

    it("passes when the administrators name the session's role under its own path", async () => {
      installPulumiMocks({ callerArn: session, roleArns });
      expect(await settledValue(accountOff(["arn:aws:iam::111122223333:role/pipelines/deployer"]).keyArn)).to.match(/^arn:aws:kms:/);
      expect(invokeCounts.get("aws:iam/getSessionContext:getSessionContext")).to.equal(1);
    });

    it("refuses the role's name under another path: that role does not exist, so AWS would refuse the policy", async () => {
      const registered = installPulumiMocks({ callerArn: session, roleArns });
      const error = await settledValue(accountOff(["arn:aws:iam::111122223333:role/deployer"]).keyArn).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect((error as Error).message).to.include("deploying as arn:aws:iam::111122223333:role/pipelines/deployer");
      await settle();
      expect(registered.filter((r) => r.type.startsWith("aws:"))).to.deep.equal([]);
    });

    it("never asks IAM with the account statement on (the default): no iam:GetRole needed", async () => {
      installPulumiMocks({ callerArn: session, roleArns });
      const { component } = createComponent(baseArgs);
      await settledValue(component.keyArn);
      expect(invokeCounts.get("aws:iam/getSessionContext:getSessionContext") ?? 0).to.equal(0);
    });

    it("fails closed on a federated user's session, unless the account root administers the key", async () => {
      installPulumiMocks({ callerArn: "arn:aws:sts::111122223333:federated-user/alice" });
      const error = await settledValue(accountOff(["arn:aws:iam::111122223333:user/alice"]).keyArn).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).to.be.instanceOf(ByokValidationError);
      installPulumiMocks({ callerArn: "arn:aws:sts::111122223333:federated-user/alice" });
      expect(await settledValue(accountOff(["arn:aws:iam::111122223333:root"]).keyArn)).to.match(/^arn:aws:kms:/);
    });
  });

  it("makes only the settings derived from a secret input secret", async () => {
    const registered = installPulumiMocks();
    const { component } = createComponent({ ...baseArgs, camundaClusterRoleArn: pulumi.secret(CAMUNDA_ROLE_ARN) });
    await settledValue(component.keyArn);
    expect(await isSecret(component.aliasName)).to.equal(false);
    expect(await isSecret(component.keyArn)).to.equal(false);
    await settle();
    expect(JSON.stringify(byName(registered, "byok-key").inputs.policy)).to.include(CAMUNDA_ROLE_ARN);
  });

  it("keeps a secret role ARN secret in the policy output", async () => {
    installPulumiMocks();
    const { component } = createComponent({ ...baseArgs, camundaClusterRoleArn: pulumi.secret(CAMUNDA_ROLE_ARN) });
    expect(await isSecret(component.keyPolicyJson)).to.equal(true);
    expect(await settledValue(component.keyPolicyJson)).to.include(CAMUNDA_ROLE_ARN);
    const plain = createComponent({ ...baseArgs, clusterName: "plain" }).component;
    expect(await isSecret(plain.keyPolicyJson)).to.equal(false);
  });

  it("throws every problem of plain bad input before registering anything", async () => {
    const registered = installPulumiMocks();
    let error: unknown;
    try {
      createComponent({
        ...baseArgs,
        camundaClusterRoleArn: "arn:aws:iam::123456789012:user/bob",
        deletionWindowInDays: 90,
        clusterRegion: "eu-central-99",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ByokValidationError);
    expect((error as ByokValidationError).problems.map((p) => p.input)).to.have.members([
      "camundaClusterRoleArn",
      "deletionWindowInDays",
      "clusterRegion",
    ]);
    await settle();
    expect(registered).to.deep.equal([]);
  });

  it("refuses an Output of a list for alertEmails, as it must know how many subscriptions to make", async () => {
    const registered = installPulumiMocks();
    let error: unknown;
    try {
      createComponent({ ...baseArgs, alertEmails: pulumi.output(["a@example.com"]) as unknown as string[] });
    } catch (caught) {
      error = caught;
    }
    expect((error as ByokValidationError).problems.map((p) => p.input)).to.deep.equal(["alertEmails"]);
    await settle();
    expect(registered).to.deep.equal([]);
  });

  it("takes an Output of the administrators or of the event names: the policy and the patterns are built when they are known", async () => {
    const registered = installPulumiMocks();
    const admins = ["arn:aws:iam::111122223333:role/KmsAdmins"];
    const names = ["DisableKey", "ScheduleKeyDeletion"];
    const { component } = createComponent({
      ...baseArgs,
      keyAdministratorArns: pulumi.output(admins),
      monitoredEventNames: pulumi.output(names),
    });
    expect(JSON.parse(await settledValue(component.keyPolicyJson))).to.deep.equal(
      buildKeyPolicy({ camundaClusterRoleArn: CAMUNDA_ROLE_ARN, keyAccountId: ACCOUNT, keyAdministratorArns: admins }),
    );
    await settle();
    const rule = byName(registered, "byok-key-events");
    expect(JSON.parse(rule.inputs.eventPattern).$or[0].detail.eventName).to.deep.equal(names);

    installPulumiMocks();
    const bad = createComponent({ ...baseArgs, keyAdministratorArns: pulumi.output(["arn:aws:iam::111122223333:group/Admins"]) });
    let error: unknown;
    try {
      await settledValue(bad.component.keyArn);
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).to.include("keyAdministratorArns[0]:");
  });

  it("accepts Outputs as alert addresses", async () => {
    const registered = installPulumiMocks();
    const { component } = createComponent({ ...baseArgs, alertEmails: [pulumi.output("oncall@example.com"), "sec@example.com"] });
    await settledValue(component.keyArn);
    await settle();
    expect(
      registered.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription").map((r) => r.inputs.endpoint),
    ).to.have.members(["oncall@example.com", "sec@example.com"]);
  });

  it("fails inside the update, with the same message, for bad values known only later", async () => {
    installPulumiMocks();
    const { component } = createComponent({ ...baseArgs, camundaClusterRoleArn: pulumi.output("arn:aws:iam::123456789012:user/bob") });
    let error: unknown;
    try {
      await settledValue(component.keyArn);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ByokValidationError);
    expect((error as Error).message).to.include("camundaClusterRoleArn: must be an IAM role ARN");
  });

  it("creates a protected, monitored replica in the backup region with the same policy", async () => {
    const registered = installPulumiMocks();
    const { component, childOptions } = createComponent({ ...baseArgs, backupRegion: "eu-west-1" });
    const replicaArn = await settledValue(component.replicaKeyArn);
    await settle();
    const key = byName(registered, "byok-key");
    const replica = byName(registered, "byok-replica-key");
    expect(key.inputs.multiRegion).to.equal(true);
    expect(replica.inputs.region).to.equal("eu-west-1");
    expect(replica.inputs.primaryKeyArn).to.equal(key.state.arn);
    expect(replica.inputs.policy).to.equal(key.inputs.policy);
    expect(childOptions.get("byok-replica-key")?.protect).to.equal(true);
    expect(childOptions.get("byok-replica-key")?.retainOnDelete).to.equal(true);
    expect(JSON.parse(replica.inputs.policy).Statement.at(-1).Sid).to.equal("DenyKeyDeletion");
    expect(replicaArn).to.equal(replica.state.arn);
    const rule = byName(registered, "byok-replica-key-events");
    expect(rule.inputs.region).to.equal("eu-west-1");
    expect(JSON.parse(rule.inputs.eventPattern).$or[0].detail.resources.ARN).to.deep.equal([replica.state.arn]);
    const alarm = byName(registered, "byok-replica-key-deletion-alarm");
    expect(alarm.inputs.region).to.equal("eu-west-1");
    expect(alarm.inputs.alarmActions).to.deep.equal([byName(registered, "byok-replica-alert-topic").state.arn]);
  });

  it("never replaces the key when the cluster name, alias, tags or emails change", async () => {
    const keyUrns = async (args: CamundaByokKeyArgs) => {
      installPulumiMocks();
      const { children } = createComponent({ ...args, backupRegion: "eu-west-1" });
      return Promise.all(["byok-key", "byok-replica-key"].map((name) => settledValue(children.get(name)!.urn)));
    };
    const before = await keyUrns(baseArgs);
    const after = await keyUrns({
      ...baseArgs,
      clusterName: "renamed",
      aliasName: "alias/other",
      tags: { team: "x" },
      alertEmails: ["a@example.com", "b@example.com"],
    });
    expect(after).to.deep.equal(before);
    expect(before[0]).to.match(/CamundaByokKey\$aws:kms\/key:Key::byok-key$/);
  });

  it("looks up the account and region once per provider, however many clusters a program has", async () => {
    const registered = installPulumiMocks();
    await pulumi.runtime.runInPulumiStack(async () => {
      const keys = ["a", "b", "c"].map((id) => new CamundaByokKey(id, { ...baseArgs, clusterName: id }));
      const frankfurt = new Provider("frankfurt", { region: "eu-central-1" });
      keys.push(new CamundaByokKey("d", { ...baseArgs, clusterName: "d" }, { providers: { aws: frankfurt } }));
      return { arns: keys.map((key) => key.keyArn) };
    });
    expect(registered.filter((r) => r.type === "aws:kms/key:Key")).to.have.length(4);
    expect(invokeCounts.get("aws:index/getCallerIdentity:getCallerIdentity")).to.equal(2);
    expect(invokeCounts.get("aws:index/getRegion:getRegion")).to.equal(2);
  });

  it("logs the core's warnings against the component", async () => {
    installPulumiMocks();
    const logged: [string, pulumi.Resource | undefined][] = [];
    const original = pulumi.log.warn;
    (pulumi.log as { warn: typeof pulumi.log.warn }).warn = async (message, resource) => {
      logged.push([message, resource]);
    };
    try {
      const { component } = createComponent({ ...baseArgs, backupRegion: "eu-north-1" });
      expect(logged).to.have.length(1);
      expect(logged[0][0]).to.match(/^backupRegion "eu-north-1" is not the backup region Camunda pairs with/);
      expect(logged[0][1]).to.equal(component);
    } finally {
      (pulumi.log as { warn: typeof pulumi.log.warn }).warn = original;
    }
  });

  it("retains a protected key and replica when the component is deleted", async () => {
    installPulumiMocks();
    const { childOptions } = createComponent({ ...baseArgs, backupRegion: "eu-west-1" });
    await settle();
    // A removed component must not delete the key: retainOnDelete leaves it in AWS (and the policy's DenyKeyDeletion refuses a deletion anyway).
    for (const name of ["byok-key", "byok-replica-key"])
      expect(childOptions.get(name), name).to.deep.include({ protect: true, retainOnDelete: true });
  });

  it("passes `preventDestroy: false` through as no protection and no retention", async () => {
    installPulumiMocks();
    const { childOptions } = createComponent({ ...baseArgs, preventDestroy: false });
    await settle();
    expect(childOptions.get("byok-key")?.protect).to.equal(undefined);
    expect(childOptions.get("byok-key")?.retainOnDelete).to.equal(undefined);
  });

  it("uses an explicit provider for its children and its account and region look-ups", async () => {
    const registered = installPulumiMocks();
    const provider = new Provider("frankfurt", { region: "eu-central-1" });
    const { component, childOptions } = createComponent(baseArgs, { providers: { aws: provider } });
    await settledValue(component.keyArn);
    await settle();
    expect(byName(registered, "frankfurt").type).to.equal("pulumi:providers:aws");
    expect(childOptions.get("byok-key")?.parent).to.equal(component);
    const providerUrn = await settledValue(provider.urn);
    expect((component as any).getProvider("aws::Key")).to.equal(provider);
    expect(providerUrn).to.include("frankfurt");
  });

  it("names children after the component, so an alias on a renamed component carries to the key", async () => {
    installPulumiMocks();
    const { component } = createComponent(baseArgs, { aliases: [{ name: "old-byok" }] });
    const aliases = pulumi.allAliases([], "byok-key", "aws:kms/key:Key", component, "byok");
    const urns = await Promise.all(aliases.map((alias) => settledValue(alias)));
    expect(urns.some((urn) => urn.endsWith("CamundaByokKey$aws:kms/key:Key::old-byok-key"))).to.equal(true);
  });
});
