// The names a key's resources take in AWS, which must be unique per account and region: two keys
// with the same cluster name on one provider would synthesize happily and then fail in AWS on the
// duplicate alias, topic, rules and alarm. Front ends keep a registry per program and provider and
// refuse the second key at construction.
import { ByokValidationError } from "./errors";
import type { ByokSpec } from "./spec-types";

export interface ClaimedAwsName {
  /** Where the name lives: the backup region for replica resources, else "" for the provider's region. */
  location: string;
  /** The region as a message shows it. */
  region: string;
  /** What the name belongs to, as a user reads it. */
  what: string;
  name: string;
  /** The input the name derives from, for the error. */
  input: "clusterName" | "aliasName";
}

/** Every AWS name `spec` creates that is known now (values known only later left out). */
export function claimedAwsNames(spec: ByokSpec, aliasGiven: boolean, isUnknown: (value: unknown) => boolean): ClaimedAwsName[] {
  const claimed: ClaimedAwsName[] = [];
  for (const resource of spec.resources) {
    const settings = resource.settings as unknown as Record<string, unknown>;
    const found: { what: string; name: unknown } | undefined =
      resource.kind === "kmsAlias"
        ? { what: "alias", name: settings.name }
        : resource.kind === "snsTopic"
          ? { what: "SNS topic", name: settings.name }
          : resource.kind === "eventRule"
            ? { what: "EventBridge rule", name: settings.name }
            : resource.kind === "metricAlarm"
              ? { what: "CloudWatch alarm", name: settings.alarmName }
              : undefined;
    if (!found || typeof found.name !== "string" || isUnknown(found.name) || isUnknown(resource.region)) continue;
    // The primary site lives in the provider's region, whatever clusterRegion says (a
    // precondition or the deploy-time check makes them equal).
    const location = resource.region ?? "";
    const region = resource.region ?? (isUnknown(spec.regions.primary) ? "the provider's region" : spec.regions.primary);
    const input = resource.kind === "kmsAlias" && aliasGiven ? "aliasName" : "clusterName";
    claimed.push({ location, region, what: found.what, name: found.name, input });
  }
  return claimed;
}

/** The key under which a registry records a claimed name. */
function claimKey(claim: ClaimedAwsName): string {
  return `${claim.location}\u0000${claim.what}\u0000${claim.name}`;
}

/**
 * Records `claims` for `owner` in `registry` (one per program and AWS provider), or throws one
 * ByokValidationError naming each input whose names another key on that provider already took.
 */
export function claimAwsNames(registry: Map<string, string>, claims: readonly ClaimedAwsName[], owner: string): void {
  const taken = new Map<string, { owner: string; claims: ClaimedAwsName[] }>();
  for (const claim of claims) {
    const holder = registry.get(claimKey(claim));
    if (holder === undefined) continue;
    const entry = taken.get(claim.input) ?? { owner: holder, claims: [] };
    entry.claims.push(claim);
    taken.set(claim.input, entry);
  }
  if (taken.size > 0) {
    throw new ByokValidationError(
      [...taken].map(([input, { owner: holder, claims: clashes }]) => ({
        input,
        message: `gives ${clashes.map((c) => `the ${c.what} "${c.name}"`).join(", ")} in ${clashes[0].region}, which ${holder} on the same AWS provider creates too; AWS names are unique per account and region, so give each key its own ${input}`,
      })),
    );
  }
  for (const claim of claims) registry.set(claimKey(claim), owner);
}
