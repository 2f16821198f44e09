// The adoption plan for a person: the verdict, what the first apply changes, and the lines to paste
// into each front end (only when the key can be adopted).
import type { AdoptionPlan } from "../shared/adoption-plan";

const MARKS = { added: "+", changed: "~", kept: "=", replaced: ">", removed: "-" } as const;

/** A value as TypeScript source. */
function literal(value: unknown, indent: string): string {
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, indent)).join(", ")}]`;
  return JSON.stringify(value);
}

function programInputs(plan: AdoptionPlan, indent: string): string {
  return Object.entries(plan.inputs)
    .map(([name, value]) => `${indent}${name}: ${literal(value, indent)},`)
    .join("\n");
}

export function adoptionText(plan: AdoptionPlan, moduleName: string): string {
  const lines = [`camunda-byok-kms adopt ${plan.keyArn}`];
  if (plan.adoptable) lines.push("verdict: can be adopted without replacing the key");
  else {
    lines.push(`verdict: NOT adoptable as it is (${plan.refusals.length} ${plan.refusals.length === 1 ? "reason" : "reasons"}):`);
    for (const refusal of plan.refusals) lines.push(`  - ${refusal.input}: ${refusal.message}`);
  }
  lines.push("", "What the first apply changes on the live key:", "  key policy (PutKeyPolicy):");
  for (const statement of plan.policy) {
    const gains = statement.gains ? ` (the Camunda role gains ${statement.gains.join(", ")})` : "";
    lines.push(`    ${MARKS[statement.change]} ${JSON.stringify(statement.statement)} ${statement.change}: ${statement.detail}${gains}`);
  }
  if (plan.replicaPolicy) {
    lines.push("  the replica's key policy (PutKeyPolicy), which becomes the same:");
    for (const statement of plan.replicaPolicy) {
      if (statement.change === "added" || statement.change === "changed") continue;
      lines.push(`    ${MARKS[statement.change]} ${JSON.stringify(statement.statement)} ${statement.change}: ${statement.detail}`);
    }
  }
  for (const change of plan.changes) lines.push(`  ${change.subject}: ${change.detail}`);
  for (const note of plan.notes) lines.push(`  note: ${note}`);
  if (!plan.adoptable) return `${lines.join("\n")}\n`;

  const variables = Object.entries(plan.terraformVariables).map(([name, value]) => `  ${name} = ${JSON.stringify(value)}`);
  lines.push(
    "",
    `Terraform module: in the root module, next to module "${moduleName}" (import blocks may not live in modules):`,
    ...plan.terraformImports.flatMap((block) => ["import {", `  to = ${block.to}`, `  id = ${JSON.stringify(block.id)}`, "}"]),
    `and in module "${moduleName}", so its plan refuses an adoption that would replace the key:`,
    ...variables,
    "",
    "Pulumi (camunda-byok-kms/pulumi): the first update imports the key as it is; then remove the adopt* inputs, and the next update applies the changes above:",
    'new CamundaByokKey("<name>", {',
    programInputs(plan, "  "),
    "});",
    "",
    "CDKTF or cdktn (camunda-byok-kms/cdktf): one plan imports the key and applies the changes above:",
    'new CamundaByokKey(this, "<id>", {',
    programInputs(plan, "  "),
    "});",
  );
  return `${lines.join("\n")}\n`;
}

/** The plan as data, for CI. */
export function adoptionJson(plan: AdoptionPlan): unknown {
  return {
    keyArn: plan.keyArn,
    keyId: plan.keyId,
    verdict: plan.adoptable ? "adoptable" : "not-adoptable",
    refusals: plan.refusals,
    imports: {
      terraform: plan.terraformImports,
      terraformVariables: plan.terraformVariables,
      pulumi: plan.inputs,
      cdktf: plan.inputs,
    },
    policy: plan.policy,
    ...(plan.replicaPolicy ? { replicaPolicy: plan.replicaPolicy } : {}),
    changes: plan.changes,
    notes: plan.notes,
  };
}
