/**
 * `npm start`: what the examples would create, computed offline. No AWS account, no Pulumi CLI,
 * no Terraform: the Pulumi example runs under Pulumi's mocks, exactly as its tests run it.
 */
import { App } from "cdktf";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CamundaByokStack } from "../examples/cdktf/main";
import { buildKeyPolicy } from "../shared";
import { loadStackConfig, runPulumiExample } from "../tests/support/pulumi-example";
import type { RegisteredResource } from "../tests/support/pulumi-mocks";

const MOCK_ACCOUNT_ID = "111122223333";

/** One line of settings per resource: JSON documents by size, tags left out. */
function summarize(inputs: Record<string, unknown>): string {
  return Object.entries(inputs)
    .filter(([key]) => key !== "tags" && key !== "tags_all" && !key.startsWith("//"))
    .map(([key, value]) => {
      if (typeof value === "string" && value.startsWith("{")) return `${key}=<${value.length} bytes of JSON>`;
      return `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`;
    })
    .join("  ");
}

async function pulumiPlan(): Promise<void> {
  const run = await runPulumiExample();
  console.log("\n== Pulumi: examples/pulumi (stack dev), previewed offline under mocks ==");
  const rows = run.registered.filter((r: RegisteredResource) => r.type !== "pulumi:pulumi:Stack");
  for (const resource of rows) {
    const protect = run.options.get(resource.name)?.protect ? " [protected]" : "";
    console.log(`  + ${resource.type}  ${resource.name}${protect}`);
    const summary = summarize(resource.inputs);
    if (summary) console.log(`      ${summary}`);
  }
  console.log(`  ${rows.length} resources to create`);
  console.log("\n  Outputs (mock values):");
  for (const [name, value] of Object.entries(run.outputs)) {
    if (value !== undefined) console.log(`    ${name}: ${value}`);
  }
}

/** Synthesizes the CDKTF example as `cdktf synth` does, into cdktf.out/ at the repo root. */
function cdktfPlan(): void {
  const outdir = path.resolve(__dirname, "../cdktf.out");
  const app = new App({ outdir });
  new CamundaByokStack(app, "camunda-byok");
  app.synth();
  const file = path.join(outdir, "stacks", "camunda-byok", "cdk.tf.json");
  const json = JSON.parse(readFileSync(file, "utf8")) as { resource: Record<string, Record<string, any>>; variable: Record<string, unknown> };
  console.log("\n== CDKTF: examples/cdktf, synthesized offline (what `terraform plan` would create) ==");
  let count = 0;
  for (const [type, resources] of Object.entries(json.resource)) {
    for (const [name, config] of Object.entries(resources)) {
      count++;
      const { lifecycle, ...settings } = config;
      const flags = [lifecycle?.prevent_destroy ? "prevent_destroy" : "", lifecycle?.precondition ? `${lifecycle.precondition.length} preconditions` : ""].filter(Boolean);
      console.log(`  + ${type}.${name}${flags.length ? ` [${flags.join(", ")}]` : ""}`);
      console.log(`      ${summarize(settings)}`);
    }
  }
  console.log(`  ${count} resources to create; variables: ${Object.keys(json.variable).join(", ")}`);
  console.log(`  Terraform JSON: ${path.relative(process.cwd(), file)} (terraform/tofu can run it directly)`);
}

async function main(): Promise<void> {
  console.log("camunda-byok-kms offline plan: nothing is deployed; AWS answers are mocked (account 111122223333).");
  const config = loadStackConfig();
  const roleArn = config["camunda-byok-example:camundaClusterRoleArn"];
  console.log(`\n== Key policy for ${roleArn} (what KMS would store) ==`);
  console.log(JSON.stringify(buildKeyPolicy({ camundaClusterRoleArn: roleArn, keyAccountId: MOCK_ACCOUNT_ID }), null, 2));
  await pulumiPlan();
  cdktfPlan();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
