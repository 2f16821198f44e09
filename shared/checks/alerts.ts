import { parseTopicArn, SNS_TOPIC_ARN_PATTERN } from "../arns";
import { showValue, type Checker } from "./checker";
import type { ByokInput } from "../inputs";
import type { Partition } from "../regions";

// Where alerts go and which calls raise them.

/** Whitespace spelled out: JavaScript's `\s` knows Unicode spaces, RE2's (Terraform's) does not. */
const EMAIL = /^[^\t\n\v\f\r @]+@[^\t\n\v\f\r @]+\.[^\t\n\v\f\r @]+$/;

const EVENT_NAME = /^[A-Z][A-Za-z0-9]{2,63}$/;

export function checkAlerts(check: Checker, input: ByokInput, keyPartition: Partition | undefined): void {
  const seen = new Set<string>();
  if (check.pending(input.alertEmails)) {
    const value = input.alertEmails;
    check.defer({ input: "alertEmails", value, message: "must hold only email addresses", kind: "eachMatches", pattern: EMAIL.source });
    check.defer({ input: "alertEmails", value, message: "must not repeat an address", kind: "distinctElements", ignoreCase: true });
  }
  const emails = check.list("alertEmails", input.alertEmails);
  for (const email of emails) {
    if (!check.string(email.name, email.value)) continue;
    if (!EMAIL.test(email.value)) check.problem(email.name, `must be an email address (got ${showValue(email.value)})`);
    else if (seen.has(email.value.toLowerCase())) check.problem(email.name, `repeats ${showValue(email.value)}`);
    seen.add(email.value.toLowerCase());
  }
  checkTopicArn(check, "alertTopicArn", input.alertTopicArn, "clusterRegion", input.clusterRegion, keyPartition);
  checkTopicArn(check, "backupAlertTopicArn", input.backupAlertTopicArn, "backupRegion", input.backupRegion, keyPartition);
  if (input.backupAlertTopicArn !== undefined && input.backupRegion === undefined) {
    check.problem("backupAlertTopicArn", "is only used with backupRegion");
  }
  if (input.backupAlertTopicArn !== undefined && input.alertTopicArn === undefined) {
    check.problem("backupAlertTopicArn", "is only used with alertTopicArn; without it both regions get a new topic");
  }
  if (input.alertTopicArn !== undefined && input.backupRegion !== undefined && input.backupAlertTopicArn === undefined) {
    check.problem(
      "backupAlertTopicArn",
      "is required with alertTopicArn and backupRegion: alarms and EventBridge rules can only notify a topic in their own region",
    );
  }
  const noEmails = Array.isArray(input.alertEmails) ? input.alertEmails.length === 0 : input.alertEmails === undefined;
  if (input.alertTopicArn === undefined && noEmails) {
    check.warn("alertEmails", "is empty and no alertTopicArn is given: alerts go to a new SNS topic nobody subscribes to yet");
  }
  if (input.alertTopicArn !== undefined) {
    check.warn(
      "alertTopicArn",
      "is an existing topic: its access policy must let events.amazonaws.com and cloudwatch.amazonaws.com publish, and if it is encrypted, its KMS key (never the monitored key) must let both services use it (kms:GenerateDataKey*, kms:Decrypt); this package leaves a topic it did not create alone, and alarms on failed deliveries",
    );
  }
}

export function checkTopicArn(
  check: Checker,
  name: string,
  arn: unknown,
  regionInput: string,
  region: unknown,
  keyPartition: Partition | undefined,
): void {
  if (check.pending(arn)) {
    check.defer({
      input: name,
      value: arn,
      message: "must be an SNS topic ARN like arn:aws:sns:eu-central-1:123456789012:alerts",
      kind: "matches",
      pattern: SNS_TOPIC_ARN_PATTERN,
    });
  }
  if (arn !== undefined && region !== undefined && (check.pending(arn) || check.pending(region))) {
    check.defer({
      input: name,
      value: arn,
      message: `must be a topic in ${regionInput}: alarms and rules notify topics in their own region only`,
      kind: "arnInRegion",
      region,
    });
  }
  if (!check.known(arn) || !check.string(name, arn)) return;
  const parsed = parseTopicArn(arn);
  if (!parsed) {
    check.problem(name, `must be an SNS topic ARN like arn:aws:sns:eu-central-1:123456789012:alerts (got ${showValue(arn)})`);
  } else if (typeof region === "string" && check.known(region) && parsed.region !== region) {
    check.problem(
      name,
      `is in region ${parsed.region}, but must be in ${regionInput} "${region}": alarms and rules notify topics in their own region only`,
    );
  } else if (keyPartition && parsed.partition !== keyPartition) {
    check.problem(name, `is in partition ${parsed.partition}, but the key is in ${keyPartition}`);
  }
}

export function checkMonitoredEvents(check: Checker, names: unknown): void {
  if (check.pending(names)) {
    const input = "monitoredEventNames";
    check.defer({ input, value: names, message: "must name at least one event; leave it out for the defaults", kind: "notEmpty" });
    check.defer({
      input,
      value: names,
      message: "must hold only KMS API names as CloudTrail records them, such as DisableKey",
      kind: "eachMatches",
      pattern: EVENT_NAME.source,
    });
    check.defer({ input, value: names, message: "must not repeat a name", kind: "distinctElements", ignoreCase: false });
  }
  if (!check.known(names)) return;
  const events = check.list("monitoredEventNames", names);
  if (Array.isArray(names) && names.length === 0) {
    check.problem("monitoredEventNames", "must name at least one event; leave it out for the defaults");
  }
  const seen = new Set<unknown>();
  for (const event of events) {
    if (!check.string(event.name, event.value)) continue;
    if (!EVENT_NAME.test(event.value)) {
      check.problem(event.name, `must be a KMS API name as CloudTrail records it, such as DisableKey (got ${showValue(event.value)})`);
    } else if (seen.has(event.value)) {
      check.problem(event.name, `repeats ${showValue(event.value)}`);
    }
    seen.add(event.value);
  }
}
