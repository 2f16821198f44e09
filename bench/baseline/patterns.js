"use strict";

// The event patterns the package emits, written out by hand as a user without it would.
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

module.exports = { keyEventsPattern, accessDeniedPattern };
