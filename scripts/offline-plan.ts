// `npm start -- --full`: what the examples would create, computed offline, in each tool's own
// words (`npm start` alone prints the one-page summary of offline-summary.ts). No AWS account, no Pulumi CLI:
// the Pulumi example runs under Pulumi's mocks, exactly as its tests run it. Where Terraform and
// the AWS provider are installed, the CDKTF example's real plan comes from `terraform test` with
// a mocked provider; elsewhere the output says how to run it.
import { App } from "cdktf";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CamundaByokStack } from "../examples/cdktf/main";
import { buildKeyPolicy } from "../shared";
import { loadStackConfig, runPulumiExample } from "./harness/pulumi-example";
import type { RegisteredResource } from "./harness/pulumi-mocks";
import { hclValue, terraformTools, terraformWorkdir } from "./harness/terraform";
import { mockProviderBlocks } from "./harness/terraform-mocks";
import { printSummary } from "./offline-summary";

const MOCK_ACCOUNT_ID = "111122223333";

const LINE_WIDTH = 110;
const VALUE_WIDTH = 80;

/** A resource's settings, wrapped to the terminal: JSON documents by size, long values cut, tags left out. */
function summarize(inputs: Record<string, unknown>, indent = "      "): string {
  const parts = Object.entries(inputs)
    .filter(([key]) => key !== "tags" && key !== "tags_all" && !key.startsWith("//"))
    .map(([key, value]) => {
      if (typeof value === "string" && value.startsWith("{")) return `${key}=<${value.length} bytes of JSON>`;
      const text = typeof value === "string" ? value : JSON.stringify(value);
      return `${key}=${text.length > VALUE_WIDTH ? `${text.slice(0, VALUE_WIDTH - 1)}…` : text}`;
    });
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.length - 1;
    if (last >= 0 && indent.length + lines[last].length + 2 + part.length <= LINE_WIDTH) lines[last] += `  ${part}`;
    else lines.push(part);
  }
  return lines.map((line) => indent + line).join("\n");
}

/** Breaks a long line at spaces, continuing with `indent`. */
function wrapWords(text: string, indent: string): string {
  const lines = [""];
  for (const word of text.split(/(?<=\S) (?=\S)/)) {
    const last = lines.length - 1;
    if (lines[last] === "" || lines[last].length + 1 + word.length <= LINE_WIDTH) lines[last] += lines[last] === "" ? word : ` ${word}`;
    else lines.push(indent + word);
  }
  return lines.join("\n");
}

async function pulumiPlan(): Promise<void> {
  const run = await runPulumiExample();
  console.log("\n== Pulumi: examples/pulumi (stack dev), previewed offline under mocks ==");
  const rows = run.registered.filter((r: RegisteredResource) => r.type !== "pulumi:pulumi:Stack");
  for (const resource of rows) {
    const protect = run.options.get(resource.name)?.protect ? " [protected]" : "";
    console.log(`  + ${resource.type}  ${resource.name}${protect}`);
    const summary = summarize(resource.inputs);
    if (summary) console.log(summary);
  }
  const subscriptions = rows.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription").length;
  console.log(`  ${rows.length} resources to create: the component and ${rows.length - 1} AWS resources`);
  console.log(`  (one email subscription per address in alertEmails: ${subscriptions} here)`);
  console.log("\n  Outputs (mock values):");
  for (const [name, value] of Object.entries(run.outputs)) {
    if (value === undefined) continue;
    // A JSON document (the key policy) is printed in full above; one line of it fits no terminal.
    const shown =
      typeof value === "string" && value.startsWith("{") ? `a JSON document of ${value.length} characters (printed above)` : value;
    console.log(wrapWords(`    ${name}: ${shown}`, "      "));
  }
}

/** Synthesizes the CDKTF example as `cdktf synth` does, into cdktf.out/ at the repo root. */
function cdktfPlan(): Record<string, any> {
  const outdir = path.resolve(__dirname, "../cdktf.out");
  const app = new App({ outdir });
  new CamundaByokStack(app, "camunda-byok");
  app.synth();
  const file = path.join(outdir, "stacks", "camunda-byok", "cdk.tf.json");
  const json = JSON.parse(readFileSync(file, "utf8")) as {
    resource: Record<string, Record<string, any>>;
    variable: Record<string, unknown>;
  };
  console.log("\n== CDKTF: examples/cdktf, synthesized offline (what `terraform plan` would create) ==");
  let count = 0;
  for (const [type, resources] of Object.entries(json.resource)) {
    for (const [name, config] of Object.entries(resources)) {
      count++;
      const { lifecycle, ...settings } = config;
      const flags = [
        lifecycle?.prevent_destroy ? "prevent_destroy" : "",
        lifecycle?.precondition ? `${lifecycle.precondition.length} preconditions` : "",
      ].filter(Boolean);
      console.log(`  + ${type}.${name}${flags.length ? ` [${flags.join(", ")}]` : ""}`);
      console.log(summarize(settings));
    }
  }
  console.log(`  ${count} resources to create; the subscription is one resource per address in var.alert_emails (for_each; 1 by default)`);
  console.log(`  Variables: ${Object.keys(json.variable).join(", ")}`);
  console.log(`  Terraform JSON: ${path.relative(process.cwd(), file)}`);
  return json;
}

/** The example's plan as real Terraform makes it, with AWS mocked; or how to get it. */
async function terraformPlan(config: Record<string, any>, roleArn: string): Promise<void> {
  const tools = terraformTools();
  if (typeof tools === "string") {
    console.log(`\n== Terraform: not run here (${tools}) ==`);
    console.log("  With Terraform and AWS credentials for the key's account:");
    console.log("    cd cdktf.out/stacks/camunda-byok && terraform init");
    console.log(`    terraform plan -var camunda_cluster_role_arn=${roleArn}`);
    return;
  }
  const workdir = terraformWorkdir(tools, "start", config);
  const test = [
    mockProviderBlocks(workdir.config, Number(tools.awsProviderVersion.split(".")[0])),
    `run "plan" {\n  command = plan\n  variables {\n    camunda_cluster_role_arn = ${hclValue(roleArn)}\n  }\n}`,
  ].join("\n\n");
  const output = await workdir.testVerbose({ "plan.tftest.hcl": test });
  console.log(
    `\n== Terraform ${tools.version} + hashicorp/aws ${tools.awsProviderVersion}: the example's real plan (AWS mocked, account ${MOCK_ACCOUNT_ID}) ==`,
  );
  console.log(output.trimEnd());
}

async function main(): Promise<void> {
  const config = loadStackConfig();
  const roleArn = config["camunda-byok-example:camundaClusterRoleArn"];
  if (!process.argv.includes("--full")) {
    const value = (key: string) => config[`camunda-byok-example:${key}`];
    await printSummary({
      camundaClusterRoleArn: roleArn,
      clusterRegion: value("clusterRegion"),
      clusterName: value("clusterName"),
      alertEmails: JSON.parse(value("alertEmails")) as string[],
    });
    return;
  }
  console.log("camunda-byok-kms offline plan: nothing is deployed; AWS answers are mocked (account 111122223333).");
  console.log("\n== Key policy (what KMS would store) ==");
  console.log(`  for the example's Camunda role ${roleArn}`);
  console.log(JSON.stringify(buildKeyPolicy({ camundaClusterRoleArn: roleArn, keyAccountId: MOCK_ACCOUNT_ID }), null, 2));
  await pulumiPlan();
  await terraformPlan(cdktfPlan(), roleArn);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
