// What a configuration creates, as a person reads it: one row per resource (the Terraform type,
// the name AWS shows, why it exists), from the core's spec, so every front end shows the same.
import type { ByokSpec, ResourceSpec } from "../shared";
import { RESOURCE_TYPES } from "./terraform-module/names";

/** Why each resource exists, by its logical id without the replica's prefix or an index. */
const WHY: Record<string, string> = {
  key: "the key the cluster is configured with: rotation on, deletion guarded",
  "replica-key": "its copy in the backup region, for dual-region backups",
  alias: "a name for the key",
  "alert-topic": "where the alerts go",
  "alert-topic-policy": "lets EventBridge and CloudWatch publish to it",
  "alert-email": "emails the alerts (each address confirms once)",
  "key-events": "catches DisableKey, ScheduleKeyDeletion, PutKeyPolicy, grants by others...",
  "key-events-target": "sends those to the topic",
  "access-denied": "catches calls on the key denied by its policy",
  "access-denied-target": "sends those to the topic",
  "monitoring-changes": "catches a trail stopped, or this monitoring changed",
  "monitoring-changes-target": "sends those to the topic",
  "key-deletion-alarm": "pages on the first key event, with the recovery steps",
  "monitoring-changes-alarm": "pages when the monitoring changed",
  "key-events-delivery-alarm": "pages when a rule's alerts cannot be delivered",
  "access-denied-delivery-alarm": "pages when a rule's alerts cannot be delivered",
  "monitoring-changes-delivery-alarm": "pages when a rule's alerts cannot be delivered",
};

export interface CreatedResource {
  type: string;
  /** The name AWS shows (an alias, a rule, an alarm, a topic, an address), or what stands for one. */
  awsName: string;
  why: string;
  region: string;
}

function awsName(resource: ResourceSpec): string {
  const settings = resource.settings as unknown as Record<string, unknown>;
  const name = settings.name ?? settings.alarmName ?? settings.endpoint;
  if (typeof name === "string") return name;
  if (resource.kind === "kmsKey" || resource.kind === "kmsReplicaKey") return "(an id KMS gives it)";
  if (resource.kind === "eventTarget") return "(on its rule)";
  return "(on the topic)";
}

/** The spec's resources as rows; the spec must be built from plain inputs (no engine unknowns). */
export function createdResources(spec: ByokSpec): CreatedResource[] {
  return spec.resources.map((resource) => {
    const id = resource.logicalId.replace(/^replica-/, "").replace(/-\d+$/, "");
    return {
      type: RESOURCE_TYPES[resource.kind],
      awsName: awsName(resource),
      why: WHY[id] ?? WHY[resource.logicalId] ?? "",
      region: resource.region ?? spec.regions.primary,
    };
  });
}

/** `head` then `text` wrapped at `width`, each further line indented to where `text` began. */
export function hanging(head: string, text: string, width: number): string[] {
  const lines = [head];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    const fresh = lines[last].length === head.length && lines.length === 1 ? lines[last] === head : lines[last].trim() === "";
    if (fresh || lines[last].length + 1 + word.length <= width) lines[last] += fresh ? word : ` ${word}`;
    else lines.push(`${" ".repeat(head.length)}${word}`);
  }
  return lines;
}

/**
 * The rows as a table that fits a terminal: AWS names without the prefix they share (said once
 * above the table), the reasons wrapped in their column.
 */
export function createdResourcesTable(rows: CreatedResource[], prefix: string, width = 118): string[] {
  const short = rows.map((r) => ({ ...r, awsName: r.awsName.startsWith(prefix) ? `…${r.awsName.slice(prefix.length)}` : r.awsName }));
  const widths = [Math.max(...short.map((r) => r.type.length)), Math.max(...short.map((r) => r.awsName.length))];
  return short.flatMap((r) => hanging(`  ${r.type.padEnd(widths[0])}  ${r.awsName.padEnd(widths[1])}  `, r.why, width));
}
