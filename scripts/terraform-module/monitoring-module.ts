// terraform/modules/monitoring: what watches one key in its own region, written once from the
// core's site builder (shared/monitoring-spec.ts); the root module calls it for the key and, with
// a backup region, for the replica on the backup region's provider.
import type { ResourceSpec } from "../../shared";
import { Choices, LOGICAL_IDS, type MonitoringOutputs, monitoringResources } from "../../shared/internal";
import { declaredMembers } from "./declarations";
import { type BlockItem, printBlock } from "./hcl";
import { monitoringModuleInput } from "./module-inputs";
import { ModulePrinter } from "./module-printer";
import { MONITORING_NAMES, snakeCase } from "./names";
import { isUnknown, mayBeNull } from "./unknowns";
import { monitoringVariables, variablesFile } from "./variables";

export const MONITORING_SOURCE = "./modules/monitoring";

const ids = LOGICAL_IDS.primary;
/** The submodule's sections, as a reader meets them. */
const SECTIONS: { title: string; ids: string[] }[] = [
  { title: "Alert topic: where every alert of this key goes", ids: [ids.alertTopic, ids.alertSubscriptions, ids.alertTopicPolicy] },
  {
    title: "Key events: the calls that disable, delete or re-scope the key",
    ids: [ids.keyEventsRule, ids.keyEventsTarget, ids.alarm, ids.keyEventsDeliveryAlarm],
  },
  { title: "Denied calls on the key", ids: [ids.accessDeniedRule, ids.accessDeniedTarget, ids.accessDeniedDeliveryAlarm] },
  {
    title: "Monitoring changes: a stopped trail, or these rules, alarms and topic removed or muted",
    ids: [ids.monitoringChangesRule, ids.monitoringChangesTarget, ids.monitoringChangesAlarm, ids.monitoringChangesDeliveryAlarm],
  },
];

export function banner(title: string): string {
  const rule = "#".repeat(80);
  return `${rule}\n# ${title}\n${rule}\n`;
}

export interface BuiltModule {
  files: Record<string, string>;
  resources: readonly ResourceSpec[];
}

export function monitoringModule(header: string, versions: string): BuiltModule {
  const variables = monitoringVariables();
  const input = monitoringModuleInput(declaredMembers("site.ts", "MonitoringInput"));
  const knowledge = { valueOf: (name: string) => (input as unknown as Record<string, unknown>)[name], isUnknown, mayBeNull };
  const built = monitoringResources({ role: "primary", ids }, input, new Choices(knowledge));
  const printer = new ModulePrinter({ resources: built.resources, names: MONITORING_NAMES });

  const body = SECTIONS.map((section) => {
    const blocks = built.resources.filter((resource) => section.ids.includes(resource.logicalId)).map((r) => printer.resourceBlock(r));
    return `\n${banner(section.title)}\n${blocks.join("\n")}`;
  }).join("");
  const placed = new Set(SECTIONS.flatMap((section) => section.ids));
  const unplaced = built.resources.filter((resource) => !placed.has(resource.logicalId));
  if (unplaced.length > 0) throw new Error(`no section for ${unplaced.map((r) => r.logicalId).join(", ")}`);

  const docs = new Map(declaredMembers("spec-types.ts", "MonitoringOutputs").map((member) => [member.name, member.text]));
  const outputs = (Object.entries(built.outputs) as [keyof MonitoringOutputs, unknown][])
    .map(([name, value]) => {
      const items: BlockItem[] = [
        { attribute: "description", value: { kind: "value", value: docs.get(name)! } },
        { attribute: "value", value: printer.converter().convert(value) },
      ];
      return `\n${printBlock("output", [snakeCase(name)], items)}`;
    })
    .join("");
  const locals = printer.localsBlock();
  return {
    resources: built.resources,
    files: {
      "modules/monitoring/main.tf": `${header}${locals ? `\n${locals}` : ""}${body}`,
      "modules/monitoring/variables.tf": variablesFile(header, variables, new Map()),
      "modules/monitoring/outputs.tf": header + outputs,
      "modules/monitoring/versions.tf": versions,
    },
  };
}
