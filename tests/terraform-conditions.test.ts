import { expect } from "chai";
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CamundaByokKey } from "../cdktf";
import { validateByokInput, type ByokInput } from "../shared";
import { REGIONS_BY_PARTITION } from "../shared/internal";
import { validInput } from "./support/fixtures";
import { requireTerraform, type TerraformTools } from "./support/terraform";

// The checks the construct defers to Terraform (inputs given as variables) must judge every value
// as the JavaScript checks judge the same value given literally. Real Terraform evaluates each
// synthesized precondition over generated values; the core's validateByokInput is the oracle.

const VARIABLES = {
  role_arn: { input: "camundaClusterRoleArn", type: "string" },
  cluster_region: { input: "clusterRegion", type: "string" },
  cluster_name: { input: "clusterName", type: "string" },
  deletion_window: { input: "deletionWindowInDays", type: "number" },
  rotation_period: { input: "rotationPeriodInDays", type: "number" },
} as const;
type VariableName = keyof typeof VARIABLES;

/** The key's preconditions when every checked input is a Terraform variable. */
function deferredConditions(): { variable: VariableName; condition: string }[] {
  const app = Testing.app();
  const stack = new TerraformStack(app, "conditions");
  new AwsProvider(stack, "aws", { region: "eu-central-1" });
  const value = (name: VariableName) => new TerraformVariable(stack, name, { type: VARIABLES[name].type });
  new CamundaByokKey(stack, "byok", {
    camundaClusterRoleArn: value("role_arn").stringValue,
    clusterRegion: value("cluster_region").stringValue,
    clusterName: value("cluster_name").stringValue,
    deletionWindowInDays: value("deletion_window").numberValue,
    rotationPeriodInDays: value("rotation_period").numberValue,
  });
  const json = JSON.parse(Testing.synth(stack));
  const [key] = Object.values(json.resource.aws_kms_key) as any[];
  return key.lifecycle.precondition
    .map((p: { condition: string }) => p.condition)
    .filter((condition: string) => !condition.includes("data."))
    .map((condition: string) => {
      const variables = [...new Set(condition.match(/var\.[a-z_]+/g) ?? [])];
      expect(variables, condition).to.have.length(1);
      return { variable: variables[0].slice(4) as VariableName, condition };
    });
}

const ROLE_NAME_CHARS = fc.constantFrom(..."abcXYZ019+=,.@_-/*: ?\n");
const validRoleArn = fc
  .record({
    partition: fc.constantFrom("aws", "aws-cn", "aws-us-gov"),
    account: fc.stringMatching(/^\d{12}$/),
    path: fc.constantFrom("/", "/c8-cluster/", "/a/b/", "/x!~/"),
    name: fc.stringMatching(/^[\w+=,.@-]{1,64}$/),
  })
  .map((r) => `arn:${r.partition}:iam::${r.account}:role${r.path}${r.name}`);
/** A valid value with one character replaced, inserted or removed. */
function mutated(valid: fc.Arbitrary<string>, chars: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(valid, fc.nat(), chars, fc.constantFrom("replace", "insert", "remove")).map(([text, at, char, how]) => {
    const i = at % (text.length + 1);
    if (how === "insert") return text.slice(0, i) + char + text.slice(i);
    if (how === "remove") return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + char + text.slice(i + 1);
  });
}
const clusterName = fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/);
const knownRegion = fc.constantFrom(...Object.values(REGIONS_BY_PARTITION).flat());

const SAMPLES: Record<VariableName, fc.Arbitrary<string | number>> = {
  role_arn: fc.oneof(validRoleArn, mutated(validRoleArn, ROLE_NAME_CHARS), fc.string({ maxLength: 40 }),
    fc.constantFrom("arn:aws:sts::123456789012:assumed-role/x/y", "arn:aws:iam::123456789012:user/x", "")),
  cluster_region: fc.oneof(knownRegion, mutated(knownRegion, fc.constantFrom("x", "-", "1", "", " ")), fc.string({ maxLength: 20 })),
  cluster_name: fc.oneof(clusterName, mutated(clusterName, fc.constantFrom(".", " ", "*", "\n", "é", "a")), fc.string({ maxLength: 40 })),
  deletion_window: fc.oneof(fc.integer({ min: -3, max: 40 }), fc.double({ min: 0, max: 40, noNaN: true }), fc.constantFrom(6, 7, 30, 31, 7.5)),
  rotation_period: fc.oneof(fc.integer({ min: 80, max: 2600 }), fc.double({ min: 80, max: 2600, noNaN: true }), fc.constantFrom(89, 90, 2560, 2561, 90.5)),
};
const SAMPLES_PER_CHECK = 300;

/** A cluster region in the partition a role ARN names, so only the ARN's own rule judges it. */
function regionForPartitionOf(value: string | number): string {
  if (String(value).startsWith("arn:aws-cn:")) return "cn-north-1";
  if (String(value).startsWith("arn:aws-us-gov:")) return "us-gov-west-1";
  return "eu-central-1";
}

/** The JavaScript verdict: does validateByokInput accept `value` for this input, given literally? */
function javascriptAccepts(variable: VariableName, value: string | number): boolean {
  const base = validInput(variable === "role_arn" ? { clusterRegion: regionForPartitionOf(value) } : {});
  const input = { ...base, [VARIABLES[variable].input]: value } as ByokInput;
  try {
    validateByokInput(input);
    return true;
  } catch (error) {
    const problems = (error as { problems?: { input: string }[] }).problems ?? [];
    return !problems.some((p) => p.input === VARIABLES[variable].input);
  }
}

/** Terraform's verdicts: every condition mapped over its samples in one configuration. */
function terraformVerdicts(tools: TerraformTools, checks: { variable: VariableName; condition: string }[], samples: Record<string, unknown[]>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "camunda-byok-conditions-"));
  const config = { variable: {} as Record<string, object>, output: {} as Record<string, object> };
  checks.forEach((check, index) => {
    const expression = check.condition.slice(2, -1).split(`var.${check.variable}`).join("sample");
    config.variable[`samples_${index}`] = { type: `list(${VARIABLES[check.variable].type})` };
    config.output[`verdicts_${index}`] = { value: `\${[for sample in var.samples_${index} : ${expression}]}` };
  });
  writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(config));
  writeFileSync(path.join(dir, "samples.tfvars.json"), JSON.stringify(Object.fromEntries(checks.map((_, index) => [`samples_${index}`, samples[index]]))));
  const env = { ...process.env, TF_CLI_CONFIG_FILE: tools.cliConfigFile, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
  const run = (args: string[]) => {
    const result = spawnSync(tools.binary, args, { cwd: dir, env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`terraform ${args[0]} failed in ${dir}:\n${result.stdout}${result.stderr}`);
    return result.stdout;
  };
  run(["init", "-input=false", "-no-color"]);
  run(["apply", "-auto-approve", "-input=false", "-no-color", "-var-file=samples.tfvars.json"]);
  const outputs = JSON.parse(run(["output", "-json"]));
  return checks.map((_, index) => outputs[`verdicts_${index}`].value as boolean[]);
}

describe("deferred checks as Terraform preconditions", () => {
  it("defers every input that can be a Terraform value", () => {
    expect(deferredConditions().map((c) => c.variable)).to.have.members(Object.keys(VARIABLES));
  });
});

describe("deferred checks: Terraform's verdict equals JavaScript's over generated values", function () {
  let tools: TerraformTools;
  const checks = deferredConditions();

  before(function () {
    tools = requireTerraform(this);
  });

  it("gives the same verdict as validateByokInput for every sample", function () {
    this.timeout(300_000);
    const samples: Record<string, unknown[]> = {};
    checks.forEach((check, index) => {
      samples[index] = [...new Set(fc.sample(SAMPLES[check.variable], { numRuns: SAMPLES_PER_CHECK, seed: 42 + index }))];
    });
    const verdicts = terraformVerdicts(tools, checks, samples);
    checks.forEach((check, index) => {
      const values = samples[index] as (string | number)[];
      const disagreements = values.filter((value, i) => verdicts[index][i] !== javascriptAccepts(check.variable, value));
      expect(disagreements, `${check.variable}: Terraform and JavaScript disagree`).to.deep.equal([]);
      // Both verdicts occur, so the samples exercise the rule from both sides.
      expect(new Set(verdicts[index]).size, `${check.variable} samples are all ${verdicts[index][0]}`).to.equal(2);
    });
  });
});
