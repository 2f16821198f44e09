// What watches one site's key, in the site's region: the key-events rule (and the access-denied
// rule), the rule that watches them all (monitoring changes), their targets, an alarm on matched
// events of each watching rule, an alarm on each rule's failed deliveries, and the alert topic they
// publish to. Built from a MonitoringInput alone (see site.ts).
import { buildAlarmSettings, buildDeliveryAlarmSettings, buildMonitoringChangedAlarmSettings } from "./alarms";
import { alertTopicArn, alertTopicPolicyResources, alertTopicResources } from "./alert-topic-spec";
import { type Choices, compact, isTrue, present } from "./conditions";
import {
  buildAccessDeniedEventPattern,
  buildEventPattern,
  buildMonitoringChangesPattern,
  RULE_STATE_ENABLED,
  RULE_STATE_WITH_READ_ONLY_EVENTS,
} from "./event-patterns";
import { monitoringNames, resourcePrefix } from "./names";
import { type MonitoringInput, resourcePlace, type SitePlace } from "./site";
import type { EventRuleSettings, MonitoringOutputs, ResourceSpec } from "./spec-types";
import { computed, join, jsonDocument, ref, type TemplateString } from "./template";

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

  const accessDenied = isTrue("monitorAccessDenied");
  const camundaAccountId = computed<TemplateString>("accountOfArn", input.camundaClusterRoleArn, choices.knowledge.isUnknown);
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
          camundaAccountId,
          monitoringChangesRuleName: names.monitoringChangesRule,
        }),
      ),
      state: RULE_STATE_ENABLED,
      tags: input.tags,
    },
  };
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

  const changes: Rule = {
    logicalId: ids.monitoringChangesRule,
    targetId: ids.monitoringChangesTarget,
    deliveryAlarmId: ids.monitoringChangesDeliveryAlarm,
    deliveryAlarmName: names.monitoringChangesDeliveryAlarm,
    settings: {
      name: names.monitoringChangesRule,
      description: join("Calls that stop a trail or silence the alerts on ", keyDescription),
      eventPattern: jsonDocument(
        buildMonitoringChangesPattern({
          namePrefix: `${resourcePrefix(input.clusterName)}-`,
          alertTopicArn: topicArn,
        }),
      ),
      state: RULE_STATE_ENABLED,
      tags: input.tags,
    },
  };
  const triggeredAlarm = (logicalId: string, settings: object): ResourceSpec => ({
    kind: "metricAlarm",
    logicalId,
    ...place,
    settings: { ...(settings as ReturnType<typeof buildAlarmSettings>), tags: input.tags },
  });

  const resources = present<ResourceSpec>(
    ...alertTopicResources(site, place, input, topicArn, choices),
    rule(keyEvents),
    target(keyEvents),
    withDenied(rule(deniedRule)),
    withDenied(target(deniedRule)),
    rule(changes),
    target(changes),
    triggeredAlarm(
      ids.alarm,
      buildAlarmSettings({
        alarmName: names.alarm,
        ruleName: ref(ids.keyEventsRule, "name"),
        alertTopicArn: topicArn,
        keyDescription,
        keyArn: input.keyArn,
        region: input.region,
      }),
    ),
    triggeredAlarm(
      ids.monitoringChangesAlarm,
      buildMonitoringChangedAlarmSettings({
        alarmName: names.monitoringChangesAlarm,
        ruleName: ref(ids.monitoringChangesRule, "name"),
        alertTopicArn: topicArn,
        keyDescription,
      }),
    ),
    deliveryAlarm(keyEvents),
    withDenied(deliveryAlarm(deniedRule)),
    deliveryAlarm(changes),
  );
  const ruleArns = present(
    ref(keyEvents.logicalId, "arn"),
    choices.when(accessDenied, () => ref(deniedRule.logicalId, "arn")),
    ref(changes.logicalId, "arn"),
  );
  const alarmArns = present(
    ref(ids.alarm, "arn"),
    ref(ids.monitoringChangesAlarm, "arn"),
    ref(keyEvents.deliveryAlarmId, "arn"),
    choices.when(accessDenied, () => ref(deniedRule.deliveryAlarmId, "arn")),
    ref(changes.deliveryAlarmId, "arn"),
  );
  resources.push(...alertTopicPolicyResources(site, place, topicArn, choices, ruleArns, alarmArns));
  return {
    resources,
    outputs: compact({
      eventRuleArn: ref(ids.keyEventsRule, "arn"),
      alarmArn: ref(ids.alarm, "arn"),
      alertTopicArn: topicArn,
      accessDeniedRuleArn: choices.when(accessDenied, () => ref(deniedRule.logicalId, "arn")),
    }),
  };
}
