/**
 * `npm start`: what the examples would create, computed offline. No AWS account, no Pulumi CLI,
 * no Terraform: the Pulumi example runs under Pulumi's mocks, exactly as its tests run it.
 */
import { buildKeyPolicy } from "../shared";
import { loadStackConfig, runPulumiExample } from "../tests/support/pulumi-example";
import type { RegisteredResource } from "../tests/support/pulumi-mocks";

const MOCK_ACCOUNT_ID = "111122223333";

/** One line of settings per resource: JSON documents by size, tags left out. */
function summarize(inputs: Record<string, unknown>): string {
  return Object.entries(inputs)
    .filter(([key]) => key !== "tags")
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

async function main(): Promise<void> {
  console.log("camunda-byok-kms offline plan: nothing is deployed; AWS answers are mocked (account 111122223333).");
  const config = loadStackConfig();
  const roleArn = config["camunda-byok-example:camundaClusterRoleArn"];
  console.log(`\n== Key policy for ${roleArn} (what KMS would store) ==`);
  console.log(JSON.stringify(buildKeyPolicy({ camundaClusterRoleArn: roleArn, keyAccountId: MOCK_ACCOUNT_ID }), null, 2));
  await pulumiPlan();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
