// What a Pulumi shop writes by hand for N Camunda BYOK keys: the same ten resources per cluster as
// the component, module imports, inline policy and patterns, one account look-up per program.
"use strict";

const pulumi = require("@pulumi/pulumi");
const { clusterInput, countFromArgv, report } = require("../workloads/clusters");
const { installMocks } = require("../workloads/pulumi-mocks");
const { keyEventsPattern, accessDeniedPattern } = require("./patterns");

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
    const alarms = [];
    for (let i = 0; i < count; i++) {
      const input = clusterInput(i);
      const name = `camunda-byok-${input.clusterName}`;
      const tags = { "camunda:cluster": input.clusterName };
      const key = new Key(`key-${i}`, {
        description: `Camunda BYOK key for ${input.clusterName}`,
        enableKeyRotation: true,
        rotationPeriodInDays: 365,
        deletionWindowInDays: 30,
        tags,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            { Sid: "EnableAccountAccess", Effect: "Allow", Principal: { AWS: pulumi.interpolate`arn:aws:iam::${account.accountId}:root` }, Action: "kms:*", Resource: "*" },
            { Sid: "CamundaClusterKeyUsage", Effect: "Allow", Principal: { AWS: input.camundaClusterRoleArn }, Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:DescribeKey", "kms:GenerateDataKey*"], Resource: "*" },
            { Sid: "CamundaClusterGrants", Effect: "Allow", Principal: { AWS: input.camundaClusterRoleArn }, Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"], Resource: "*" },
          ],
        }),
      }, { protect: true });
      new Alias(`alias-${i}`, { name: `alias/${name}`, targetKeyId: key.arn });
      const topic = new Topic(`topic-${i}`, { name: `${name}-alerts`, tags });
      new TopicSubscription(`email-${i}`, { topic: topic.arn, protocol: "email", endpoint: input.alertEmails[0] });
      const events = new EventRule(`events-${i}`, {
        name: `${name}-key-events`,
        tags,
        eventPattern: pulumi.jsonStringify(keyEventsPattern(key.arn, input.camundaClusterRoleArn)),
      });
      const denied = new EventRule(`denied-${i}`, {
        name: `${name}-access-denied`,
        tags,
        state: "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS",
        eventPattern: pulumi.jsonStringify(accessDeniedPattern(key.arn, key.keyId, `alias/${name}`)),
      });
      new EventTarget(`events-target-${i}`, { rule: events.name, arn: topic.arn });
      new EventTarget(`denied-target-${i}`, { rule: denied.name, arn: topic.arn });
      const alarm = new MetricAlarm(`alarm-${i}`, {
        name: `${name}-key-deletion`,
        namespace: "AWS/Events",
        metricName: "TriggeredRules",
        dimensions: { RuleName: events.name },
        statistic: "Sum",
        period: 300,
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
        alarmActions: [topic.arn],
        tags,
      });
      new TopicPolicy(`topic-policy-${i}`, {
        arn: topic.arn,
        policy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sns:Publish", Resource: topic.arn, Condition: { ArnEquals: { "aws:SourceArn": [events.arn, denied.arn] } } },
            { Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "sns:Publish", Resource: topic.arn, Condition: { ArnEquals: { "aws:SourceArn": alarm.arn } } },
          ],
        }),
      });
      alarms.push(alarm.arn);
    }
    return { alarms };
  })
  .then(() => report())
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
