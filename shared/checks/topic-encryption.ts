import { adoptedKeyId } from "./adoption";
import { parseKmsKeyArn } from "../arns";
import { any, isSet, not } from "../conditions";
import type { ByokInput } from "../inputs";
import { defaultAliasName } from "../names";
import type { Partition } from "../regions";
import { type Checker, showValue } from "./checker";
import { checkArnPartition } from "./regions";

// The alert topics' own encryption (alertTopicKmsKeyArn, backupAlertTopicKmsKeyArn): a KMS key
// ARN in the topic's region, never the key the topics alert about.

/** The same shape as parseKmsKeyArn's, in RE2 (Terraform's regex). */
const KMS_KEY_OR_ALIAS_ARN_PATTERN =
  "^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:[0-9]{12}:(key/[A-Za-z0-9_-]{1,64}|alias/[A-Za-z0-9/_-]{1,250})$";
const SHAPE = "must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>) or alias ARN";

function checkKeyArn(
  check: Checker,
  name: "alertTopicKmsKeyArn" | "backupAlertTopicKmsKeyArn",
  arn: unknown,
  regionInput: "clusterRegion" | "backupRegion",
  region: unknown,
  partition: Partition | undefined,
  input: ByokInput,
): void {
  if (arn === undefined) return;
  const watched = "must not be the key the alerts watch: an alert about the key would need the key to be delivered";
  // The package's alias: aliasName, else the cluster name's (a choice where aliasName is known later).
  const alias =
    typeof input.clusterName === "string"
      ? check.choices.choose(isSet("aliasName"), input.aliasName as string, defaultAliasName(input.clusterName))
      : input.aliasName;
  const aliasKnown = typeof alias === "string" && check.known(alias);
  if (check.unknown(arn) || check.unknown(input.adoptKeyId) || (alias !== undefined && !aliasKnown)) {
    // Known only later: the names after the last "/" (a key id, an alias's name) must differ.
    for (const other of [input.adoptKeyId, alias]) {
      if (other === undefined) continue;
      check.later({
        input: name,
        value: arn,
        message: watched,
        kind: "lastPartDiffers",
        other,
        ...(other === input.adoptKeyId && check.choices.knowledge.mayBeNull(other) ? { when: isSet("adoptKeyId") } : {}),
      });
    }
  }
  if (check.unknown(arn)) {
    check.later({ input: name, value: arn, message: SHAPE, kind: "matches", pattern: KMS_KEY_OR_ALIAS_ARN_PATTERN });
    if (region !== undefined)
      check.later({
        input: name,
        value: arn,
        message: `must be a key in ${regionInput}: an SNS topic is encrypted with a key of its own region`,
        kind: "arnInRegion",
        region,
        ...(check.choices.knowledge.mayBeNull(region) ? { when: isSet(regionInput) } : {}),
      });
    return;
  }
  if (!check.string(name, arn)) return;
  const parsed = parseKmsKeyArn(arn);
  if (!parsed) {
    check.problem(name, `${SHAPE} (got ${showValue(arn)})`);
    return;
  }
  if (typeof region === "string" && check.known(region) && parsed.region !== region)
    check.problem(
      name,
      `is in region ${parsed.region}, but must be in ${regionInput} "${region}": an SNS topic is encrypted with a key of its own region`,
    );
  else if (partition && parsed.partition !== partition)
    check.problem(name, `is in partition ${parsed.partition}, but the key is in ${partition}`);
  // The key watched, adopted or named by its alias: a disabled key would silence the alarm about itself.
  const adopted = typeof input.adoptKeyId === "string" && check.known(input.adoptKeyId) ? adoptedKeyId(input.adoptKeyId) : undefined;
  const names = parsed.resource.slice(parsed.resource.indexOf("/") + 1);
  if ((!parsed.isAlias && adopted !== undefined && names === adopted) || (parsed.isAlias && aliasKnown && parsed.resource === alias)) {
    check.problem(name, `${watched} (got ${showValue(arn)})`);
  }
}

export function checkTopicEncryption(check: Checker, input: ByokInput, partition: Partition | undefined): void {
  checkKeyArn(check, "alertTopicKmsKeyArn", input.alertTopicKmsKeyArn, "clusterRegion", input.clusterRegion, partition, input);
  checkKeyArn(check, "backupAlertTopicKmsKeyArn", input.backupAlertTopicKmsKeyArn, "backupRegion", input.backupRegion, partition, input);
  checkArnPartition(check, "alertTopicKmsKeyArn", input.alertTopicKmsKeyArn, input.clusterRegion);
  checkArnPartition(check, "backupAlertTopicKmsKeyArn", input.backupAlertTopicKmsKeyArn, input.clusterRegion);

  const key = isSet("alertTopicKmsKeyArn");
  const backupKey = isSet("backupAlertTopicKmsKeyArn");
  check.require(
    "alertTopicKmsKeyArn",
    "is only used for the package's new topic: an existing alertTopicArn is encrypted (or not) by its own settings",
    any(not(key), not(isSet("alertTopicArn"))),
  );
  check.require("backupAlertTopicKmsKeyArn", "is only used with backupRegion", any(not(backupKey), isSet("backupRegion")));
  check.require("backupAlertTopicKmsKeyArn", "is only used with alertTopicKmsKeyArn", any(not(backupKey), key));
  check.require(
    "backupAlertTopicKmsKeyArn",
    "is required with alertTopicKmsKeyArn and backupRegion: the replica's topic is encrypted with a key in backupRegion",
    any(not(key), not(isSet("backupRegion")), backupKey),
  );
}
