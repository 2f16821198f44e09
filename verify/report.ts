// The report `verify` returns and the CLI prints: a list of checks, each with a stable id and a
// status. Documented in the README as the --json format; ids and statuses are part of the contract.

export type CheckStatus = "pass" | "warn" | "fail" | "skipped";

export type CheckId =
  | "key-exists"
  | "key-state"
  | "key-spec"
  | "key-region"
  | "key-origin"
  | "key-policy"
  | "org-policies"
  | "deletion-guard"
  | "rotation"
  | "in-use"
  | "camunda-activity"
  | "cloudtrail"
  | "monitoring"
  | "replica-exists"
  | "replica-of"
  | "replica-region"
  | "replica-state"
  | "replica-spec"
  | "replica-policy"
  | "replica-rotation"
  | "replica-cloudtrail"
  | "replica-monitoring";

export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  /** What was found, in a sentence. */
  message: string;
  /** The command that fixes a failure (or a warning), when there is one. */
  fix?: string;
}

export interface VerifyReport {
  /** The key checked: its ARN as AWS resolved it (an alias ARN becomes the key's). */
  keyArn: string;
  checks: CheckResult[];
}

export interface VerifyOptions {
  /** The key, or an alias of it, as an ARN: the region and account come from it. */
  keyArn: string;
  /** The Camunda cluster role ARN the Camunda Console shows. */
  camundaClusterRoleArn: string;
  /** The replica for dual-region backups. */
  backupKeyArn?: string;
  /** The Camunda cluster's region: the key must be there. */
  clusterRegion?: string;
  /** Waits between CloudTrail event-history pages (LookupEvents allows 2 requests a second); tests pass a no-op. */
  pause?: (ms: number) => Promise<void>;
  /** Called as checks finish, for a progress line. */
  onProgress?: (finished: CheckId[], running: CheckId[]) => void;
}

/** Every check, in the order the report lists them. */
export const CHECK_ORDER: readonly CheckId[] = [
  "key-exists",
  "key-state",
  "key-spec",
  "key-region",
  "key-origin",
  "key-policy",
  "org-policies",
  "deletion-guard",
  "rotation",
  "in-use",
  "camunda-activity",
  "cloudtrail",
  "monitoring",
  "replica-exists",
  "replica-of",
  "replica-region",
  "replica-state",
  "replica-spec",
  "replica-policy",
  "replica-rotation",
  "replica-cloudtrail",
  "replica-monitoring",
];
