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
      { "detail-type": ["KMS CMK Deletion", "KMS CMK Rotation"], resources: [keyArn] },
      call(["RevokeGrant"], { userIdentity: { type: [{ "anything-but": ["AssumedRole", "AWSService"] }] } }),
      call(["RevokeGrant"], { userIdentity: { type: ["AssumedRole"], sessionContext: { sessionIssuer: { arn: [{ "anything-but": [roleArn] }] } } } }),
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
      { Sid: "CamundaClusterKeyUsage", Effect: "Allow", Principal: { AWS: roleArn }, Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:DescribeKey", "kms:GenerateDataKey*"], Resource: "*" },
      { Sid: "CamundaClusterGrants", Effect: "Allow", Principal: { AWS: roleArn }, Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"], Resource: "*" },
    ],
  };
}

function topicPolicy(topicArn, ruleArns, alarmArn) {
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
      publishFrom("AllowKeyDeletionAlarm", "cloudwatch.amazonaws.com", alarmArn),
    ],
  };
}

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
    keyEventsRule: { name: `${prefix}-key-events`, description: `Calls that disable, delete or re-scope the Camunda BYOK key of cluster ${clusterName}`, state: "ENABLED" },
    accessDeniedRule: { name: `${prefix}-access-denied`, description: `Denied KMS calls on the Camunda BYOK key of cluster ${clusterName}`, state: "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" },
    targetId: "camunda-byok-alerts",
    alarm: {
      alarmName: `${prefix}-key-deletion`,
      alarmDescription: `A disable, deletion or policy change was made on the Camunda BYOK key of cluster ${clusterName}: the Camunda cluster may lose access to its data. Check CloudTrail now.`,
      namespace: "AWS/Events",
      metricName: "TriggeredRules",
      statistic: "Sum",
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      treatMissingData: "notBreaching",
    },
  };
}

module.exports = { keyEventsPattern, accessDeniedPattern, keyPolicy, topicPolicy, settings };
