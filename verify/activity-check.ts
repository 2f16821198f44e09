// When Camunda last used the key, from CloudTrail's event history in the key's region
// (LookupEvents: the last 90 days of management events, read-only). AWS logs a successful call on
// a KMS key from another account in the key owner's account too (KMS developer guide, "Logging AWS
// KMS API calls with AWS CloudTrail"), so Camunda's calls appear here; its denied ones do not.
import { type CloudTrailClient, type Event, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { parseRoleArn } from "../shared/internal";
import { skippedBecause, throwIfUnreachable } from "./aws-errors";
import type { CheckResult } from "./report";

const DAY_MS = 24 * 60 * 60 * 1000;
/** LookupEvents answers at most 50 events a page and 2 requests a second per account and region. */
const PAGE_SIZE = 50;
const MAX_PAGES = 4;
const PACE_MS = 500;
/** Used within this many days counts as recent. */
const RECENT_DAYS = 7;

export interface ActivityOptions {
  cloudtrail: CloudTrailClient;
  keyArn: string;
  roleArn: string;
  now: Date;
  /** Waits between pages, to keep within LookupEvents' rate (a test passes a no-op). */
  pause?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function camundaCall(event: Event, camundaAccount: string): boolean {
  try {
    const record = JSON.parse(event.CloudTrailEvent ?? "{}") as { userIdentity?: { accountId?: string }; errorCode?: string };
    return record.userIdentity?.accountId === camundaAccount && record.errorCode === undefined;
  } catch {
    return false;
  }
}

export async function camundaActivity(options: ActivityOptions): Promise<CheckResult> {
  const id = "camunda-activity" as const;
  const camundaAccount = parseRoleArn(options.roleArn)!.accountId;
  const pause = options.pause ?? sleep;
  let seen = 0;
  let found: Event | undefined;
  try {
    let next: string | undefined;
    for (let page = 0; page < MAX_PAGES && !found; page++) {
      if (page > 0) await pause(PACE_MS);
      const answer = await options.cloudtrail.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: options.keyArn }],
          StartTime: new Date(options.now.getTime() - 90 * DAY_MS),
          EndTime: options.now,
          MaxResults: PAGE_SIZE,
          NextToken: next,
        }),
      );
      const events = answer?.Events ?? [];
      seen += events.length;
      // Newest first: the first call by Camunda's account is its latest.
      found = events.find((event) => camundaCall(event, camundaAccount));
      if (!answer?.NextToken) break;
      next = answer.NextToken;
    }
  } catch (error) {
    throwIfUnreachable(error);
    return { id, status: "skipped", message: skippedBecause(error, "cloudtrail:LookupEvents") };
  }
  if (!found?.EventTime) {
    return {
      id,
      status: "warn",
      message: `no successful call on the key from Camunda's account ${camundaAccount} among its latest ${seen} CloudTrail events (90 days): the ARN may not be pasted into the Camunda Console yet, or Camunda cannot reach the key (its denied calls are logged only in Camunda's account)`,
    };
  }
  const ageMs = options.now.getTime() - found.EventTime.getTime();
  const age = ageMs < DAY_MS ? `${Math.max(1, Math.round(ageMs / 3_600_000))} hours ago` : `${Math.floor(ageMs / DAY_MS)} days ago`;
  const what = `Camunda's account ${camundaAccount} last used the key with ${found.EventName} at ${found.EventTime.toISOString()} (${age})`;
  if (ageMs <= RECENT_DAYS * DAY_MS) return { id, status: "pass", message: what };
  return { id, status: "warn", message: `${what}: nothing since; check the cluster in the Camunda Console` };
}
