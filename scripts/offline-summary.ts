// `npm start`'s default: one page a person reads. The key policy, then one table of what is
// created (the core's spec, so the same in every front end), then each front end's own count of
// what it would create for the same inputs: Pulumi under mocks, CDKTF's synth, and the Terraform
// module's real plan where Terraform is installed. `npm start -- --full` prints the full plans.
import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import path from "node:path";
import { CamundaByokKey as CamundaByokConstruct } from "../cdktf";
import { CamundaByokKey } from "../pulumi";
import { buildByokSpec, buildKeyPolicy, type ByokInput, STATEMENT_IDS } from "../shared";
import { createdResources, createdResourcesTable, hanging } from "./created-resources";
import { installPulumiMocks, settle, settledValue } from "./harness/pulumi-mocks";
import { hclValue, terraformFilesWorkdir, terraformTools } from "./harness/terraform";

const ACCOUNT = "111122223333";
const WIDTH = 118;

const WHY: Record<string, string> = {
  [STATEMENT_IDS.accountAccess]: "the account's IAM policies decide (AWS's default)",
  [STATEMENT_IDS.administration]: "manage, never use, the key",
  [STATEMENT_IDS.camundaUsage]: "Camunda's published actions",
  [STATEMENT_IDS.camundaGrants]: "grants for EBS and the storage services",
  [STATEMENT_IDS.deletionGuard]: "nobody schedules the key's deletion",
};

/** Words wrapped to the terminal, the first line's indentation kept, each line after it indented. */
function wrap(text: string, indent: string): string[] {
  const lead = /^ */.exec(text)![0];
  const lines = [lead];
  for (const word of text.slice(lead.length).split(/ +/)) {
    const last = lines.length - 1;
    const empty = lines[last].trim() === "";
    if (empty || lines[last].length + 1 + word.length <= WIDTH) lines[last] += empty ? word : ` ${word}`;
    else lines.push(`${indent}${word}`);
  }
  return lines;
}

function policyLines(input: ByokInput): string[] {
  const policy = buildKeyPolicy({ camundaClusterRoleArn: input.camundaClusterRoleArn, keyAccountId: ACCOUNT });
  const width = Math.max(...policy.Statement.map((s) => s.Sid.length));
  return policy.Statement.flatMap((s) => {
    const actions = [s.Action].flat().join(", ");
    const principal = [s.Principal.AWS].flat().join(", ");
    return hanging(
      `  ${s.Sid.padEnd(width)}  `,
      `${s.Effect} ${actions} for ${principal}${s.Condition ? " (with a condition)" : ""}: ${WHY[s.Sid] ?? ""}`,
      WIDTH,
    );
  });
}

async function pulumiCount(input: ByokInput): Promise<number> {
  const registered = installPulumiMocks({ providerRegion: input.clusterRegion });
  const byok = new CamundaByokKey("camunda-byok", input);
  await settledValue(byok.keyArn);
  await settle();
  return registered.filter((r) => r.type.startsWith("aws:")).length;
}

function cdktfCount(input: ByokInput): number {
  const stack = new TerraformStack(Testing.app(), "camunda-byok");
  new AwsProvider(stack, "aws", { region: input.clusterRegion });
  new CamundaByokConstruct(stack, "camunda-byok", input);
  const json = JSON.parse(Testing.synth(stack)) as { resource: Record<string, Record<string, unknown>> };
  return Object.values(json.resource).reduce((sum, resources) => sum + Object.keys(resources).length, 0);
}

/** The Terraform module's own plan for the same inputs, AWS mocked; or why it was not run. */
async function modulePlan(input: ByokInput): Promise<string> {
  const tools = terraformTools();
  if (typeof tools === "string") return `not run here (${tools})`;
  const module = path.resolve(__dirname, "../terraform");
  const main = `provider "aws" {\n  region = ${hclValue(input.clusterRegion)}\n}\n\nmodule "camunda_byok" {\n  source = ${hclValue(module)}\n  camunda_cluster_role_arn = ${hclValue(input.camundaClusterRoleArn)}\n  cluster_region = ${hclValue(input.clusterRegion)}\n  cluster_name = ${hclValue(input.clusterName)}\n  alert_emails = ${hclValue(input.alertEmails)}\n  providers = {\n    aws        = aws\n    aws.backup = aws\n  }\n}\n`;
  const mocks = `mock_provider "aws" {\n  override_during = plan\n  source          = ${hclValue(path.join(module, "tests/mocks/aws"))}\n}\n\nrun "plan" {\n  command = plan\n}\n`;
  const workdir = terraformFilesWorkdir(tools, "summary", { "main.tf": main });
  const output = await workdir.testVerbose({ "plan.tftest.hcl": mocks });
  const plan = /Plan: \d+ to add, \d+ to change, \d+ to destroy\./.exec(output)?.[0];
  return plan
    ? `${plan} (terraform ${tools.version}, hashicorp/aws ${tools.awsProviderVersion}, AWS mocked)`
    : `the plan failed:\n${output}`;
}

export async function printSummary(input: ByokInput): Promise<void> {
  const spec = buildByokSpec(input, { keyAccountId: ACCOUNT, providerRegion: input.clusterRegion });
  const rows = createdResources(spec);
  console.log(`camunda-byok-kms offline plan: nothing is deployed; AWS answers are mocked (account ${ACCOUNT}).`);
  for (const line of wrap(
    `For the example's inputs, the same in every front end: clusterName ${input.clusterName}, clusterRegion ${input.clusterRegion}, ${input.alertEmails?.length ?? 0} alert emails, camundaClusterRoleArn ${input.camundaClusterRoleArn}.`,
    "  ",
  ))
    console.log(line);
  console.log("\n== The key policy ==");
  for (const line of policyLines(input)) console.log(line);
  const prefix = `camunda-byok-${input.clusterName}`;
  console.log(
    `\n== What is created, in ${input.clusterRegion}: ${rows.length} resources (Pulumi, CDKTF, cdktn and the Terraform module alike) ==`,
  );
  console.log(`  AWS names start with ${prefix} (… below)`);
  for (const line of createdResourcesTable(rows, prefix, WIDTH)) console.log(line);
  console.log("\n== Each front end's own count, for the same inputs ==");
  console.log(`  Pulumi component, under mocks:   ${await pulumiCount(input)} AWS resources`);
  console.log(`  CDKTF construct, synthesized:    ${cdktfCount(input)} resources`);
  for (const line of hanging("  Terraform module, real plan:     ", await modulePlan(input), WIDTH)) console.log(line);
  console.log("\nThen paste the key's ARN (output keyArn, key_arn) into the Camunda Console.");
  console.log("`npm start -- --full` prints each front end's full plan: every setting of every resource.");
}
