import { parseTopicArn, SNS_TOPIC_ARN_PATTERN } from "../arns";
import { any, isNonEmpty, isSet, not } from "../conditions";
import type { ByokInput } from "../inputs";
import type { Partition } from "../regions";
import { type Checker, showValue } from "./checker";
import { checkArnPartition } from "./regions";

// Where alerts go.

/** Whitespace spelled out: JavaScript's `\s` knows Unicode spaces, RE2's (Terraform's) does not. */
const EMAIL = /^[^\t\n\v\f\r @]+@[^\t\n\v\f\r @]+\.[^\t\n\v\f\r @]+$/;

export function checkAlerts(check: Checker, input: ByokInput, keyPartition: Partition | undefined): void {
  const seen = new Set<string>();
  if (check.unknown(input.alertEmails)) {
    const value = input.alertEmails;
    check.later({ input: "alertEmails", value, message: "must hold only email addresses", kind: "eachMatches", pattern: EMAIL.source });
    check.later({ input: "alertEmails", value, message: "must not repeat an address", kind: "distinctElements", ignoreCase: true });
  }
  for (const email of check.list("alertEmails", input.alertEmails)) {
    if (!check.string(email.name, email.value)) continue;
    if (!EMAIL.test(email.value)) check.problem(email.name, `must be an email address (got ${showValue(email.value)})`);
    else if (seen.has(email.value.toLowerCase())) check.problem(email.name, `repeats ${showValue(email.value)}`);
    seen.add(email.value.toLowerCase());
  }
  checkTopicArn(check, "alertTopicArn", input.alertTopicArn, "clusterRegion", input.clusterRegion, keyPartition);
  checkTopicArn(check, "backupAlertTopicArn", input.backupAlertTopicArn, "backupRegion", input.backupRegion, keyPartition);
  checkArnPartition(check, "alertTopicArn", input.alertTopicArn, input.clusterRegion);
  checkArnPartition(check, "backupAlertTopicArn", input.backupAlertTopicArn, input.clusterRegion);

  const backupTopic = isSet("backupAlertTopicArn");
  check.require("backupAlertTopicArn", "is only used with backupRegion", any(not(backupTopic), isSet("backupRegion")));
  check.require(
    "backupAlertTopicArn",
    "is only used with alertTopicArn; without it both regions get a new topic",
    any(not(backupTopic), isSet("alertTopicArn")),
  );
  check.require(
    "backupAlertTopicArn",
    "is required with alertTopicArn and backupRegion: alarms and EventBridge rules can only notify a topic in their own region",
    any(not(isSet("alertTopicArn")), not(isSet("backupRegion")), backupTopic),
  );
  check.adviseUnless(
    "alertEmails",
    "is empty and no alertTopicArn is given: alerts go to a new SNS topic nobody subscribes to yet",
    any(isSet("alertTopicArn"), isNonEmpty("alertEmails")),
  );
}

export function checkTopicArn(
  check: Checker,
  name: string,
  arn: unknown,
  regionInput: string,
  region: unknown,
  keyPartition: Partition | undefined,
): void {
  if (check.unknown(arn)) {
    check.later({
      input: name,
      value: arn,
      message: "must be an SNS topic ARN like arn:aws:sns:eu-central-1:123456789012:alerts",
      kind: "matches",
      pattern: SNS_TOPIC_ARN_PATTERN,
    });
  }
  if (arn !== undefined && region !== undefined && (check.unknown(arn) || check.unknown(region))) {
    check.later({
      input: name,
      value: arn,
      message: `must be a topic in ${regionInput}: alarms and rules notify topics in their own region only`,
      kind: "arnInRegion",
      region,
      ...(check.choices.knowledge.mayBeNull(region) ? { when: isSet(regionInput) } : {}),
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
