// What watches one site's key, in the site's region: the alias, the key-events rule (and the
// access-denied rule), their targets, the alarm on matched events, an alarm on each rule's failed
// deliveries, and the alert topic they publish to.
import { alertTopicArn, alertTopicPolicyResources, alertTopicResources } from "./alert-topic-spec";
import type { ResolvedInput } from "./inputs";
import {
  buildAccessDeniedEventPattern,
  buildAlarmSettings,
  buildDeliveryAlarmSettings,
  buildEventPattern,
  RULE_STATE_ENABLED,
  RULE_STATE_WITH_READ_ONLY_EVENTS,
} from "./monitoring";
import { monitoringNames } from "./names";
import type { Site } from "./site";
import type { EventRuleSettings, ResourceSpec, Tags } from "./spec-types";
import { jsonDocument, ref } from "./template";

export function siteMonitoringResources(
  site: Site,
  input: ResolvedInput,
  tags: Tags,
  isUnresolved: (value: unknown) => boolean,
): ResourceSpec[] {
  const { ids, place } = site;
  const names = monitoringNames(input.clusterName);
  const keyArn = ref(ids.key, "arn");
  const topicArn = alertTopicArn(site);
  const keyDescription = `the Camunda BYOK ${site.role === "primary" ? "key" : "replica key"} of cluster ${input.clusterName}`;
  const resources: ResourceSpec[] = [
    { kind: "kmsAlias", logicalId: ids.alias, ...place, settings: { name: input.aliasName, targetKeyId: keyArn } },
    ...alertTopicResources(site, input, tags, isUnresolved),
  ];

  const rules: { logicalId: string; targetId: string; deliveryAlarmId: string; deliveryAlarmName: string; settings: EventRuleSettings }[] =
    [
      {
        logicalId: ids.keyEventsRule,
        targetId: ids.keyEventsTarget,
        deliveryAlarmId: ids.keyEventsDeliveryAlarm,
        deliveryAlarmName: names.keyEventsDeliveryAlarm,
        settings: {
          name: names.keyEventsRule,
          description: `Calls that disable, delete or re-scope ${keyDescription}`,
          eventPattern: jsonDocument(
            buildEventPattern({
              keyArn,
              monitoredEventNames: input.monitoredEventNames,
              camundaClusterRoleArn: input.camundaClusterRoleArn,
              site: site.role,
            }),
          ),
          state: RULE_STATE_ENABLED,
          tags,
        },
      },
    ];
  if (input.monitorAccessDenied) {
    rules.push({
      logicalId: ids.accessDeniedRule,
      targetId: ids.accessDeniedTarget,
      deliveryAlarmId: ids.accessDeniedDeliveryAlarm,
      deliveryAlarmName: names.accessDeniedDeliveryAlarm,
      settings: {
        name: names.accessDeniedRule,
        description: `Denied KMS calls on ${keyDescription}`,
        eventPattern: jsonDocument(buildAccessDeniedEventPattern({ keyArn, keyId: ref(ids.key, "keyId"), aliasNames: [input.aliasName] })),
        state: RULE_STATE_WITH_READ_ONLY_EVENTS,
        tags,
      },
    });
  }
  for (const rule of rules) {
    resources.push({ kind: "eventRule", logicalId: rule.logicalId, ...place, settings: rule.settings });
    resources.push({
      kind: "eventTarget",
      logicalId: rule.targetId,
      ...place,
      settings: { rule: ref(rule.logicalId, "name"), arn: topicArn, targetId: "camunda-byok-alerts" },
    });
  }
  resources.push({
    kind: "metricAlarm",
    logicalId: ids.alarm,
    ...place,
    settings: {
      ...buildAlarmSettings({
        alarmName: names.alarm,
        ruleName: ref(ids.keyEventsRule, "name"),
        alertTopicArn: topicArn,
        keyDescription,
        keyArn,
        region: site.regionName,
      }),
      tags,
    },
  });
  for (const rule of rules) {
    resources.push({
      kind: "metricAlarm",
      logicalId: rule.deliveryAlarmId,
      ...place,
      settings: {
        ...buildDeliveryAlarmSettings({
          alarmName: rule.deliveryAlarmName,
          ruleName: ref(rule.logicalId, "name"),
          alertTopicArn: topicArn,
        }),
        tags,
      },
    });
  }
  resources.push(
    ...alertTopicPolicyResources(
      site,
      rules.map((r) => r.logicalId),
      [ids.alarm, ...rules.map((r) => r.deliveryAlarmId)],
    ),
  );
  return resources;
}
