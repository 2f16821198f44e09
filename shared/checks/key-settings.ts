import { showValue, type Checker } from "./checker";
import type { ByokInput } from "../inputs";
import { CLUSTER_TAG_KEY, MANAGED_BY_TAG, MAX_CLUSTER_NAME_LENGTH } from "../names";

// The key's own settings, its names and its tags.

const CLUSTER_NAME = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,${MAX_CLUSTER_NAME_LENGTH - 1}}$`);

const ALIAS_NAME = /^alias\/[A-Za-z0-9/_-]+$/;
const MAX_ALIAS_LENGTH = 256;
/** The same rules as RE2 patterns, for an alias the engine knows only later. */
const DEFERRED_ALIAS_NAME = `^alias/[A-Za-z0-9/_-]{1,${MAX_ALIAS_LENGTH - "alias/".length}}$`;
const RESERVED_ALIAS_PREFIX = "(?i)^alias/aws/";

/** AWS tags: at most 50 per resource, keys up to 128 and values up to 256 characters. */
const MAX_TAGS = 50;
const MAX_TAG_KEY_LENGTH = 128;
const MAX_TAG_VALUE_LENGTH = 256;

export function checkClusterName(check: Checker, clusterName: unknown): void {
  if (clusterName === undefined || clusterName === "") {
    check.problem("clusterName", "is required: a short name for the cluster, used in resource names and tags");
    return;
  }
  const message = `must be 1-${MAX_CLUSTER_NAME_LENGTH} letters, digits, "-" or "_", starting with a letter or digit`;
  check.unlessPending(clusterName, { input: "clusterName", message, kind: "matches", pattern: CLUSTER_NAME.source }, () => {
    if (check.string("clusterName", clusterName) && !CLUSTER_NAME.test(clusterName)) {
      check.problem("clusterName", `${message} (got ${showValue(clusterName)})`);
    }
  });
}

export function checkKeySettings(check: Checker, input: ByokInput): void {
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
  if (check.pending(alias)) {
    check.defer({
      input: "aliasName",
      value: alias,
      message: `must start with "alias/" and be at most ${MAX_ALIAS_LENGTH} characters of letters, digits, "/", "_" and "-"`,
      kind: "matches",
      pattern: DEFERRED_ALIAS_NAME,
    });
    check.defer({
      input: "aliasName",
      value: alias,
      message: 'must not start with "alias/aws/", which AWS reserves for AWS managed keys',
      kind: "notMatches",
      pattern: RESERVED_ALIAS_PREFIX,
    });
  }
  if (!check.known(alias) || !check.string("aliasName", alias)) return;
  if (!alias.startsWith("alias/")) {
    check.problem("aliasName", `must start with "alias/" (got ${showValue(alias)})`);
  } else if (alias.toLowerCase().startsWith("alias/aws/")) {
    check.problem("aliasName", `must not start with "alias/aws/", which AWS reserves for AWS managed keys (got ${showValue(alias)})`);
  } else if (!ALIAS_NAME.test(alias) || alias.length > MAX_ALIAS_LENGTH) {
    check.problem(
      "aliasName",
      `must be at most ${MAX_ALIAS_LENGTH} characters of letters, digits, "/", "_" and "-" after "alias/" (got ${showValue(alias)})`,
    );
  }
}

export function checkTags(check: Checker, tags: unknown): void {
  const reserved = [CLUSTER_TAG_KEY, ...Object.keys(MANAGED_BY_TAG)];
  if (check.pending(tags)) {
    check.defer({
      input: "tags",
      value: tags,
      message: `must hold at most ${MAX_TAGS - reserved.length} tags, with names of 1 to ${MAX_TAG_KEY_LENGTH} characters that do not start with "aws:" and values of at most ${MAX_TAG_VALUE_LENGTH} characters, and leave ${reserved.map((key) => `"${key}"`).join(" and ")} to camunda-byok-kms`,
      kind: "mapEntries",
      maxEntries: MAX_TAGS - reserved.length,
      keyPattern: `(?s)^.{1,${MAX_TAG_KEY_LENGTH}}$`,
      keyExcludedPattern: "(?i)^aws:",
      reservedKeys: reserved,
      valuePattern: `(?s)^.{0,${MAX_TAG_VALUE_LENGTH}}$`,
    });
  }
  if (!check.known(tags)) return;
  if (typeof tags !== "object" || tags === null || Array.isArray(tags)) {
    check.problem("tags", `must be an object of tag names to values (got ${showValue(tags)})`);
    return;
  }
  const entries = Object.entries(tags);
  if (entries.length + reserved.length > MAX_TAGS) {
    check.problem(
      "tags",
      `may hold at most ${MAX_TAGS - reserved.length} tags, as AWS allows ${MAX_TAGS} and the package sets ${reserved.length} (got ${entries.length})`,
    );
  }
  for (const [key, value] of entries) {
    const name = `tags.${key}`;
    if (reserved.includes(key)) check.problem(name, "is set by camunda-byok-kms itself");
    else if (key.length === 0 || key.length > MAX_TAG_KEY_LENGTH)
      check.problem(name, `tag names must be 1 to ${MAX_TAG_KEY_LENGTH} characters`);
    else if (key.toLowerCase().startsWith("aws:")) check.problem(name, 'tag names must not start with "aws:", which AWS reserves');
    if (!check.known(value)) continue;
    if (typeof value !== "string") check.problem(name, `must be a string (got ${showValue(value)})`);
    else if (value.length > MAX_TAG_VALUE_LENGTH) check.problem(name, `tag values must be at most ${MAX_TAG_VALUE_LENGTH} characters`);
  }
}
