// What a Terraform shop writes by hand for N Camunda BYOK keys: the same ten resources per cluster
// as the construct, deep imports, an inline policy and pattern, one account look-up per stack.
"use strict";

const os = require("node:os");
const path = require("node:path");
const { mkdtempSync } = require("node:fs");
const { App, TerraformStack } = require("cdktf");
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
const { keyEventsPattern, accessDeniedPattern } = require("./patterns");

const count = countFromArgv();
const app = new App({ outdir: mkdtempSync(path.join(os.tmpdir(), "bench-cdktf-")) });
const stack = new TerraformStack(app, "bench");
new AwsProvider(stack, "aws", { region: "eu-central-1" });
const account = new DataAwsCallerIdentity(stack, "account");

for (let i = 0; i < count; i++) {
  const input = clusterInput(i);
  const name = `camunda-byok-${input.clusterName}`;
  const tags = { "camunda:cluster": input.clusterName };
  const key = new KmsKey(stack, `key-${i}`, {
    description: `Camunda BYOK key for ${input.clusterName}`,
    enableKeyRotation: true,
    rotationPeriodInDays: 365,
    deletionWindowInDays: 30,
    tags,
    lifecycle: { preventDestroy: true },
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "EnableAccountAccess", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account.accountId}:root` }, Action: "kms:*", Resource: "*" },
        { Sid: "CamundaClusterKeyUsage", Effect: "Allow", Principal: { AWS: input.camundaClusterRoleArn }, Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:DescribeKey", "kms:GenerateDataKey*"], Resource: "*" },
        { Sid: "CamundaClusterGrants", Effect: "Allow", Principal: { AWS: input.camundaClusterRoleArn }, Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"], Resource: "*" },
      ],
    }),
  });
  new KmsAlias(stack, `alias-${i}`, { name: `alias/${name}`, targetKeyId: key.arn });
  const topic = new SnsTopic(stack, `topic-${i}`, { name: `${name}-alerts`, tags });
  new SnsTopicSubscription(stack, `email-${i}`, { topicArn: topic.arn, protocol: "email", endpoint: input.alertEmails[0] });
  const events = new CloudwatchEventRule(stack, `events-${i}`, {
    name: `${name}-key-events`,
    tags,
    eventPattern: JSON.stringify(keyEventsPattern(key.arn, input.camundaClusterRoleArn)),
  });
  const denied = new CloudwatchEventRule(stack, `denied-${i}`, {
    name: `${name}-access-denied`,
    tags,
    state: "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS",
    eventPattern: JSON.stringify(accessDeniedPattern(key.arn, key.keyId, `alias/${name}`)),
  });
  new CloudwatchEventTarget(stack, `events-target-${i}`, { rule: events.name, arn: topic.arn });
  new CloudwatchEventTarget(stack, `denied-target-${i}`, { rule: denied.name, arn: topic.arn });
  const alarm = new CloudwatchMetricAlarm(stack, `alarm-${i}`, {
    alarmName: `${name}-key-deletion`,
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
  new SnsTopicPolicy(stack, `topic-policy-${i}`, {
    arn: topic.arn,
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sns:Publish", Resource: topic.arn, Condition: { ArnEquals: { "aws:SourceArn": [events.arn, denied.arn] } } },
        { Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "sns:Publish", Resource: topic.arn, Condition: { ArnEquals: { "aws:SourceArn": alarm.arn } } },
      ],
    }),
  });
}

app.synth();
report();
