// What a Pulumi shop writes by hand for N Camunda BYOK keys: the same resources with the same
// settings as the component, module imports, inline documents, one account look-up per program.
"use strict";

const pulumi = require("@pulumi/pulumi");
const { clusterInput, countFromArgv, report } = require("../workloads/clusters");
const { installMocks } = require("../workloads/pulumi-mocks");
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
installMocks();
const { getCallerIdentityOutput } = require("@pulumi/aws/getCallerIdentity");
const { Key } = require("@pulumi/aws/kms/key");
const { Alias } = require("@pulumi/aws/kms/alias");
const { Topic } = require("@pulumi/aws/sns/topic");
const { TopicSubscription } = require("@pulumi/aws/sns/topicSubscription");
const { TopicPolicy } = require("@pulumi/aws/sns/topicPolicy");
const { EventRule } = require("@pulumi/aws/cloudwatch/eventRule");
const { EventTarget } = require("@pulumi/aws/cloudwatch/eventTarget");
const { MetricAlarm } = require("@pulumi/aws/cloudwatch/metricAlarm");

pulumi.runtime
  .runInPulumiStack(async () => {
    const account = getCallerIdentityOutput();
    const keys = [];
    for (let i = 0; i < count; i++) {
      const input = clusterInput(i);
      const s = settings(input.clusterName);
      const key = new Key(
        `key-${i}`,
        {
          ...s.key,
          policy: account.accountId.apply((id) => JSON.stringify(keyPolicy(id, input.camundaClusterRoleArn))),
          tags: s.tags,
        },
        { protect: true },
      );
      new Alias(`alias-${i}`, { name: s.aliasName, targetKeyId: key.arn });
      const topic = new Topic(`topic-${i}`, { name: s.topicName, tags: s.tags });
      new TopicSubscription(`email-${i}`, { topic: topic.arn, protocol: "email", endpoint: input.alertEmails[0] });
      const events = new EventRule(`events-${i}`, {
        ...s.keyEventsRule,
        eventPattern: pulumi.jsonStringify(keyEventsPattern(key.arn, input.camundaClusterRoleArn)),
        tags: s.tags,
      });
      new EventTarget(`events-target-${i}`, { rule: events.name, arn: topic.arn, targetId: s.targetId });
      const denied = new EventRule(`denied-${i}`, {
        ...s.accessDeniedRule,
        eventPattern: pulumi.jsonStringify(accessDeniedPattern(key.arn, key.keyId, s.aliasName)),
        tags: s.tags,
      });
      new EventTarget(`denied-target-${i}`, { rule: denied.name, arn: topic.arn, targetId: s.targetId });
      const { alarmName, ...alarmSettings } = s.alarm;
      const alarm = new MetricAlarm(`alarm-${i}`, {
        ...alarmSettings,
        name: alarmName,
        alarmDescription: key.arn.apply((arn) => alarmDescription(input.clusterName, arn, "eu-central-1")),
        dimensions: { RuleName: events.name },
        alarmActions: [topic.arn],
        tags: s.tags,
      });
      const deliveryAlarms = [
        ["key-events", events],
        ["access-denied", denied],
      ].map(([rule, watched]) => {
        const { alarmName: name, ...settings } = s.deliveryAlarm(rule);
        return new MetricAlarm(`${rule}-delivery-${i}`, {
          ...settings,
          name,
          alarmDescription: pulumi
            .all([watched.name, topic.arn])
            .apply(([ruleName, topicArn]) => deliveryAlarmDescription(ruleName, topicArn)),
          dimensions: { RuleName: watched.name },
          alarmActions: [topic.arn],
          tags: s.tags,
        });
      });
      new TopicPolicy(`topic-policy-${i}`, {
        arn: topic.arn,
        policy: pulumi.jsonStringify(topicPolicy(topic.arn, [events.arn, denied.arn], [alarm.arn, ...deliveryAlarms.map((a) => a.arn)])),
      });
      keys.push(key.arn);
    }
    return { keys };
  })
  .then(() => report())
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
