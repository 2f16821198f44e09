// The watch on the watchers: calls that would silence a site's alerts raise one themselves.
// Records are AWS's StartLogging example (CloudTrail log event reference) with eventSource,
// eventName and requestParameters changed as CloudTrail fills them: the request's parameters,
// named as each API reference names them, first letter lower-case. AWS publishes no example
// record for DeleteRule, DeleteAlarms or Unsubscribe: those shapes are inferred, said in the notes.
import { expect } from "chai";
import { buildByokSpec, buildEventPattern, buildMonitoringChangesPattern } from "../../shared";
import { MAX_EVENT_PATTERN_LENGTH, monitoringChangesPattern } from "../../shared/checks/document-sizes";
import { MAX_CLUSTER_NAME_LENGTH, monitoringNames } from "../../shared/names";
import { REGIONS_BY_PARTITION } from "../../shared/regions";
import { matchesEventPattern } from "../support/event-pattern-matcher";
import { CAMUNDA_ROLE_ARN, loadCloudTrailRecords, validInput } from "../support/fixtures";

const records = loadCloudTrailRecords();
const TOPIC = "arn:aws:sns:eu-central-1:111122223333:camunda-byok-payments-prod-alerts";
const PREFIX = "camunda-byok-payments-prod-";
const names = monitoringNames("payments-prod");

/** A call as CloudTrail records it, from AWS's StartLogging example. */
function call(eventSource: string, eventName: string, requestParameters: object): any {
  const event = structuredClone(records.events.StartLogging);
  event.source = `aws.${eventSource.split(".")[0]}`;
  event.detail.eventSource = eventSource;
  event.detail.eventName = eventName;
  event.detail.requestParameters = requestParameters;
  return event;
}

describe("monitoring changes", () => {
  const watcher = buildMonitoringChangesPattern({ namePrefix: PREFIX, alertTopicArn: TOPIC });
  const matches = (event: any) => matchesEventPattern(watcher, event);

  it("alerts when any trail in the region stops logging, is deleted or re-scoped; not when one starts", () => {
    for (const eventName of ["StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors"]) {
      expect(matches(call("cloudtrail.amazonaws.com", eventName, { name: "myTrail" })), eventName).to.equal(true);
    }
    expect(matches(records.events.StartLogging)).to.equal(false);
  });

  it("alerts when one of the site's rules is deleted, disabled, rewritten or re-targeted", () => {
    for (const rule of [names.keyEventsRule, names.accessDeniedRule, names.monitoringChangesRule]) {
      for (const eventName of ["DeleteRule", "DisableRule", "PutRule"]) {
        expect(matches(call("events.amazonaws.com", eventName, { name: rule })), `${eventName} ${rule}`).to.equal(true);
      }
      for (const eventName of ["RemoveTargets", "PutTargets"]) {
        expect(matches(call("events.amazonaws.com", eventName, { rule, ids: ["alert-topic"] })), `${eventName} ${rule}`).to.equal(true);
      }
    }
    expect(matches(call("events.amazonaws.com", "DeleteRule", { name: "billing-nightly" }))).to.equal(false);
    expect(matches(call("events.amazonaws.com", "EnableRule", { name: names.keyEventsRule }))).to.equal(false);
  });

  it("alerts when one of the site's alarms is deleted, muted or rewritten, even among others", () => {
    const alarm = names.alarm;
    expect(matches(call("monitoring.amazonaws.com", "DeleteAlarms", { alarmNames: ["billing-high", alarm] }))).to.equal(true);
    expect(matches(call("monitoring.amazonaws.com", "DisableAlarmActions", { alarmNames: [alarm] }))).to.equal(true);
    expect(matches(call("monitoring.amazonaws.com", "PutMetricAlarm", { alarmName: alarm, threshold: 1000 }))).to.equal(true);
    expect(matches(call("monitoring.amazonaws.com", "DeleteAlarms", { alarmNames: ["billing-high"] }))).to.equal(false);
    expect(matches(call("monitoring.amazonaws.com", "EnableAlarmActions", { alarmNames: [alarm] }))).to.equal(false);
  });

  it("alerts when the site's topic is deleted, re-configured or loses a subscriber; not for another topic", () => {
    for (const eventName of ["DeleteTopic", "SetTopicAttributes", "RemovePermission"]) {
      expect(matches(call("sns.amazonaws.com", eventName, { topicArn: TOPIC })), eventName).to.equal(true);
    }
    expect(
      matches(call("sns.amazonaws.com", "Unsubscribe", { subscriptionArn: `${TOPIC}:0a1b2c3d-4e5f-6789-abcd-ef0123456789` })),
    ).to.equal(true);
    // A topic whose name merely starts with ours: the subscription's prefix ends at the colon.
    expect(matches(call("sns.amazonaws.com", "Unsubscribe", { subscriptionArn: `${TOPIC}-2:0a1b2c3d-4e5f` }))).to.equal(false);
    expect(matches(call("sns.amazonaws.com", "DeleteTopic", { topicArn: `${TOPIC}-2` }))).to.equal(false);
  });

  it("is itself watched: the key-events rule alerts when the watcher rule is deleted, disabled or re-targeted", () => {
    const keyEvents = buildEventPattern({
      keyArn: "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
      monitoringChangesRuleName: names.monitoringChangesRule,
    });
    for (const eventName of ["DeleteRule", "DisableRule", "PutRule"]) {
      expect(matchesEventPattern(keyEvents, call("events.amazonaws.com", eventName, { name: names.monitoringChangesRule }))).to.equal(true);
    }
    expect(matchesEventPattern(keyEvents, call("events.amazonaws.com", "RemoveTargets", { rule: names.monitoringChangesRule }))).to.equal(
      true,
    );
    expect(matchesEventPattern(keyEvents, call("events.amazonaws.com", "DeleteRule", { name: "billing-nightly" }))).to.equal(false);
  });

  it("covers every rule and alarm the spec creates in a site: all their names start with the prefix", () => {
    const spec = buildByokSpec(validInput({ backupRegion: "eu-west-1" }));
    const named = spec.resources.flatMap((r) => {
      if (r.kind === "eventRule") return [String(r.settings.name)];
      if (r.kind === "metricAlarm") return [String(r.settings.alarmName)];
      return [];
    });
    expect(named.length).to.equal(16); // three rules and five alarms in each site
    for (const name of named) expect(name.startsWith(PREFIX), name).to.equal(true);
    const watchers = spec.resources.filter((r) => r.kind === "eventRule" && r.logicalId.endsWith("monitoring-changes"));
    expect(watchers.map((r) => r.region ?? spec.regions.primary)).to.deep.equal(["eu-central-1", "eu-west-1"]);
  });

  it("fits EventBridge's 2,048 characters with the longest cluster name and its own topic in the longest region", () => {
    const cluster = "c".repeat(MAX_CLUSTER_NAME_LENGTH);
    const region = Object.values(REGIONS_BY_PARTITION)
      .flat()
      .reduce((a, b) => (b.length > a.length ? b : a));
    const topic = `arn:aws-us-gov:sns:${region}:000000000000:camunda-byok-${cluster}-alerts`;
    expect(monitoringChangesPattern(cluster, topic).length).to.be.at.most(MAX_EVENT_PATTERN_LENGTH);
  });
});
