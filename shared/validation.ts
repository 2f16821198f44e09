import { describeBadPrincipal, parseAdministratorArn, parseRoleArn, parseTopicArn, ROLE_ARN_PATTERN } from "./arns";
import { Checker, describe, type DeferredCheck } from "./checker";
import { ByokValidationError, type ByokProblem } from "./errors";
import { DEFAULTS, type ByokInput } from "./inputs";
import {
  buildKeyPolicyTemplate,
  keyPolicyBytes,
  keyPolicyBytesUpperBound,
  MAX_KEY_POLICY_BYTES,
  type PolicyDocument,
} from "./key-policy";
import { CLUSTER_TAG_KEY, MANAGED_BY_TAG, MAX_CLUSTER_NAME_LENGTH } from "./names";
import { isCamundaBackupPair, partitionOfRegion, PARTITIONS, REGIONS_BY_PARTITION, type Partition } from "./regions";

export type { DeferredCheck } from "./checker";

export interface ValidationOptions {
  /**
   * Tells a value the engine only knows at deploy time (a Terraform token, an unresolved Pulumi
   * Output): checks that need such a value are skipped, never failed.
   */
  isUnresolved?: (value: unknown) => boolean;
  /** The deploying account, when known: makes the lockout check exact. */
  keyAccountId?: string;
  /** The region the engine's AWS provider deploys to, when known: it must be clusterRegion. */
  providerRegion?: string;
}

export interface ValidationResult {
  /** Things that deploy but deserve a look, each naming its input. */
  warnings: ByokProblem[];
  /** Checks skipped because their value is not known yet. */
  deferred: DeferredCheck[];
  /** The key's partition, when the inputs reveal it. */
  partition?: Partition;
}

const INPUT_NAMES: readonly (keyof ByokInput)[] = [
  "camundaClusterRoleArn",
  "clusterRegion",
  "clusterName",
  "backupRegion",
  "keyAdministratorArns",
  "enableDefaultAccountAccess",
  "restrictGrantsToAwsResources",
  "aliasName",
  "deletionWindowInDays",
  "enableKeyRotation",
  "rotationPeriodInDays",
  "preventDestroy",
  "alertEmails",
  "alertTopicArn",
  "backupAlertTopicArn",
  "monitoredEventNames",
  "monitorAccessDenied",
  "tags",
];

const CLUSTER_NAME = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,${MAX_CLUSTER_NAME_LENGTH - 1}}$`);
const ALIAS_NAME = /^alias\/[A-Za-z0-9/_-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EVENT_NAME = /^[A-Z][A-Za-z0-9]{2,63}$/;
const REGION_SHAPE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
const ACCOUNT_ID = /^\d{12}$/;
/** AWS tags: at most 50 per resource, keys up to 128 and values up to 256 characters. */
const MAX_TAGS = 50;

/**
 * Checks every input and throws one ByokValidationError listing all problems, each naming its
 * input. Returns warnings for things that deploy but deserve a look.
 */
export function validateByokInput(input: ByokInput, options: ValidationOptions = {}): ValidationResult {
  const check = new Checker(options.isUnresolved ?? (() => false));
  if (typeof input !== "object" || input === null) {
    throw new ByokValidationError([{ input: "input", message: `must be an object (got ${describe(input)})` }]);
  }
  for (const name of Object.keys(input)) {
    if (!(INPUT_NAMES as readonly string[]).includes(name)) {
      check.problem(name, `is not an input of camunda-byok-kms (inputs: ${INPUT_NAMES.join(", ")})`);
    }
  }

  const partition = checkRegions(check, input);
  if (options.providerRegion !== undefined && check.known(options.providerRegion) && check.known(input.clusterRegion)
    && options.providerRegion !== input.clusterRegion) {
    check.problem("clusterRegion", providerRegionMismatch(String(input.clusterRegion), options.providerRegion));
  }
  const rolePartition = checkRoleArn(check, input.camundaClusterRoleArn, partition);
  const keyPartition = partition ?? rolePartition;
  checkClusterName(check, input.clusterName);
  checkAdministrators(check, input, keyPartition, options.keyAccountId);
  checkKeySettings(check, input);
  checkAlerts(check, input, keyPartition);
  checkMonitoredEvents(check, input.monitoredEventNames);
  checkTags(check, input.tags);
  if (check.problems.length === 0) checkPolicySize(check, input);

  if (check.problems.length > 0) throw new ByokValidationError(check.problems);
  return { warnings: check.warnings, deferred: check.deferred, partition: keyPartition };
}

/** The key must live in the cluster's region, and the key is created in the provider's region. */
export function providerRegionMismatch(clusterRegion: string, providerRegion: string): string {
  return `is "${clusterRegion}", but the AWS provider deploys to "${providerRegion}": the key must live in the cluster's region, so configure the provider for "${clusterRegion}"`;
}

function checkRegions(check: Checker, input: ByokInput): Partition | undefined {
  let partition: Partition | undefined;
  if (input.clusterRegion === undefined) {
    check.problem("clusterRegion", "is required: the AWS region of the Camunda cluster, e.g. eu-central-1");
  } else {
    const regions = PARTITIONS.flatMap((p) => REGIONS_BY_PARTITION[p]);
    check.unlessPending(input.clusterRegion, { input: "clusterRegion", message: "must be an AWS region this version of camunda-byok-kms knows", kind: "oneOf", values: regions }, () => {
      if (check.string("clusterRegion", input.clusterRegion)) partition = checkRegion(check, "clusterRegion", input.clusterRegion);
    });
  }
  const backup = input.backupRegion;
  if (check.known(backup) && check.string("backupRegion", backup)) {
    const backupPartition = checkRegion(check, "backupRegion", backup);
    if (backup === input.clusterRegion) {
      check.problem("backupRegion", `must differ from clusterRegion (both are "${backup}")`);
    } else if (backupPartition && partition && backupPartition !== partition) {
      check.problem("backupRegion", `is in partition ${backupPartition}, but clusterRegion "${input.clusterRegion}" is in ${partition}`);
    } else if (typeof input.clusterRegion === "string" && partition && backupPartition
      && !isCamundaBackupPair(input.clusterRegion, backup)) {
      check.warn("backupRegion", `"${backup}" is not the backup region Camunda pairs with "${input.clusterRegion}" today; check the Camunda Console before deploying`);
    }
  }
  return partition;
}

function checkRegion(check: Checker, name: string, region: string): Partition | undefined {
  const partition = partitionOfRegion(region);
  if (partition) return partition;
  if (REGION_SHAPE.test(region)) {
    check.problem(name, `"${region}" is not a region this version of camunda-byok-kms knows; if AWS opened it recently, upgrade the package`);
  } else {
    check.problem(name, `must be an AWS region such as eu-central-1 (got ${describe(region)})`);
  }
  return undefined;
}

function checkRoleArn(check: Checker, arn: unknown, keyPartition: Partition | undefined): Partition | undefined {
  const name = "camundaClusterRoleArn";
  if (arn === undefined || arn === "") {
    check.problem(name, "is required: the Camunda cluster IAM role ARN the Camunda Console shows for a cluster with Encryption at rest = External");
    return undefined;
  }
  if (!check.known(arn)) {
    check.unlessPending(arn, { input: name, message: "must be an IAM role ARN like arn:aws:iam::123456789012:role/path/name", kind: "matches", pattern: ROLE_ARN_PATTERN }, () => {});
    return undefined;
  }
  if (!check.string(name, arn)) return undefined;
  const parsed = parseRoleArn(arn);
  if (!parsed) {
    check.problem(name, describeBadPrincipal(arn, "role"));
    return undefined;
  }
  if (keyPartition && parsed.partition !== keyPartition) {
    check.problem(name, `is in partition ${parsed.partition}, but the key's region is in ${keyPartition}`);
  }
  return parsed.partition;
}

function checkClusterName(check: Checker, clusterName: unknown): void {
  if (clusterName === undefined || clusterName === "") {
    check.problem("clusterName", "is required: a short name for the cluster, used in resource names and tags");
    return;
  }
  const message = `must be 1-${MAX_CLUSTER_NAME_LENGTH} letters, digits, "-" or "_", starting with a letter or digit`;
  check.unlessPending(clusterName, { input: "clusterName", message, kind: "matches", pattern: CLUSTER_NAME.source }, () => {
    if (check.string("clusterName", clusterName) && !CLUSTER_NAME.test(clusterName)) {
      check.problem("clusterName", `${message} (got ${describe(clusterName)})`);
    }
  });
}

function checkAdministrators(
  check: Checker,
  input: ByokInput,
  keyPartition: Partition | undefined,
  keyAccountId: string | undefined,
): void {
  check.boolean("enableDefaultAccountAccess", input.enableDefaultAccountAccess);
  if (keyAccountId !== undefined && check.known(keyAccountId) && !ACCOUNT_ID.test(keyAccountId)) {
    check.problem("keyAccountId", `must be a 12-digit AWS account id (got ${describe(keyAccountId)})`);
  }
  const administrators = check.list("keyAdministratorArns", input.keyAdministratorArns);
  const accounts: string[] = [];
  for (const admin of administrators) {
    if (!check.string(admin.name, admin.value)) continue;
    const parsed = parseAdministratorArn(admin.value);
    if (!parsed) {
      check.problem(admin.name, describeBadPrincipal(admin.value, "role, user or root"));
    } else if (keyPartition && parsed.partition !== keyPartition) {
      check.problem(admin.name, `is in partition ${parsed.partition}, but the key is in ${keyPartition}`);
    } else if (admin.value === input.camundaClusterRoleArn) {
      check.problem(admin.name, "is the Camunda cluster role, which may use the key but must never manage it");
    } else {
      accounts.push(parsed.accountId);
    }
  }
  // Without the account statement someone in the key's account must keep PutKeyPolicy, or AWS
  // rejects the policy (MalformedPolicyDocumentException) and the key could never be managed again.
  if (input.enableDefaultAccountAccess !== false) return;
  const list = input.keyAdministratorArns;
  if (list === undefined || (Array.isArray(list) && list.length === 0)) {
    check.problem("keyAdministratorArns", "must name at least one administrator when enableDefaultAccountAccess is false, or nobody could manage the key (AWS rejects such a policy)");
    return;
  }
  const everyAccountKnown = Array.isArray(list) && accounts.length === list.length;
  if (everyAccountKnown && keyAccountId !== undefined && check.known(keyAccountId) && !accounts.includes(keyAccountId)) {
    check.problem("keyAdministratorArns", `must name an administrator in the key's account ${keyAccountId} when enableDefaultAccountAccess is false, or nobody there could manage the key`);
  }
}

function checkKeySettings(check: Checker, input: ByokInput): void {
  check.boolean("restrictGrantsToAwsResources", input.restrictGrantsToAwsResources);
  check.boolean("enableKeyRotation", input.enableKeyRotation);
  check.boolean("preventDestroy", input.preventDestroy);
  check.boolean("monitorAccessDenied", input.monitorAccessDenied);
  check.integerInRange("deletionWindowInDays", input.deletionWindowInDays, 7, 30, "days");
  check.integerInRange("rotationPeriodInDays", input.rotationPeriodInDays, 90, 2560, "days");
  if (input.enableKeyRotation === false && input.rotationPeriodInDays !== undefined) {
    check.warn("rotationPeriodInDays", "is ignored because enableKeyRotation is false");
  }
  const alias = input.aliasName;
  if (!check.known(alias) || !check.string("aliasName", alias)) return;
  if (!alias.startsWith("alias/")) {
    check.problem("aliasName", `must start with "alias/" (got ${describe(alias)})`);
  } else if (alias.toLowerCase().startsWith("alias/aws/")) {
    check.problem("aliasName", `must not start with "alias/aws/", which AWS reserves for AWS managed keys (got ${describe(alias)})`);
  } else if (!ALIAS_NAME.test(alias) || alias.length > 256) {
    check.problem("aliasName", `must be at most 256 characters of letters, digits, "/", "_" and "-" after "alias/" (got ${describe(alias)})`);
  }
}

function checkAlerts(check: Checker, input: ByokInput, keyPartition: Partition | undefined): void {
  const seen = new Set<string>();
  const emails = check.list("alertEmails", input.alertEmails);
  for (const email of emails) {
    if (!check.string(email.name, email.value)) continue;
    if (!EMAIL.test(email.value)) check.problem(email.name, `must be an email address (got ${describe(email.value)})`);
    else if (seen.has(email.value.toLowerCase())) check.problem(email.name, `repeats ${describe(email.value)}`);
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
    check.problem("backupAlertTopicArn", "is required with alertTopicArn and backupRegion: alarms and EventBridge rules can only notify a topic in their own region");
  }
  const noEmails = Array.isArray(input.alertEmails) ? input.alertEmails.length === 0 : input.alertEmails === undefined;
  if (input.alertTopicArn === undefined && noEmails) {
    check.warn("alertEmails", "is empty and no alertTopicArn is given: alerts go to a new SNS topic nobody subscribes to yet");
  }
  if (input.alertTopicArn !== undefined) {
    check.warn("alertTopicArn", "is an existing topic: its access policy must let events.amazonaws.com and cloudwatch.amazonaws.com publish (this package leaves a topic it did not create alone)");
  }
}

function checkTopicArn(
  check: Checker,
  name: string,
  arn: unknown,
  regionInput: string,
  region: unknown,
  keyPartition: Partition | undefined,
): void {
  if (!check.known(arn) || !check.string(name, arn)) return;
  const parsed = parseTopicArn(arn);
  if (!parsed) {
    check.problem(name, `must be an SNS topic ARN like arn:aws:sns:eu-central-1:123456789012:alerts (got ${describe(arn)})`);
  } else if (typeof region === "string" && check.known(region) && parsed.region !== region) {
    check.problem(name, `is in region ${parsed.region}, but must be in ${regionInput} "${region}": alarms and rules notify topics in their own region only`);
  } else if (keyPartition && parsed.partition !== keyPartition) {
    check.problem(name, `is in partition ${parsed.partition}, but the key is in ${keyPartition}`);
  }
}

function checkMonitoredEvents(check: Checker, names: unknown): void {
  if (!check.known(names)) return;
  const events = check.list("monitoredEventNames", names);
  if (Array.isArray(names) && names.length === 0) {
    check.problem("monitoredEventNames", "must name at least one event; leave it out for the defaults");
  }
  const seen = new Set<unknown>();
  for (const event of events) {
    if (!check.string(event.name, event.value)) continue;
    if (!EVENT_NAME.test(event.value)) {
      check.problem(event.name, `must be a KMS API name as CloudTrail records it, such as DisableKey (got ${describe(event.value)})`);
    } else if (seen.has(event.value)) {
      check.problem(event.name, `repeats ${describe(event.value)}`);
    }
    seen.add(event.value);
  }
}

function checkTags(check: Checker, tags: unknown): void {
  if (!check.known(tags)) return;
  if (typeof tags !== "object" || tags === null || Array.isArray(tags)) {
    check.problem("tags", `must be an object of tag names to values (got ${describe(tags)})`);
    return;
  }
  const reserved = [CLUSTER_TAG_KEY, ...Object.keys(MANAGED_BY_TAG)];
  const entries = Object.entries(tags);
  if (entries.length + reserved.length > MAX_TAGS) {
    check.problem("tags", `may hold at most ${MAX_TAGS - reserved.length} tags, as AWS allows ${MAX_TAGS} and the package sets ${reserved.length} (got ${entries.length})`);
  }
  for (const [key, value] of entries) {
    const name = `tags.${key}`;
    if (reserved.includes(key)) check.problem(name, "is set by camunda-byok-kms itself");
    else if (key.length === 0 || key.length > 128) check.problem(name, "tag names must be 1 to 128 characters");
    else if (key.toLowerCase().startsWith("aws:")) check.problem(name, 'tag names must not start with "aws:", which AWS reserves');
    if (!check.known(value)) continue;
    if (typeof value !== "string") check.problem(name, `must be a string (got ${describe(value)})`);
    else if (value.length > 256) check.problem(name, "tag values must be at most 256 characters");
  }
}

/** AWS counts the policy as sent; the account id is always 12 characters. */
function checkPolicySize(check: Checker, input: ByokInput, built?: PolicyDocument<unknown>): void {
  const strings = {
    camundaClusterRoleArn: check.known(input.camundaClusterRoleArn) ? String(input.camundaClusterRoleArn) : "",
    keyAccountId: "000000000000",
    partition: "aws-us-gov",
    keyAdministratorArns: (input.keyAdministratorArns ?? []).filter((arn) => check.known(arn)).map(String),
  };
  // Serializing is most of the cost of a policy; only a policy that might be too big needs it.
  if (keyPolicyBytesUpperBound(strings) <= MAX_KEY_POLICY_BYTES) return;
  const policy = built ?? buildKeyPolicyTemplate({
    ...strings,
    enableDefaultAccountAccess: input.enableDefaultAccountAccess ?? DEFAULTS.enableDefaultAccountAccess,
    restrictGrantsToAwsResources: input.restrictGrantsToAwsResources ?? DEFAULTS.restrictGrantsToAwsResources,
  });
  const bytes = keyPolicyBytes(policy);
  if (bytes > MAX_KEY_POLICY_BYTES) {
    check.problem("keyAdministratorArns", `make the key policy ${bytes} bytes, over AWS's limit of ${MAX_KEY_POLICY_BYTES}; use fewer administrators (an IAM role they assume, say)`);
  }
}

/** The inputs of the stand-alone key policy (`buildKeyPolicy`, the CLI). */
export interface KeyPolicyInput {
  /** The Camunda cluster role; its partition is the policy's. */
  camundaClusterRoleArn: string;
  /** The account that owns the key (12 digits). */
  keyAccountId: string;
  keyAdministratorArns?: string[];
  enableDefaultAccountAccess?: boolean;
  restrictGrantsToAwsResources?: boolean;
}

/**
 * The checks of validateByokInput that concern the key policy alone; throws ByokValidationError.
 * `built`, the policy already built from this input, spares building it again to measure it.
 */
export function validateKeyPolicyInput(input: KeyPolicyInput, built?: PolicyDocument<unknown>): Partition | undefined {
  const check = new Checker(() => false);
  if (input.keyAccountId === undefined || input.keyAccountId === "") {
    check.problem("keyAccountId", "is required: the 12-digit id of the AWS account that owns the key");
  }
  const partition = checkRoleArn(check, input.camundaClusterRoleArn, undefined);
  const byokInput = {
    camundaClusterRoleArn: input.camundaClusterRoleArn,
    keyAdministratorArns: input.keyAdministratorArns,
    enableDefaultAccountAccess: input.enableDefaultAccountAccess,
    restrictGrantsToAwsResources: input.restrictGrantsToAwsResources,
  } as ByokInput;
  checkAdministrators(check, byokInput, partition, input.keyAccountId || undefined);
  check.boolean("restrictGrantsToAwsResources", input.restrictGrantsToAwsResources);
  if (check.problems.length === 0) checkPolicySize(check, byokInput, built);
  if (check.problems.length > 0) throw new ByokValidationError(check.problems);
  return partition;
}
