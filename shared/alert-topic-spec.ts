// Where one site's alerts go: a new SNS topic with email subscriptions, or a topic the user has.
// The topic is never encrypted with the monitored key: a disabled key must not silence the alarm
// about itself.
import type { ResolvedInput } from "./inputs";
import { buildAlertTopicPolicy } from "./monitoring";
import { monitoringNames } from "./names";
import type { ResourceSpec, Tags } from "./spec-types";
import { EACH_VALUE, jsonDocument, ref, type Ref, type TemplateString } from "./template";
import type { Site } from "./site";

/** The topic's ARN: the existing one, or the new topic's. */
export function alertTopicArn(site: Site): TemplateString {
  return site.existingTopicArn ?? ref(site.ids.alertTopic, "arn");
}

/** The new topic and its subscriptions; nothing for an existing topic. */
export function alertTopicResources(
  site: Site,
  input: ResolvedInput,
  tags: Tags,
  isUnresolved: (value: unknown) => boolean,
): ResourceSpec[] {
  const resources: ResourceSpec[] = [];
  const topicArn = alertTopicArn(site);
  if (site.existingTopicArn === undefined) {
    resources.push({
      kind: "snsTopic",
      logicalId: site.ids.alertTopic,
      ...site.place,
      settings: { name: monitoringNames(input.clusterName).alertTopic, tags },
    });
  }
  if (isUnresolved(input.alertEmails)) {
    // A list only the engine knows (a Terraform variable): one subscription per element.
    resources.push({
      kind: "snsTopicSubscription",
      logicalId: site.ids.alertSubscriptions,
      ...site.place,
      forEach: input.alertEmails,
      settings: { topicArn, protocol: "email", endpoint: EACH_VALUE },
    });
  } else {
    input.alertEmails.forEach((email, index) => {
      resources.push({
        kind: "snsTopicSubscription",
        logicalId: site.ids.alertSubscription(index),
        ...site.place,
        settings: { topicArn, protocol: "email", endpoint: email },
      });
    });
  }
  return resources;
}

/** The new topic's access policy, once the rules and alarms that publish to it exist. */
export function alertTopicPolicyResources(site: Site, ruleIds: string[], alarmIds: string[]): ResourceSpec[] {
  if (site.existingTopicArn !== undefined) return [];
  const topicArn = alertTopicArn(site);
  const arns = (ids: string[]): Ref[] => ids.map((id) => ref(id, "arn"));
  return [
    {
      kind: "snsTopicPolicy",
      logicalId: site.ids.alertTopicPolicy,
      ...site.place,
      settings: { arn: topicArn, policy: jsonDocument(buildAlertTopicPolicy(topicArn, arns(ruleIds), arns(alarmIds))) },
    },
  ];
}
