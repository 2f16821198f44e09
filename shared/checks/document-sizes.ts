// AWS's limits on the documents the package writes: the key policy (32,768 bytes) and each event
// pattern (4,096 characters, at apply time). Both hold values nobody knows before apply (the
// account id, the key's ARN), so each is bounded with the longest values AWS can give them, and
// what could not fit is refused before anything exists.
import { buildEventPattern } from "../event-patterns";
import { DEFAULTS, type ByokInput } from "../inputs";
import {
  buildKeyPolicyTemplate,
  keyPolicyBytes,
  keyPolicyBytesUpperBound,
  knownChoices,
  MAX_KEY_POLICY_BYTES,
  type PolicyDocument,
} from "../key-policy";
import { REGIONS_BY_PARTITION } from "../regions";
import type { Checker } from "./checker";

export const MAX_EVENT_PATTERN_LENGTH = 4096;

/** A multi-region key id is "mrk-" and 32 hex digits; aws-us-gov is the longest partition. */
const LONGEST_KEY_ID = `mrk-${"0".repeat(32)}`;
/** What parseRoleArn accepts at most, for a role ARN known only at deploy time. */
const LONGEST_ROLE_ARN = "r".repeat(2048);

function longestKeyArn(): string {
  const region = Object.values(REGIONS_BY_PARTITION)
    .flat()
    .reduce((a, b) => (b.length > a.length ? b : a));
  return `arn:aws-us-gov:kms:${region}:000000000000:key/${LONGEST_KEY_ID}`;
}

/** AWS counts the policy as sent; the account id is always 12 characters. */
export function checkPolicySize(check: Checker, input: ByokInput, built?: PolicyDocument<unknown>): void {
  const strings = {
    camundaClusterRoleArn: check.known(input.camundaClusterRoleArn) ? String(input.camundaClusterRoleArn) : "",
    keyAccountId: "000000000000",
    partition: "aws-us-gov",
    keyAdministratorArns: (Array.isArray(input.keyAdministratorArns) ? input.keyAdministratorArns : [])
      .filter((arn) => check.known(arn))
      .map(String),
  };
  // Serializing is most of the cost of a policy; only a policy that might be too big needs it.
  if (keyPolicyBytesUpperBound(strings) <= MAX_KEY_POLICY_BYTES) return;
  const policy =
    built ??
    buildKeyPolicyTemplate(
      strings,
      knownChoices({
        ...strings,
        enableDefaultAccountAccess: input.enableDefaultAccountAccess ?? DEFAULTS.enableDefaultAccountAccess,
        restrictGrantsToAwsResources: input.restrictGrantsToAwsResources ?? DEFAULTS.restrictGrantsToAwsResources,
      }),
    );
  const bytes = keyPolicyBytes(policy);
  if (bytes > MAX_KEY_POLICY_BYTES) {
    check.problem(
      "keyAdministratorArns",
      `make the key policy ${bytes} bytes, over AWS's limit of ${MAX_KEY_POLICY_BYTES}; use fewer administrators (an IAM role they assume, say)`,
    );
  }
}

export function checkEventPatternSizes(check: Checker, input: ByokInput): void {
  const roleArn = check.known(input.camundaClusterRoleArn) ? String(input.camundaClusterRoleArn) : LONGEST_ROLE_ARN;
  const names = input.monitoredEventNames;
  if (names !== undefined && !(Array.isArray(names) && names.every((name) => check.known(name)))) return;
  const keyArn = longestKeyArn();
  const length = JSON.stringify(
    buildEventPattern({ keyArn, keyId: LONGEST_KEY_ID, monitoredEventNames: names, camundaClusterRoleArn: roleArn }),
  ).length;
  if (length > MAX_EVENT_PATTERN_LENGTH) {
    check.problem(
      "monitoredEventNames",
      `make the key-events pattern up to ${length} characters, over EventBridge's limit of ${MAX_EVENT_PATTERN_LENGTH}; monitor fewer events (got ${names?.length ?? 0} names)`,
    );
  }
}
