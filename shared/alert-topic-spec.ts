// Where one site's alerts go: a new SNS topic with email subscriptions, or a topic the user has.
// The topic is never encrypted with the monitored key: a disabled key must not silence the alarm
// about itself.
import { buildAlertTopicPolicy } from "./alert-topic-policy";
import { type Choices, compact, isSet, not } from "./conditions";
import { monitoringNames } from "./names";
import type { MonitoringInput, ResourcePlace, SitePlace } from "./site";
import type { ResourceSpec } from "./spec-types";
import { EACH_VALUE, jsonDocument, named, type Ref, ref, type TemplateString } from "./template";

const existingTopic = isSet("alertTopicArn");

/** The topic's ARN: the existing one, or the new topic's. */
export function alertTopicArn(site: SitePlace, input: MonitoringInput, choices: Choices): TemplateString {
  return named("alertTopicArn", choices.choose(existingTopic, input.alertTopicArn as TemplateString, ref(site.ids.alertTopic, "arn")));
}

/** A resource that exists only without an existing topic. */
function withNewTopic(resource: ResourceSpec, choices: Choices): ResourceSpec[] {
  const decided = choices.decide(not(existingTopic));
  if (decided === false) return [];
  return [decided === true ? resource : { ...resource, when: decided }];
}

/** The new topic and its subscriptions (to whichever topic the alerts go to). */
export function alertTopicResources(
  site: SitePlace,
  place: ResourcePlace,
  input: MonitoringInput,
  topicArn: TemplateString,
  choices: Choices,
): ResourceSpec[] {
  const resources = withNewTopic(
    {
      kind: "snsTopic",
      logicalId: site.ids.alertTopic,
      ...place,
      settings: compact({
        name: monitoringNames(input.clusterName).alertTopic,
        kmsMasterKeyId: choices.when(isSet("alertTopicKmsKeyArn"), () => input.alertTopicKmsKeyArn as TemplateString),
        tags: input.tags,
      }),
    },
    choices,
  );
  if (choices.knowledge.isUnknown(input.alertEmails)) {
    // A list only the engine knows (a Terraform variable): one subscription per element.
    resources.push({
      kind: "snsTopicSubscription",
      logicalId: site.ids.alertSubscriptions,
      ...place,
      forEach: input.alertEmails,
      settings: { topicArn, protocol: "email", endpoint: EACH_VALUE },
    });
  } else {
    (input.alertEmails as readonly TemplateString[]).forEach((email, index) => {
      resources.push({
        kind: "snsTopicSubscription",
        logicalId: site.ids.alertSubscription(index),
        ...place,
        settings: { topicArn, protocol: "email", endpoint: email },
      });
    });
  }
  return resources;
}

/** The new topic's access policy, once the rules and alarms that publish to it exist. */
export function alertTopicPolicyResources(
  site: SitePlace,
  place: ResourcePlace,
  topicArn: TemplateString,
  choices: Choices,
  ruleArns: Ref[],
  alarmArns: Ref[],
): ResourceSpec[] {
  return withNewTopic(
    {
      kind: "snsTopicPolicy",
      logicalId: site.ids.alertTopicPolicy,
      ...place,
      settings: { arn: topicArn, policy: jsonDocument(buildAlertTopicPolicy(topicArn, ruleArns, alarmArns)) },
    },
    choices,
  );
}
