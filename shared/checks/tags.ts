import { CLUSTER_TAG_KEY, MANAGED_BY_TAG } from "../names";
import { type Checker, showValue } from "./checker";

// The tags every resource gets: AWS's limits, and the package's own two.

/** AWS tags: at most 50 per resource, keys up to 128 and values up to 256 characters. */
const MAX_TAGS = 50;
const MAX_TAG_KEY_LENGTH = 128;
const MAX_TAG_VALUE_LENGTH = 256;
const RESERVED = [CLUSTER_TAG_KEY, ...Object.keys(MANAGED_BY_TAG)];

const TOO_MANY = `may hold at most ${MAX_TAGS - RESERVED.length} tags, as AWS allows ${MAX_TAGS} and the package sets ${RESERVED.length}`;
const RESERVED_KEY = "is set by camunda-byok-kms itself";
const KEY_LENGTH = `tag names must be 1 to ${MAX_TAG_KEY_LENGTH} characters`;
const AWS_PREFIX = 'tag names must not start with "aws:", which AWS reserves';
const VALUE_LENGTH = `tag values must be at most ${MAX_TAG_VALUE_LENGTH} characters`;

export function checkTags(check: Checker, tags: unknown): void {
  if (check.unknown(tags)) {
    const value = tags;
    check.later({ input: "tags", value, message: TOO_MANY, kind: "mapSizeAtMost", max: MAX_TAGS - RESERVED.length });
    check.later({ input: "tags", value, message: RESERVED_KEY, kind: "keysExclude", keys: RESERVED });
    check.later({
      input: "tags",
      value,
      message: KEY_LENGTH,
      kind: "eachKeyMatches",
      pattern: `(?s)^.{1,${MAX_TAG_KEY_LENGTH}}$`,
      negate: false,
    });
    check.later({ input: "tags", value, message: AWS_PREFIX, kind: "eachKeyMatches", pattern: "(?i)^aws:", negate: true });
    check.later({ input: "tags", value, message: VALUE_LENGTH, kind: "eachValueMatches", pattern: `(?s)^.{0,${MAX_TAG_VALUE_LENGTH}}$` });
  }
  if (!check.known(tags)) return;
  if (typeof tags !== "object" || tags === null || Array.isArray(tags)) {
    check.problem("tags", `must be an object of tag names to values (got ${showValue(tags)})`);
    return;
  }
  const entries = Object.entries(tags);
  if (entries.length + RESERVED.length > MAX_TAGS) check.problem("tags", `${TOO_MANY} (got ${entries.length})`);
  for (const [key, value] of entries) {
    const name = `tags.${key}`;
    if (RESERVED.includes(key)) check.problem(name, RESERVED_KEY);
    else if (key.length === 0 || key.length > MAX_TAG_KEY_LENGTH) check.problem(name, KEY_LENGTH);
    else if (key.toLowerCase().startsWith("aws:")) check.problem(name, AWS_PREFIX);
    if (!check.known(value)) continue;
    if (typeof value !== "string") check.problem(name, `must be a string (got ${showValue(value)})`);
    else if (value.length > MAX_TAG_VALUE_LENGTH) check.problem(name, VALUE_LENGTH);
  }
}
