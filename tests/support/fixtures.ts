import { readFileSync } from "node:fs";
import path from "node:path";
import type { ByokInput } from "../../shared";

/** A role ARN of the shape the Camunda Console shows today: an IAM path, then c8-apps-<uuid>. */
export const CAMUNDA_ROLE_ARN = "arn:aws:iam::123456789012:role/c8-cluster/c8-apps-3f1c9a52-7d4e-4b8a-9c61-0e2f5a7b8d90";
export const KEY_ACCOUNT_ID = "111122223333";
export const ADMIN_ROLE_ARN = "arn:aws:iam::111122223333:role/KmsAdmins";
export const STRANGER_ROLE_ARN = "arn:aws:iam::444455556666:role/Stranger";

export function validInput(overrides: Partial<ByokInput> = {}): ByokInput {
  return {
    camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
    clusterRegion: "eu-central-1",
    clusterName: "payments-prod",
    alertEmails: ["oncall@example.com"],
    ...overrides,
  };
}

interface CloudTrailVectors {
  keyArn: string;
  /** The multi-region key of the UpdatePrimaryRegion records, by region. */
  multiRegionKeyArns: Record<string, string>;
  events: Record<string, Record<string, any>>;
}

/** Real CloudTrail records from AWS's KMS developer guide (see the file's "about"). */
export function loadCloudTrailVectors(): CloudTrailVectors {
  const file = path.resolve(__dirname, "../fixtures/kms-cloudtrail-events.json");
  return JSON.parse(readFileSync(file, "utf8")) as CloudTrailVectors;
}

interface CloudTrailRecords {
  events: Record<string, Record<string, any>>;
  /** userIdentity shapes, by type, as the CloudTrail user guide documents them. */
  userIdentities: Record<string, Record<string, any>>;
}

/** More records from AWS's documentation: grants, replication, a trail call (see the file's "about"). */
export function loadCloudTrailRecords(): CloudTrailRecords {
  return JSON.parse(readFileSync(path.resolve(__dirname, "../fixtures/cloudtrail-records.json"), "utf8")) as CloudTrailRecords;
}
