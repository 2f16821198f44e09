// Two checks read from answers verify already has: where the key's material lives (DescribeKey),
// and whether the key policy guards the key against deletion (GetKeyPolicy).
import type { KeyMetadata } from "@aws-sdk/client-kms";
import { list, statementsOf, wildcard } from "./policy-evaluation";
import type { CheckResult } from "./report";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Imported material expiring sooner than this fails: after `ValidTo` the key is unusable. */
const EXPIRY_MARGIN_DAYS = 30;

/**
 * `AWS_KMS` material is AWS's to keep. Imported material (`EXTERNAL`) can expire, and KMS deletes
 * it at `ValidTo`, making the key unusable (KMS developer guide, "Importing key material"); a
 * CloudHSM or external key store makes the key's availability rest on the customer's HSM or proxy.
 */
export function keyOrigin(metadata: KeyMetadata | undefined, now: Date): CheckResult {
  const id = "key-origin" as const;
  if (!metadata) return { id, status: "skipped", message: "could not run: needs the key's description (kms:DescribeKey)" };
  switch (metadata.Origin) {
    case "AWS_KMS":
      return { id, status: "pass", message: "key material generated and kept by AWS KMS" };
    case "EXTERNAL": {
      const validTo = metadata.ValidTo;
      if (metadata.ExpirationModel !== "KEY_MATERIAL_EXPIRES" || !validTo) {
        return { id, status: "warn", message: "imported key material (EXTERNAL), without expiry: keep a copy, as AWS cannot restore it" };
      }
      const days = Math.floor((validTo.getTime() - now.getTime()) / DAY_MS);
      const when = `${validTo.toISOString()} (${days < 0 ? `${-days} days ago` : `in ${days} day${days === 1 ? "" : "s"}`})`;
      if (days < EXPIRY_MARGIN_DAYS) {
        return {
          id,
          status: "fail",
          message: `imported key material ${days < 0 ? "expired" : "expires"} on ${when}: after that the key is unusable and the Camunda cluster freezes; re-import the same material with a later expiry`,
          fix: `aws kms get-parameters-for-import --key-id ${metadata.Arn} ... && aws kms import-key-material --key-id ${metadata.Arn} --valid-to <later date> ...`,
        };
      }
      return { id, status: "warn", message: `imported key material (EXTERNAL), which expires on ${when}: re-import it before then` };
    }
    case "AWS_CLOUDHSM":
      return { id, status: "warn", message: "key material in an AWS CloudHSM key store: the key is usable only while that cluster is" };
    case "EXTERNAL_KEY_STORE":
      return {
        id,
        status: "warn",
        message: "key material in an external key store: the key is usable only while your proxy and key manager are",
      };
    default:
      return { id, status: "warn", message: `key material origin ${metadata.Origin ?? "unknown"}: not one this version knows` };
  }
}

/**
 * Whether the policy denies kms:ScheduleKeyDeletion to everyone it does not except: the
 * package's `DenyKeyDeletion`, or any Deny with `Principal: "*"` on that action. Without one,
 * whoever the policy or the account's IAM allows may schedule the deletion, and a completed
 * deletion loses the cluster's data.
 */
export function deletionGuard(policies: { label: string; policy: unknown; keyArn: string }[]): CheckResult {
  const id = "deletion-guard" as const;
  const unguarded = policies.filter(({ policy, keyArn }) => !guards(policy, keyArn));
  if (unguarded.length === 0) {
    return {
      id,
      status: "pass",
      message: `a Deny on kms:ScheduleKeyDeletion guards the ${policies.map((p) => p.label).join(" and the ")}`,
    };
  }
  return {
    id,
    status: "warn",
    message: `no statement of the ${unguarded.map((p) => p.label).join(" or the ")} policy denies kms:ScheduleKeyDeletion: anyone the policy or your account's IAM lets manage the key can schedule its deletion, which loses the cluster's data; add DenyKeyDeletion (camunda-byok-kms policy prints it, with --key-deletion-allowed for the exceptions)`,
  };
}

function guards(policy: unknown, keyArn: string): boolean {
  const statements = statementsOf(policy);
  // A Deny for everyone (its conditions are the exceptions) naming the action and covering the key.
  return statements.some(
    (s) =>
      s.Effect === "Deny" &&
      (s.Principal === "*" || (s.Principal as { AWS?: unknown })?.AWS === "*") &&
      list(s.Action).some((pattern) => wildcard(pattern, "kms:ScheduleKeyDeletion", true)) &&
      list(s.Resource).some((pattern) => wildcard(pattern, keyArn, false)),
  );
}
