"use strict";

// What a user without the package writes by hand to get the same resources: the same settings,
// policies and patterns, as literals. Both baselines share it so they build the same thing.
function keyEventsPattern(keyArn, roleArn) {
  const call = (eventNames, extra = {}) => ({
    "detail-type": ["AWS API Call via CloudTrail"],
    detail: { eventSource: ["kms.amazonaws.com"], eventName: eventNames, resources: { ARN: [keyArn] }, ...extra },
  });
  return {
    source: ["aws.kms"],
    $or: [
      call(["DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy", "DisableKeyRotation", "UpdatePrimaryRegion"]),
      { "detail-type": ["KMS CMK Deletion"], resources: [keyArn] },
      call(["RevokeGrant"], { userIdentity: { type: [{ "anything-but": ["AssumedRole", "AWSService"] }] } }),
      call(["RevokeGrant"], {
        userIdentity: { type: ["AssumedRole"], sessionContext: { sessionIssuer: { arn: [{ "anything-but": [roleArn] }] } } },
      }),
    ],
  };
}

function accessDeniedPattern(keyArn, keyId, alias) {
  return {
    source: ["aws.kms"],
    "detail-type": ["AWS API Call via CloudTrail"],
    detail: {
      eventSource: ["kms.amazonaws.com"],
      errorCode: [{ prefix: "AccessDenied" }],
      $or: [
        { resources: { ARN: [keyArn] } },
        { requestParameters: { keyId: [keyArn, keyId, alias] } },
        { errorMessage: [{ wildcard: `*${keyArn}*` }] },
      ],
    },
  };
}

function keyPolicy(accountId, roleArn) {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "EnableAccountAccess", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" },
      {
        Sid: "CamundaClusterKeyUsage",
        Effect: "Allow",
        Principal: { AWS: roleArn },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:DescribeKey", "kms:GenerateDataKey*"],
        Resource: "*",
      },
      {
        Sid: "CamundaClusterGrants",
        Effect: "Allow",
        Principal: { AWS: roleArn },
        Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
        Resource: "*",
      },
    ],
  };
}

function topicPolicy(topicArn, ruleArns, alarmArns) {
  const publishFrom = (sid, service, sourceArns) => ({
    Sid: sid,
    Effect: "Allow",
    Principal: { Service: service },
    Action: "sns:Publish",
    Resource: topicArn,
    Condition: { ArnEquals: { "aws:SourceArn": sourceArns } },
  });
  return {
    Version: "2012-10-17",
    Statement: [
      publishFrom("AllowKeyEventRules", "events.amazonaws.com", ruleArns),
      publishFrom("AllowKeyDeletionAlarm", "cloudwatch.amazonaws.com", alarmArns),
    ],
  };
}

/** Both alarms fire on the first event in five minutes and treat silence as healthy. */
const FIRST_EVENT_ALARM = {
  namespace: "AWS/Events",
  statistic: "Sum",
  period: 300,
  evaluationPeriods: 1,
  threshold: 1,
  comparisonOperator: "GreaterThanOrEqualToThreshold",
  treatMissingData: "notBreaching",
};

/** Names, descriptions and fixed settings of cluster `name`'s resources. */
function settings(clusterName) {
  const prefix = `camunda-byok-${clusterName}`;
  return {
    tags: { "camunda:cluster": clusterName, "managed-by": "camunda-byok-kms" },
    key: {
      description: `Camunda 8 SaaS BYOK key for cluster ${clusterName} (encrypts its disks, backups and documents)`,
      keyUsage: "ENCRYPT_DECRYPT",
      customerMasterKeySpec: "SYMMETRIC_DEFAULT",
      multiRegion: false,
      enableKeyRotation: true,
      rotationPeriodInDays: 365,
      deletionWindowInDays: 30,
      isEnabled: true,
      bypassPolicyLockoutSafetyCheck: false,
    },
    aliasName: `alias/${prefix}`,
    topicName: `${prefix}-alerts`,
    keyEventsRule: {
      name: `${prefix}-key-events`,
      description: `Calls that disable, delete or re-scope the Camunda BYOK key of cluster ${clusterName}`,
      state: "ENABLED",
    },
    accessDeniedRule: {
      name: `${prefix}-access-denied`,
      description: `Denied KMS calls on the Camunda BYOK key of cluster ${clusterName}`,
      state: "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS",
    },
    targetId: "camunda-byok-alerts",
    alarm: { alarmName: `${prefix}-key-deletion`, metricName: "TriggeredRules", ...FIRST_EVENT_ALARM },
    deliveryAlarm: (rule) => ({ alarmName: `${prefix}-${rule}-failed-delivery`, metricName: "FailedInvocations", ...FIRST_EVENT_ALARM }),
  };
}

/** The key-events alarm's description: what happened, what Camunda does, how to recover. */
function alarmDescription(clusterName, keyArn, region) {
  const at = ` --key-id ${keyArn} --region ${region}`;
  return (
    `The Camunda BYOK key of cluster ${clusterName} was disabled, scheduled for deletion, or had its policy or grants changed: check CloudTrail. ` +
    'Camunda: a disabled key, a pending deletion or a policy without Camunda\'s access freezes the cluster (the Console may show "Healthy" for ~15 minutes, then "External encryption key is not ready"); a completed deletion loses the data. ' +
    `Recover: aws kms enable-key${at} | aws kms cancel-key-deletion${at}, then enable-key | npx camunda-byok-kms policy ... > policy.json && aws kms put-key-policy${at} --policy-name default --policy file://policy.json`
  );
}

function deliveryAlarmDescription(ruleName, topicArn) {
  return `EventBridge could not deliver the alerts of rule ${ruleName} to ${topicArn}: alerts about the Camunda BYOK key are being lost. Check that the topic's access policy lets events.amazonaws.com publish, and that an encrypted topic's KMS key lets events.amazonaws.com use it.`;
}

module.exports = { keyEventsPattern, accessDeniedPattern, keyPolicy, topicPolicy, settings, alarmDescription, deliveryAlarmDescription };
