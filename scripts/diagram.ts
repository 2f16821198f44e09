// The README's picture: each site's resources and how an alert travels (CloudTrail → EventBridge
// rules → SNS → email; the rules' metrics → CloudWatch alarms → SNS), as a Mermaid flowchart
// drawn from the core's spec, so it cannot drift from what the package creates.
import { buildByokSpec, type ByokSpec, type ResourceSpec } from "../shared";
import { collectReferences, referencedResource } from "../shared/internal";

const INPUT = {
  camundaClusterRoleArn: "arn:aws:iam::123456789012:role/c8-cluster/c8-apps-3f1c9a52-7d4e-4b8a-9c61-0e2f5a7b8d90",
  clusterRegion: "eu-central-1",
  backupRegion: "eu-west-1",
  clusterName: "payments-prod",
  alertEmails: ["oncall@example.com"],
};

const id = (logicalId: string) => logicalId.replace(/-/g, "_");

/** The resources another one's setting refers to, by logical id. */
function referencesIn(value: unknown): string[] {
  return collectReferences(value)
    .map(referencedResource)
    .filter((target) => target !== undefined)
    .map((target) => target!.logicalId);
}

function label(resource: ResourceSpec, prefix: string): string {
  const settings = resource.settings as unknown as Record<string, unknown>;
  const name = String(settings.name ?? settings.alarmName ?? "").replace(prefix, "…");
  switch (resource.kind) {
    case "kmsKey":
      return "KMS key (multi-region)";
    case "kmsReplicaKey":
      return "KMS replica key";
    case "kmsAlias":
      return String(settings.name);
    case "snsTopic":
      return `SNS topic ${name}`;
    case "eventRule":
      return `EventBridge rule ${name}`;
    case "metricAlarm":
      return `CloudWatch alarm ${name}`;
    default:
      return resource.logicalId;
  }
}

export function mermaidDiagram(spec: ByokSpec = buildByokSpec(INPUT, { keyAccountId: "111122223333" })): string {
  const prefix = `camunda-byok-${INPUT.clusterName}`;
  const lines = ["flowchart LR"];
  const edges: string[] = [];
  for (const site of spec.sites) {
    const region = site.role === "primary" ? spec.regions.primary : spec.regions.replica;
    lines.push(`  subgraph ${site.role}["${site.role === "primary" ? "cluster region" : "backup region"} ${region}"]`);
    lines.push(`    ${site.role}_trail[("CloudTrail trail (yours)")]`);
    const keys = spec.resources.filter(
      (r) => r.site === site.role && (r.kind === "kmsKey" || r.kind === "kmsReplicaKey" || r.kind === "kmsAlias"),
    );
    for (const resource of [...keys, ...site.resources]) {
      if (resource.kind === "eventTarget" || resource.kind === "snsTopicPolicy" || resource.kind === "snsTopicSubscription") continue;
      lines.push(`    ${id(resource.logicalId)}["${label(resource, prefix)}"]`);
    }
    const emails = site.resources.filter((r) => r.kind === "snsTopicSubscription");
    if (emails.length > 0) lines.push(`    ${site.role}_email(["email: ${emails.length} subscription${emails.length === 1 ? "" : "s"}"])`);
    lines.push("  end");

    for (const resource of site.resources) {
      const settings = resource.settings as unknown as Record<string, unknown>;
      if (resource.kind === "eventRule") edges.push(`  ${site.role}_trail -- "KMS and monitoring calls" --> ${id(resource.logicalId)}`);
      if (resource.kind === "eventTarget") {
        const [rule] = referencesIn(settings.rule);
        for (const topic of referencesIn(settings.arn)) edges.push(`  ${id(rule)} -- "event" --> ${id(topic)}`);
      }
      if (resource.kind === "metricAlarm") {
        const [rule] = referencesIn(settings.dimensions);
        edges.push(`  ${id(rule)} -. "${settings.metricName}" .-> ${id(resource.logicalId)}`);
        for (const topic of referencesIn(settings.alarmActions)) edges.push(`  ${id(resource.logicalId)} -- "alarm" --> ${id(topic)}`);
      }
      if (resource.kind === "snsTopicSubscription") {
        const edge = `  ${id(referencesIn(settings.topicArn)[0])} --> ${site.role}_email`;
        if (!edges.includes(edge)) edges.push(edge);
      }
    }
    for (const key of keys) {
      const settings = key.settings as unknown as Record<string, unknown>;
      if (key.kind === "kmsAlias") edges.push(`  ${id(key.logicalId)} -- "names" --> ${id(referencesIn(settings.targetKeyId)[0])}`);
      if (key.kind !== "kmsAlias") edges.push(`  ${id(key.logicalId)} -. "every call, logged" .-> ${site.role}_trail`);
      if (key.kind === "kmsReplicaKey")
        edges.push(`  ${id(referencesIn(settings.primaryKeyArn)[0])} == "replicated to" ==> ${id(key.logicalId)}`);
    }
  }
  return [...lines, ...edges].join("\n");
}

/** The README's diagram block, between its markers. */
export const DIAGRAM_BEGIN = "<!-- diagram: generated from the core's spec by `npm run generate:diagram` -->";
export const DIAGRAM_END = "<!-- end of diagram -->";

export function readmeDiagramBlock(): string {
  return `${DIAGRAM_BEGIN}\n\`\`\`mermaid\n${mermaidDiagram()}\n\`\`\`\n${DIAGRAM_END}`;
}

/** The README with its diagram block replaced by the current one. */
export function withCurrentDiagram(readme: string): string {
  const start = readme.indexOf(DIAGRAM_BEGIN);
  const end = readme.indexOf(DIAGRAM_END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${DIAGRAM_BEGIN} and ${DIAGRAM_END}`);
  return readme.slice(0, start) + readmeDiagramBlock() + readme.slice(end + DIAGRAM_END.length);
}
