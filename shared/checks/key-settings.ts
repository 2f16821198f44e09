import type { ByokInput } from "../inputs";
import { MAX_CLUSTER_NAME_LENGTH } from "../names";
import { type Checker, showValue } from "./checker";

// The key's own settings and its names.

const CLUSTER_NAME = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,${MAX_CLUSTER_NAME_LENGTH - 1}}$`);

const ALIAS_NAME = /^alias\/[A-Za-z0-9/_-]+$/;
const MAX_ALIAS_LENGTH = 256;
/** The same rules as RE2 patterns, for an alias the engine knows only later. */
const ALIAS_NAME_PATTERN = `^alias/[A-Za-z0-9/_-]{1,${MAX_ALIAS_LENGTH - "alias/".length}}$`;
const RESERVED_ALIAS_PREFIX = "(?i)^alias/aws/";

export function checkClusterName(check: Checker, clusterName: unknown): void {
  if (clusterName === undefined || clusterName === "") {
    check.problem("clusterName", "is required: a short name for the cluster, used in resource names and tags");
    return;
  }
  const message = `must be 1-${MAX_CLUSTER_NAME_LENGTH} letters, digits, "-" or "_", starting with a letter or digit`;
  check.unlessUnknown(clusterName, { input: "clusterName", message, kind: "matches", pattern: CLUSTER_NAME.source }, () => {
    if (check.string("clusterName", clusterName) && !CLUSTER_NAME.test(clusterName)) {
      check.problem("clusterName", `${message} (got ${showValue(clusterName)})`);
    }
  });
}

export function checkKeySettings(check: Checker, input: ByokInput): void {
  for (const name of ["restrictGrantsToAwsResources", "enableKeyRotation", "preventDestroy", "monitorAccessDenied"] as const) {
    check.boolean(name, input[name]);
  }
  check.integerInRange("deletionWindowInDays", input.deletionWindowInDays, 7, 30, "days");
  check.integerInRange("rotationPeriodInDays", input.rotationPeriodInDays, 90, 2560, "days");
  if (input.enableKeyRotation === false && input.rotationPeriodInDays !== undefined) {
    check.warn("rotationPeriodInDays", "is ignored because enableKeyRotation is false");
  }
  const alias = input.aliasName;
  if (check.unknown(alias)) {
    check.later({
      input: "aliasName",
      value: alias,
      message: `must start with "alias/" and be at most ${MAX_ALIAS_LENGTH} characters of letters, digits, "/", "_" and "-"`,
      kind: "matches",
      pattern: ALIAS_NAME_PATTERN,
    });
    check.later({
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
