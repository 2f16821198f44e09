// The monitoring this package deploys, found by its names: the rules watching the key, their
// targets, the alarms on them, and who is subscribed to the topic. Another tool's monitoring is
// not found, and is reported as "not found", never as broken.
import { DescribeAlarmsCommand, type CloudWatchClient, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
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
    const [targets, alarms] = await Promise.all([
      Promise.all(
        rules.map(async (rule) => ({
          rule,
          targets: (await clients.events.send(new ListTargetsByRuleCommand({ Rule: rule.Name }))).Targets ?? [],
        })),
      ),
      packageAlarms(clients.cloudwatch),
    ]);
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
      message: skippedBecause(error, "events:ListTargetsByRule, cloudwatch:DescribeAlarms and sns:ListSubscriptionsByTopic"),
    };
  }
  const found = `rules ${rules.map((r) => r.Name).join(", ")}`;
  if (failures.length > 0) return { id, status: "fail", message: `${found}: ${[...failures, ...warnings].join("; ")}` };
  if (warnings.length > 0) return { id, status: "warn", message: `${found}: ${warnings.join("; ")}` };
  return { id, status: "pass", message: `${found} are enabled, target a topic, and have their alarms` };
}
