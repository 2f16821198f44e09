// The monitoring this package deploys, found by its names: the rules watching the key, their
// targets, the alarms on them, and who is subscribed to the topic. Another tool's monitoring is
// not found, and is reported as "not found", never as broken.
import { DescribeAlarmsCommand, GetMetricDataCommand, type CloudWatchClient, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { ListRulesCommand, ListTargetsByRuleCommand, type EventBridgeClient, type Rule } from "@aws-sdk/client-eventbridge";
import { ListSubscriptionsByTopicCommand, type SNSClient } from "@aws-sdk/client-sns";
import { NAME_PREFIX } from "../shared/internal";
import { skippedBecause, throwIfUnreachable } from "./aws-errors";
import type { CheckResult } from "./report";

export interface MonitoringClients {
  events: EventBridgeClient;
  cloudwatch: CloudWatchClient;
  sns: SNSClient;
}

/** Pages read at most (100 alarms, 100 rules each): enough for any account this package serves. */
const MAX_PAGES = 10;

async function rulesWatching(events: EventBridgeClient, keyArn: string): Promise<Rule[]> {
  const rules: Rule[] = [];
  let next: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await events.send(new ListRulesCommand({ NamePrefix: `${NAME_PREFIX}-`, NextToken: next }));
    rules.push(...(answer.Rules ?? []));
    if (!answer.NextToken) break;
    next = answer.NextToken;
  }
  return rules.filter((rule) => rule.EventPattern?.includes(keyArn));
}

/** Every page of the package's alarms, bounded: an account with many clusters has more than one. */
async function packageAlarms(cloudwatch: CloudWatchClient): Promise<MetricAlarm[]> {
  const alarms: MetricAlarm[] = [];
  let next: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNamePrefix: `${NAME_PREFIX}-`, NextToken: next }));
    alarms.push(...(answer.MetricAlarms ?? []));
    if (!answer.NextToken) break;
    next = answer.NextToken;
  }
  return alarms;
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Each rule's failed deliveries over the last 24 hours (EventBridge's FailedInvocations metric):
 * the failed-delivery alarm notifies the very topic that fails, so verify reads the metric itself.
 */
async function failedDeliveries(cloudwatch: CloudWatchClient, rules: Rule[], now: Date): Promise<Map<string, number>> {
  const answer = await cloudwatch.send(
    new GetMetricDataCommand({
      StartTime: new Date(now.getTime() - DAY_SECONDS * 1000),
      EndTime: now,
      MetricDataQueries: rules.map((rule, index) => ({
        Id: `rule${index}`,
        MetricStat: {
          Metric: { Namespace: "AWS/Events", MetricName: "FailedInvocations", Dimensions: [{ Name: "RuleName", Value: rule.Name }] },
          Period: DAY_SECONDS,
          Stat: "Sum",
        },
      })),
    }),
  );
  const failed = new Map<string, number>();
  for (const result of answer?.MetricDataResults ?? []) {
    const rule = rules[Number(result.Id?.slice(4))];
    const sum = (result.Values ?? []).reduce((a, b) => a + b, 0);
    if (rule?.Name && sum > 0) failed.set(rule.Name, sum);
  }
  return failed;
}

export async function monitoringCheck(
  clients: MonitoringClients,
  keyArn: string,
  region: string,
  id: "monitoring" | "replica-monitoring" = "monitoring",
): Promise<CheckResult> {
  const failures: string[] = [];
  const warnings: string[] = [];
  let rules: Rule[];
  try {
    rules = await rulesWatching(clients.events, keyArn);
  } catch (error) {
    throwIfUnreachable(error);
    return { id, status: "skipped", message: skippedBecause(error, "events:ListRules") };
  }
  if (rules.length === 0) {
    return {
      id,
      status: "warn",
      message: `no ${NAME_PREFIX} EventBridge rule in ${region} watches this key: nobody is alerted when it is disabled, scheduled for deletion or re-scoped (deploy the package's monitoring, or check your own)`,
    };
  }
  try {
    const [targets, alarms, failed] = await Promise.all([
      Promise.all(
        rules.map(async (rule) => ({
          rule,
          targets: (await clients.events.send(new ListTargetsByRuleCommand({ Rule: rule.Name }))).Targets ?? [],
        })),
      ),
      packageAlarms(clients.cloudwatch),
      failedDeliveries(clients.cloudwatch, rules, new Date()),
    ]);
    for (const [rule, count] of failed) {
      failures.push(
        `rule ${rule} failed to deliver ${count} alert${count === 1 ? "" : "s"} in the last 24 hours: its topic refuses EventBridge`,
      );
    }
    const topics = new Set<string>();
    for (const { rule, targets: list } of targets) {
      if (rule.State === "DISABLED") failures.push(`rule ${rule.Name} is disabled`);
      if (list.length === 0) failures.push(`rule ${rule.Name} has no target`);
      for (const target of list) if (target.Arn?.includes(":sns:")) topics.add(target.Arn);
    }
    const watching = alarms.filter((alarm: MetricAlarm) =>
      alarm.Dimensions?.some((d) => d.Name === "RuleName" && rules.some((r) => r.Name === d.Value)),
    );
    if (!watching.some((alarm) => alarm.MetricName === "TriggeredRules")) warnings.push("no CloudWatch alarm on the key-events rule");
    for (const alarm of watching) {
      if (alarm.StateValue === "ALARM") warnings.push(`alarm ${alarm.AlarmName} is in ALARM`);
      if (alarm.ActionsEnabled === false) failures.push(`alarm ${alarm.AlarmName} has its actions disabled`);
    }
    for (const topic of topics) {
      const subscriptions = (await clients.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topic }))).Subscriptions ?? [];
      const pending = subscriptions.filter((s) => s.SubscriptionArn === "PendingConfirmation").map((s) => s.Endpoint);
      if (pending.length > 0)
        warnings.push(`${pending.join(", ")} ha${pending.length === 1 ? "s" : "ve"} not confirmed the subscription to ${topic}`);
      if (subscriptions.length === 0) warnings.push(`nobody is subscribed to ${topic}`);
    }
  } catch (error) {
    throwIfUnreachable(error);
    return {
      id,
      status: "skipped",
      message: skippedBecause(
        error,
        "events:ListTargetsByRule, cloudwatch:DescribeAlarms, cloudwatch:GetMetricData and sns:ListSubscriptionsByTopic",
      ),
    };
  }
  const found = `rules ${rules.map((r) => r.Name).join(", ")}`;
  if (failures.length > 0) return { id, status: "fail", message: `${found}: ${[...failures, ...warnings].join("; ")}` };
  if (warnings.length > 0) return { id, status: "warn", message: `${found}: ${warnings.join("; ")}` };
  return { id, status: "pass", message: `${found} are enabled, target a topic, and have their alarms` };
}
