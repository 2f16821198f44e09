// EventBridge rejects an event pattern over 4,096 characters, at apply time, and the patterns hold
// the key's ARN, which nobody knows before apply. Bound each pattern from the inputs with the
// longest values AWS can give the unknowns, and refuse what could not fit before anything exists.
// Only the key-events pattern can grow that far (custom monitoredEventNames); the access-denied
// pattern stays under 900 characters even with a 256-character alias.
import type { Checker } from "./checker";
import type { ByokInput } from "../inputs";
import { buildEventPattern } from "../monitoring";
import type { SiteRole } from "../names";
import { REGIONS_BY_PARTITION } from "../regions";

export const MAX_EVENT_PATTERN_LENGTH = 4096;

const LONGEST_REGION = Object.values(REGIONS_BY_PARTITION)
  .flat()
  .reduce((a, b) => (b.length > a.length ? b : a));
/** A multi-region key id is "mrk-" and 32 hex digits; aws-us-gov is the longest partition. */
const LONGEST_KEY_ID = `mrk-${"0".repeat(32)}`;
const LONGEST_KEY_ARN = `arn:aws-us-gov:kms:${LONGEST_REGION}:000000000000:key/${LONGEST_KEY_ID}`;
/** What parseRoleArn accepts at most, for a role ARN known only at deploy time. */
const LONGEST_ROLE_ARN = "r".repeat(2048);

export function checkEventPatternSizes(check: Checker, input: ByokInput): void {
  const roleArn = check.known(input.camundaClusterRoleArn) ? String(input.camundaClusterRoleArn) : LONGEST_ROLE_ARN;
  const names = input.monitoredEventNames;
  if (names === undefined || (Array.isArray(names) && names.every((name) => check.known(name)))) {
    const sites: SiteRole[] = input.backupRegion === undefined ? ["primary"] : ["primary", "replica"];
    for (const site of sites) {
      const length = JSON.stringify(
        buildEventPattern({ keyArn: LONGEST_KEY_ARN, monitoredEventNames: names, camundaClusterRoleArn: roleArn, site }),
      ).length;
      if (length > MAX_EVENT_PATTERN_LENGTH) {
        check.problem(
          "monitoredEventNames",
          `make the ${site === "primary" ? "key's" : "replica's"} key-events pattern up to ${length} characters, over EventBridge's limit of ${MAX_EVENT_PATTERN_LENGTH}; monitor fewer events (got ${names?.length ?? 0} names)`,
        );
        return;
      }
    }
  }
}
