// What watches one site's key, in the site's region: the key-events rule (and the access-denied
// rule), their targets, the alarm on matched events, an alarm on each rule's failed deliveries,
// and the alert topic they publish to. Built from a MonitoringInput alone (see site.ts).
import { buildAlarmSettings, buildDeliveryAlarmSettings } from "./alarms";
import { alertTopicArn, alertTopicPolicyResources, alertTopicResources } from "./alert-topic-spec";
import { type Choices, isTrue, present } from "./conditions";
import { buildAccessDeniedEventPattern, buildEventPattern, RULE_STATE_ENABLED, RULE_STATE_WITH_READ_ONLY_EVENTS } from "./event-patterns";
import { monitoringNames } from "./names";
import { type MonitoringInput, resourcePlace, type SitePlace } from "./site";
import type { EventRuleSettings, MonitoringOutputs, ResourceSpec } from "./spec-types";
import { join, jsonDocument, ref } from "./template";

interface Rule {
  logicalId: string;
  targetId: string;
  deliveryAlarmId: string;
  deliveryAlarmName: string;
  settings: EventRuleSettings;
}

export function monitoringResources(
  site: SitePlace,
  input: MonitoringInput,
  choices: Choices,
): { resources: ResourceSpec[]; outputs: MonitoringOutputs } {
  const { ids } = site;
  const place = resourcePlace(site);
  const names = monitoringNames(input.clusterName);
  const topicArn = alertTopicArn(site, input, choices);
  const keyDescription = join("the Camunda BYOK ", input.keyLabel, " of cluster ", input.clusterName);

  const keyEvents: Rule = {
    logicalId: ids.keyEventsRule,
    targetId: ids.keyEventsTarget,
    deliveryAlarmId: ids.keyEventsDeliveryAlarm,
    deliveryAlarmName: names.keyEventsDeliveryAlarm,
    settings: {
      name: names.keyEventsRule,
      description: join("Calls that disable, delete or re-scope ", keyDescription),
      eventPattern: jsonDocument(
        buildEventPattern({
          keyArn: input.keyArn,
          keyId: input.keyId,
          monitoredEventNames: input.monitoredEventNames as readonly string[],
          camundaClusterRoleArn: input.camundaClusterRoleArn,
        }),
      ),
      state: RULE_STATE_ENABLED,
      tags: input.tags,
    },
  };
  const accessDenied = isTrue("monitorAccessDenied");
  const deniedRule: Rule = {
    logicalId: ids.accessDeniedRule,
    targetId: ids.accessDeniedTarget,
    deliveryAlarmId: ids.accessDeniedDeliveryAlarm,
    deliveryAlarmName: names.accessDeniedDeliveryAlarm,
    settings: {
      name: names.accessDeniedRule,
      description: join("Denied KMS calls on ", keyDescription),
      eventPattern: jsonDocument(
        buildAccessDeniedEventPattern({ keyArn: input.keyArn, keyId: input.keyId, aliasNames: [input.aliasName] }),
      ),
      state: RULE_STATE_WITH_READ_ONLY_EVENTS,
      tags: input.tags,
    },
  };
  /** The resources of a rule that exists only with the access-denied rule. */
  const withDenied = (resource: ResourceSpec): ResourceSpec | undefined => {
    const decided = choices.decide(accessDenied);
    if (decided === false) return undefined;
    return decided === true ? resource : { ...resource, when: decided };
  };
  const rule = (r: Rule) => ({ kind: "eventRule" as const, logicalId: r.logicalId, ...place, settings: r.settings });
  const target = (r: Rule) => ({
    kind: "eventTarget" as const,
    logicalId: r.targetId,
    ...place,
    settings: { rule: ref(r.logicalId, "name"), arn: topicArn, targetId: "camunda-byok-alerts" },
  });
  const deliveryAlarm = (r: Rule) => ({
    kind: "metricAlarm" as const,
    logicalId: r.deliveryAlarmId,
    ...place,
    settings: {
      ...buildDeliveryAlarmSettings({ alarmName: r.deliveryAlarmName, ruleName: ref(r.logicalId, "name"), alertTopicArn: topicArn }),
      tags: input.tags,
    },
  });

  const resources = present<ResourceSpec>(
    ...alertTopicResources(site, place, input, topicArn, choices),
    rule(keyEvents),
    target(keyEvents),
    withDenied(rule(deniedRule)),
    withDenied(target(deniedRule)),
    {
      kind: "metricAlarm",
      logicalId: ids.alarm,
      ...place,
      settings: {
        ...buildAlarmSettings({
          alarmName: names.alarm,
          ruleName: ref(ids.keyEventsRule, "name"),
          alertTopicArn: topicArn,
          keyDescription,
          keyArn: input.keyArn,
          region: input.region,
        }),
        tags: input.tags,
      },
    },
    deliveryAlarm(keyEvents),
    withDenied(deliveryAlarm(deniedRule)),
  );
  const ruleArns = present(
    ref(keyEvents.logicalId, "arn"),
    choices.when(accessDenied, () => ref(deniedRule.logicalId, "arn")),
  );
  const alarmArns = present(
    ref(ids.alarm, "arn"),
    ref(keyEvents.deliveryAlarmId, "arn"),
    choices.when(accessDenied, () => ref(deniedRule.deliveryAlarmId, "arn")),
  );
  resources.push(...alertTopicPolicyResources(site, place, topicArn, choices, ruleArns, alarmArns));
  return {
    resources,
    outputs: { eventRuleArn: ref(ids.keyEventsRule, "arn"), alarmArn: ref(ids.alarm, "arn"), alertTopicArn: topicArn },
  };
}
