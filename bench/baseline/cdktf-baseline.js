// What a Terraform shop writes by hand for N Camunda BYOK keys: the same resources with the same
// settings as the construct, deep imports, inline documents, one account look-up per stack.
// With --own-construct, each cluster's resources sit in a scope of their own, as a team's own
// construct would put them: the nesting any construct costs (longer paths and addresses).
"use strict";

const os = require("node:os");
const path = require("node:path");
const { mkdtempSync } = require("node:fs");
const { App, TerraformStack } = require("cdktf");
const { Construct } = require("constructs");
const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
const { DataAwsCallerIdentity } = require("@cdktf/provider-aws/lib/data-aws-caller-identity");
const { KmsKey } = require("@cdktf/provider-aws/lib/kms-key");
const { KmsAlias } = require("@cdktf/provider-aws/lib/kms-alias");
const { SnsTopic } = require("@cdktf/provider-aws/lib/sns-topic");
const { SnsTopicSubscription } = require("@cdktf/provider-aws/lib/sns-topic-subscription");
const { SnsTopicPolicy } = require("@cdktf/provider-aws/lib/sns-topic-policy");
const { CloudwatchEventRule } = require("@cdktf/provider-aws/lib/cloudwatch-event-rule");
const { CloudwatchEventTarget } = require("@cdktf/provider-aws/lib/cloudwatch-event-target");
const { CloudwatchMetricAlarm } = require("@cdktf/provider-aws/lib/cloudwatch-metric-alarm");
const { clusterInput, countFromArgv, report } = require("../workloads/clusters");
const {
  accessDeniedPattern,
  alarmDescription,
  deliveryAlarmDescription,
  keyEventsPattern,
  keyPolicy,
  settings,
  topicPolicy,
} = require("./documents");

const count = countFromArgv();
const ownConstruct = process.argv[3] === "--own-construct";
const app = new App({ outdir: mkdtempSync(path.join(os.tmpdir(), "bench-cdktf-")) });
const stack = new TerraformStack(app, "bench");
new AwsProvider(stack, "aws", { region: "eu-central-1" });
const account = new DataAwsCallerIdentity(stack, "account");

const constructStarted = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  const scope = ownConstruct ? new Construct(stack, `cluster-${i}`) : stack;
  const id = (name) => (ownConstruct ? name : `${name}-${i}`);
  const input = clusterInput(i);
  const s = settings(input.clusterName);
  const key = new KmsKey(scope, id("key"), {
    ...s.key,
    policy: JSON.stringify(keyPolicy(account.accountId, input.camundaClusterRoleArn)),
    tags: s.tags,
    lifecycle: { preventDestroy: true },
  });
  new KmsAlias(scope, id("alias"), { name: s.aliasName, targetKeyId: key.arn });
  const topic = new SnsTopic(scope, id("topic"), { name: s.topicName, tags: s.tags });
  new SnsTopicSubscription(scope, id("email"), { topicArn: topic.arn, protocol: "email", endpoint: input.alertEmails[0] });
  const events = new CloudwatchEventRule(scope, id("events"), {
    ...s.keyEventsRule,
    eventPattern: JSON.stringify(keyEventsPattern(key.arn, input.camundaClusterRoleArn)),
    tags: s.tags,
  });
  new CloudwatchEventTarget(scope, id("events-target"), { rule: events.name, arn: topic.arn, targetId: s.targetId });
  const denied = new CloudwatchEventRule(scope, id("denied"), {
    ...s.accessDeniedRule,
    eventPattern: JSON.stringify(accessDeniedPattern(key.arn, key.keyId, s.aliasName)),
    tags: s.tags,
  });
  new CloudwatchEventTarget(scope, id("denied-target"), { rule: denied.name, arn: topic.arn, targetId: s.targetId });
  const alarm = new CloudwatchMetricAlarm(scope, id("alarm"), {
    ...s.alarm,
    alarmDescription: alarmDescription(input.clusterName, key.arn, "eu-central-1"),
    dimensions: { RuleName: events.name },
    alarmActions: [topic.arn],
    tags: s.tags,
  });
  const deliveryAlarms = [
    ["key-events", events],
    ["access-denied", denied],
  ].map(
    ([rule, watched]) =>
      new CloudwatchMetricAlarm(scope, id(`${rule}-delivery`), {
        ...s.deliveryAlarm(rule),
        alarmDescription: deliveryAlarmDescription(watched.name, topic.arn),
        dimensions: { RuleName: watched.name },
        alarmActions: [topic.arn],
        tags: s.tags,
      }),
  );
  new SnsTopicPolicy(scope, id("topic-policy"), {
    arn: topic.arn,
    policy: JSON.stringify(topicPolicy(topic.arn, [events.arn, denied.arn], [alarm.arn, ...deliveryAlarms.map((a) => a.arn)])),
  });
}

const synthStarted = process.hrtime.bigint();
app.synth();
const ms = (from, to) => Math.round(Number(to - from) / 1e6);
report({ constructMs: ms(constructStarted, synthStarted), synthMs: ms(synthStarted, process.hrtime.bigint()) });
