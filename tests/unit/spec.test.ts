import { expect } from "chai";
import { buildByokSpec, buildEventPattern, buildKeyPolicy, type ByokSpec, type ResourceSpec, type SettingsByKind } from "../../shared";
import { resolveTemplate } from "../../shared/internal";
import { expectValidationError } from "../support/errors";
import { CAMUNDA_ROLE_ARN, KEY_ACCOUNT_ID, validInput } from "../support/fixtures";

/** Attribute values a deployment would produce, so templates can be resolved as AWS sees them. */
function deployedValues(spec: ByokSpec): Record<string, string> {
  const values: Record<string, string> = { "account.id": KEY_ACCOUNT_ID, "partition.name": "aws" };
  for (const resource of spec.resources) {
    const region = resource.region ?? spec.regions.primary;
    values[`${resource.logicalId}.arn`] = `arn:aws:test:${region}:${KEY_ACCOUNT_ID}:${resource.logicalId}`;
    values[`${resource.logicalId}.keyId`] = `${resource.logicalId}-id`;
    values[`${resource.logicalId}.name`] = "name" in resource.settings ? String(resource.settings.name) : resource.logicalId;
  }
  return values;
}

function find<K extends ResourceSpec["kind"]>(spec: ByokSpec, logicalId: string): { kind: K; settings: SettingsByKind[K] } & ResourceSpec {
  const resource = spec.resources.find((r) => r.logicalId === logicalId);
  expect(resource, logicalId).to.not.equal(undefined);
  return resource as any;
}

describe("resource spec", () => {
  it("describes a protected, rotating, symmetric key with the Camunda policy and its monitoring", () => {
    const spec = buildByokSpec(validInput());
    expect(spec.resources.map((r) => `${r.kind}:${r.logicalId}`)).to.deep.equal([
      "kmsKey:key",
      "kmsAlias:alias",
      "snsTopic:alert-topic",
      "snsTopicSubscription:alert-email-0",
      "eventRule:key-events",
      "eventTarget:key-events-target",
      "eventRule:access-denied",
      "eventTarget:access-denied-target",
      "eventRule:monitoring-changes",
      "eventTarget:monitoring-changes-target",
      "metricAlarm:key-deletion-alarm",
      "metricAlarm:monitoring-changes-alarm",
      "metricAlarm:key-events-delivery-alarm",
      "metricAlarm:access-denied-delivery-alarm",
      "metricAlarm:monitoring-changes-delivery-alarm",
      "snsTopicPolicy:alert-topic-policy",
    ]);
    const key = find<"kmsKey">(spec, "key");
    expect(key.preventDestroy).to.equal(true);
    expect(key.settings).to.deep.include({
      keyUsage: "ENCRYPT_DECRYPT",
      customerMasterKeySpec: "SYMMETRIC_DEFAULT",
      multiRegion: false,
      enableKeyRotation: true,
      rotationPeriodInDays: 365,
      deletionWindowInDays: 30,
      bypassPolicyLockoutSafetyCheck: false,
    });
    const values = deployedValues(spec);
    expect(resolveTemplate(key.settings.policy, values)).to.equal(
      JSON.stringify(buildKeyPolicy({ camundaClusterRoleArn: CAMUNDA_ROLE_ARN, keyAccountId: KEY_ACCOUNT_ID })),
    );
    const rule = find<"eventRule">(spec, "key-events");
    expect(resolveTemplate(rule.settings.eventPattern, values)).to.equal(
      JSON.stringify(
        buildEventPattern({
          keyArn: values["key.arn"],
          keyId: values["key.keyId"],
          camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
          monitoringChangesRuleName: "camunda-byok-payments-prod-monitoring-changes",
        }),
      ),
    );
  });

  it("names AWS resources after the cluster and tags them", () => {
    const spec = buildByokSpec(validInput({ tags: { team: "payments" } }));
    expect(find<"kmsAlias">(spec, "alias").settings.name).to.equal("alias/camunda-byok-payments-prod");
    expect(find<"eventRule">(spec, "key-events").settings.name).to.equal("camunda-byok-payments-prod-key-events");
    expect(find<"metricAlarm">(spec, "key-deletion-alarm").settings.alarmName).to.equal("camunda-byok-payments-prod-key-deletion");
    expect(find<"kmsKey">(spec, "key").settings.tags).to.deep.equal({
      team: "payments",
      "camunda:cluster": "payments-prod",
      "managed-by": "camunda-byok-kms",
    });
  });

  it("wires the alarm to the key-events rule and the alert topic, and lets only them publish", () => {
    const spec = buildByokSpec(validInput());
    const values = deployedValues(spec);
    const alarm = resolveTemplate(find<"metricAlarm">(spec, "key-deletion-alarm").settings, values) as Record<string, any>;
    expect(alarm.dimensions).to.deep.equal({ RuleName: "camunda-byok-payments-prod-key-events" });
    expect(alarm.alarmActions).to.deep.equal([values["alert-topic.arn"]]);
    const topicPolicy = JSON.parse(resolveTemplate(find<"snsTopicPolicy">(spec, "alert-topic-policy").settings.policy, values) as string);
    expect(topicPolicy.Statement.map((s: any) => [s.Principal.Service, s.Resource, s.Condition.ArnEquals["aws:SourceArn"]])).to.deep.equal([
      [
        "events.amazonaws.com",
        values["alert-topic.arn"],
        [values["key-events.arn"], values["access-denied.arn"], values["monitoring-changes.arn"]],
      ],
      [
        "cloudwatch.amazonaws.com",
        values["alert-topic.arn"],
        [
          values["key-deletion-alarm.arn"],
          values["monitoring-changes-alarm.arn"],
          values["key-events-delivery-alarm.arn"],
          values["access-denied-delivery-alarm.arn"],
          values["monitoring-changes-delivery-alarm.arn"],
        ],
      ],
    ]);
  });

  it("describes a multi-region key with a replica and its own monitoring in the backup region", () => {
    const spec = buildByokSpec(validInput({ backupRegion: "eu-west-1" }));
    expect(find<"kmsKey">(spec, "key").settings.multiRegion).to.equal(true);
    const replica = find<"kmsReplicaKey">(spec, "replica-key");
    expect(replica.region).to.equal("eu-west-1");
    expect(replica.preventDestroy).to.equal(true);
    expect(replica.settings.policy).to.deep.equal(find<"kmsKey">(spec, "key").settings.policy);
    const replicaSite = spec.resources.filter((r) => r.site === "replica");
    expect(replicaSite.every((r) => r.region === "eu-west-1")).to.equal(true);
    expect(replicaSite.map((r) => r.kind)).to.include.members(["eventRule", "eventTarget", "metricAlarm", "snsTopic", "kmsAlias"]);
    const values = deployedValues(spec);
    const pattern = JSON.parse(resolveTemplate(find<"eventRule">(spec, "replica-key-events").settings.eventPattern, values) as string);
    expect(pattern.$or[0].detail.resources.ARN).to.deep.equal([values["replica-key.arn"]]);
    expect(spec.outputs.replicaKeyArn).to.deep.equal({ $ref: "replica-key.arn" });
  });

  it("uses existing topics instead of creating any, and leaves their policies alone", () => {
    const spec = buildByokSpec(
      validInput({
        alertEmails: [],
        alertTopicArn: "arn:aws:sns:eu-central-1:111122223333:ops",
        backupRegion: "eu-west-1",
        backupAlertTopicArn: "arn:aws:sns:eu-west-1:111122223333:ops",
      }),
    );
    expect(spec.resources.filter((r) => r.kind === "snsTopic" || r.kind === "snsTopicPolicy")).to.deep.equal([]);
    expect(find<"eventTarget">(spec, "replica-key-events-target").settings.arn).to.equal("arn:aws:sns:eu-west-1:111122223333:ops");
    expect(spec.outputs.alertTopicArn).to.equal("arn:aws:sns:eu-central-1:111122223333:ops");
  });

  it("keeps logical ids independent of cluster name, alias, tags and emails", () => {
    const ids = (input: Parameters<typeof validInput>[0]) => buildByokSpec(validInput(input)).resources.map((r) => r.logicalId);
    expect(ids({ clusterName: "other", aliasName: "alias/x", tags: { a: "b" }, alertEmails: ["x@example.com"] })).to.deep.equal(ids({}));
  });

  it("leaves out optional parts when switched off", () => {
    const spec = buildByokSpec(validInput({ monitorAccessDenied: false, enableKeyRotation: false, preventDestroy: false }));
    expect(spec.resources.some((r) => r.logicalId === "access-denied")).to.equal(false);
    const key = find<"kmsKey">(spec, "key");
    expect(key.preventDestroy).to.equal(false);
    expect(key.settings.enableKeyRotation).to.equal(false);
    expect(key.settings).to.not.have.property("rotationPeriodInDays");
  });

  it("throws before describing anything when the input is bad", () => {
    const error = expectValidationError(() => buildByokSpec(validInput({ clusterRegion: "nowhere" })));
    expect(error.problems.map((p) => p.input)).to.deep.equal(["clusterRegion"]);
  });
});
