// EventBridge sees KMS calls only through a CloudTrail trail that logs management events in the
// key's region: without one, the package's alerts can never fire.
import {
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type CloudTrailClient,
  type Trail,
} from "@aws-sdk/client-cloudtrail";
import { skippedBecause, throwIfUnreachable } from "./aws-errors";
import type { CheckResult } from "./report";

interface Coverage {
  reads: boolean;
  writes: boolean;
}

const KMS_SOURCE = "kms.amazonaws.com";

/** Which KMS management events a trail's selectors log. */
async function coverage(cloudtrail: CloudTrailClient, trail: Trail): Promise<Coverage> {
  const selectors = await cloudtrail.send(new GetEventSelectorsCommand({ TrailName: trail.TrailARN }));
  const covered: Coverage = { reads: false, writes: false };
  for (const selector of selectors.EventSelectors ?? []) {
    if (selector.IncludeManagementEvents === false || (selector.ExcludeManagementEventSources ?? []).includes(KMS_SOURCE)) continue;
    const type = selector.ReadWriteType ?? "All";
    covered.reads ||= type !== "WriteOnly";
    covered.writes ||= type !== "ReadOnly";
  }
  for (const selector of selectors.AdvancedEventSelectors ?? []) {
    const fields = selector.FieldSelectors ?? [];
    const category = fields.find((f) => f.Field === "eventCategory");
    if (!category?.Equals?.includes("Management")) continue;
    const source = fields.find((f) => f.Field === "eventSource");
    if (source?.NotEquals?.includes(KMS_SOURCE) || (source?.Equals && !source.Equals.includes(KMS_SOURCE))) continue;
    // readOnly is "true" or "false": Equals keeps those named, NotEquals those not named.
    const readOnlyField = fields.find((f) => f.Field === "readOnly");
    const both = ["true", "false"];
    const readOnly = readOnlyField?.Equals ?? both.filter((value) => !(readOnlyField?.NotEquals ?? []).includes(value));
    covered.reads ||= readOnly.includes("true");
    covered.writes ||= readOnly.includes("false");
  }
  return covered;
}

export async function cloudTrailCheck(
  cloudtrail: CloudTrailClient,
  region: string,
  id: "cloudtrail" | "replica-cloudtrail" = "cloudtrail",
): Promise<CheckResult> {
  const fix = `aws cloudtrail create-trail --name camunda-byok-kms --s3-bucket-name <bucket> --is-multi-region-trail --region ${region} && aws cloudtrail start-logging --name camunda-byok-kms --region ${region}`;
  let trails: Trail[];
  try {
    trails = (await cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: true }))).trailList ?? [];
  } catch (error) {
    throwIfUnreachable(error);
    return { id, status: "skipped", message: skippedBecause(error, "cloudtrail:DescribeTrails") };
  }
  const here = trails.filter((trail) => trail.IsMultiRegionTrail || trail.HomeRegion === region);
  let best: { name: string; covered: Coverage } | undefined;
  try {
    const found = await Promise.all(
      here.map(async (trail) => {
        const [status, covered] = await Promise.all([
          cloudtrail.send(new GetTrailStatusCommand({ Name: trail.TrailARN })),
          coverage(cloudtrail, trail),
        ]);
        return { name: trail.Name ?? trail.TrailARN ?? "trail", logging: status.IsLogging === true, covered };
      }),
    );
    for (const trail of found.filter((t) => t.logging && t.covered.writes)) {
      if (!best || (trail.covered.reads && !best.covered.reads)) best = trail;
    }
  } catch (error) {
    throwIfUnreachable(error);
    return {
      id,
      status: "skipped",
      message: skippedBecause(error, "cloudtrail:GetTrailStatus and cloudtrail:GetEventSelectors"),
    };
  }
  if (!best) {
    return {
      id,
      status: "fail",
      message: `no logging trail records KMS management events in ${region} (${here.length} trail${here.length === 1 ? "" : "s"} cover the region): the EventBridge alerts on the key can never fire`,
      fix,
    };
  }
  if (!best.covered.reads) {
    return {
      id,
      status: "warn",
      message: `trail ${best.name} logs write management events only: key changes are alerted, but denied reads (Decrypt, DescribeKey) never reach the access-denied rule`,
    };
  }
  return { id, status: "pass", message: `trail ${best.name} is logging read and write management events in ${region}` };
}
