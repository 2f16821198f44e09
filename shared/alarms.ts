// The CloudWatch alarms on a site's rules: the first matched event, and failed deliveries. Their
// descriptions are what the person paged reads first.
import { POLICY_FROM_STACK_OUTPUT, recoveryCommands } from "./recovery";
import { join, type TemplateString } from "./template";

export interface AlarmSettings {
  alarmName: TemplateString;
  alarmDescription: TemplateString;
  namespace: "AWS/Events";
  metricName: "TriggeredRules" | "FailedInvocations";
  dimensions: { RuleName: TemplateString };
  statistic: "Sum";
  period: number;
  evaluationPeriods: number;
  threshold: number;
  comparisonOperator: "GreaterThanOrEqualToThreshold";
  treatMissingData: "notBreaching";
  alarmActions: TemplateString[];
}

/** CloudWatch's limit on an alarm's description. */
export const MAX_ALARM_DESCRIPTION_LENGTH = 1024;

/** One event in five minutes is already an incident; silence is healthy, not missing data. */
function firstEventAlarm(
  metricName: AlarmSettings["metricName"],
  input: { alarmName: TemplateString; ruleName: TemplateString; alertTopicArn: TemplateString },
) {
  return {
    alarmName: input.alarmName,
    namespace: "AWS/Events" as const,
    metricName,
    dimensions: { RuleName: input.ruleName },
    statistic: "Sum" as const,
    period: 300,
    evaluationPeriods: 1,
    threshold: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold" as const,
    treatMissingData: "notBreaching" as const,
    alarmActions: [input.alertTopicArn],
  };
}

/**
 * The alarm on the key-events rule: what happened, what Camunda does about it (Camunda's key-state
 * page), and the commands that recover.
 */
export function buildAlarmSettings(input: {
  alarmName: TemplateString;
  ruleName: TemplateString;
  alertTopicArn: TemplateString;
  /** "the Camunda BYOK key of cluster payments-prod", say. */
  keyDescription: TemplateString;
  keyArn: TemplateString;
  region: TemplateString;
}): AlarmSettings {
  // The ARN once, in a shell variable: three commands with it in full overrun CloudWatch's 1,024.
  const fix = recoveryCommands("$K", input.region);
  return {
    ...firstEventAlarm("TriggeredRules", input),
    alarmDescription: join(
      capitalize(input.keyDescription),
      " was disabled, scheduled for deletion or replicated, or its policy, grants (not Camunda's), rotation, primary region or alert watch changed: see CloudTrail. ",
      'Camunda: a disabled key, a pending deletion or a policy without Camunda\'s access freezes the cluster (the Console may show "Healthy" for ~15 minutes, then "External encryption key is not ready"); a completed deletion loses the data. ',
      "Recover, in a shell: K=",
      input.keyArn,
      "; ",
      fix.enableKey,
      " | ",
      fix.cancelDeletion,
      ", then enable-key | ",
      fix.putPolicy,
      `, with the policy the stack applied: ${POLICY_FROM_STACK_OUTPUT}.`,
    ),
  };
}

/**
 * The alarm on a rule's failed deliveries: when EventBridge cannot publish to the topic (its access
 * policy, or a KMS key that does not let EventBridge use it), alerts are lost silently otherwise.
 */
export function buildDeliveryAlarmSettings(input: {
  alarmName: TemplateString;
  ruleName: TemplateString;
  alertTopicArn: TemplateString;
}): AlarmSettings {
  return {
    ...firstEventAlarm("FailedInvocations", input),
    alarmDescription: join(
      "EventBridge could not deliver the alerts of rule ",
      input.ruleName,
      " to ",
      input.alertTopicArn,
      ": alerts about the Camunda BYOK key are being lost. Check that the topic's access policy lets events.amazonaws.com publish, and that an encrypted topic's KMS key lets events.amazonaws.com use it.",
    ),
  };
}

/** "the Camunda BYOK key ..." as the start of a sentence; a description known later starts as it is. */
function capitalize(text: TemplateString): TemplateString {
  return typeof text === "string" ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * The alarm on the rule that watches the monitoring: until what was changed is put back, calls on
 * the key may go unalerted.
 */
export function buildMonitoringChangedAlarmSettings(input: {
  alarmName: TemplateString;
  ruleName: TemplateString;
  alertTopicArn: TemplateString;
  keyDescription: TemplateString;
}): AlarmSettings {
  return {
    ...firstEventAlarm("TriggeredRules", input),
    alarmDescription: join(
      "What alerts on ",
      input.keyDescription,
      " was changed: a CloudTrail trail stopped, deleted or re-scoped, or one of camunda-byok-kms's rules, alarms or its alert topic deleted, disabled, re-targeted or unsubscribed. Check CloudTrail for the call; until it is put back (re-apply the stack), calls that disable or delete the key may raise no alert. A deploy that changes these pieces raises it too.",
    ),
  };
}
