import type { Ref, TemplateString } from "./template";

/**
 * The new alert topic's access policy, replacing SNS's default: EventBridge rules and CloudWatch
 * alarms may publish, each only for its own ARN (the confused-deputy guard AWS recommends). The
 * account keeps its access through IAM policies.
 */
export function buildAlertTopicPolicy(topicArn: TemplateString, ruleArns: Ref[], alarmArns: Ref[]) {
  const publishFrom = (sid: string, service: string, sourceArns: Ref[]) => ({
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
