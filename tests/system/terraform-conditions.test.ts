import { expect } from "chai";
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CamundaByokKey } from "../../cdktf";
import { validateByokInput, type ByokInput } from "../../shared";
import { REGIONS_BY_PARTITION } from "../../shared/internal";
import { generateModule } from "../../scripts/terraform-module/files";
import { snakeCase } from "../../scripts/terraform-module/names";
import { validInput } from "../support/fixtures";
import { requireTerraform, type TerraformTools } from "../support/terraform";

// The checks the construct defers to Terraform (inputs given as variables), and the Terraform
// module's validation blocks, must judge every value as the JavaScript checks judge the same value
// given literally. Real Terraform evaluates each synthesized condition over generated values; the
// core's validateByokInput is the oracle.

type CheckedInput =
  | "camundaClusterRoleArn"
  | "clusterRegion"
  | "clusterName"
  | "deletionWindowInDays"
  | "rotationPeriodInDays"
  | "aliasName"
  | "alertEmails"
  | "monitoredEventNames"
  | "keyAdministratorArns"
  | "alertTopicArn"
  | "backupRegion"
  | "tags";

const TYPES: Record<CheckedInput, string> = {
  camundaClusterRoleArn: "string",
  clusterRegion: "string",
  clusterName: "string",
  deletionWindowInDays: "number",
  rotationPeriodInDays: "number",
  aliasName: "string",
  alertEmails: "list(string)",
  monitoredEventNames: "list(string)",
  keyAdministratorArns: "list(string)",
  alertTopicArn: "string",
  backupRegion: "string",
  tags: "map(string)",
};

/** The conditions one input's value must meet, over `var.<variable>`. */
interface CheckedVariable {
  input: CheckedInput;
  variable: string;
  conditions: string[];
}

/**
 * What the construct takes as a Terraform value: not the backup region (it decides resources), and
 * not a whole list that goes into the policy or a pattern (refused, see cdktf.test.ts).
 */
const CONSTRUCT_INPUTS = (Object.keys(TYPES) as CheckedInput[]).filter(
  (input) => !["backupRegion", "keyAdministratorArns", "monitoredEventNames", "tags"].includes(input),
);

/** The construct's key preconditions that read one variable, when every checked input is one. */
function constructConditions(): CheckedVariable[] {
  const app = Testing.app();
  const stack = new TerraformStack(app, "conditions");
  new AwsProvider(stack, "aws", { region: "eu-central-1" });
  const inputs = CONSTRUCT_INPUTS;
  const variables = Object.fromEntries(
    inputs.map((input) => {
      const variable = new TerraformVariable(stack, snakeCase(input), { type: TYPES[input] });
      return [
        input,
        TYPES[input] === "number" ? variable.numberValue : TYPES[input] === "string" ? variable.stringValue : variable.listValue,
      ];
    }),
  );
  new CamundaByokKey(stack, "byok", variables as unknown as ByokInput);
  const json = JSON.parse(Testing.synth(stack));
  const [key] = Object.values(json.resource.aws_kms_key) as any[];
  const byVariable = new Map<string, string[]>();
  for (const { condition } of key.lifecycle.precondition as { condition: string }[]) {
    const read = [...new Set(condition.match(/\b(?:var|data|local)\.[a-z_]+/g) ?? [])];
    if (read.length !== 1 || !read[0].startsWith("var.")) continue;
    const variable = read[0].slice(4);
    byVariable.set(variable, [...(byVariable.get(variable) ?? []), condition.slice(2, -1)]);
  }
  return inputs
    .filter((input) => byVariable.has(snakeCase(input)))
    .map((input) => ({ input, variable: snakeCase(input), conditions: byVariable.get(snakeCase(input))! }));
}

/** The module's validation blocks that read their own variable alone, by variable. */
function moduleConditions(): CheckedVariable[] {
  const { validations } = generateModule().root;
  return (Object.keys(TYPES) as CheckedInput[])
    .map((input) => {
      const variable = snakeCase(input);
      const own = (validations.get(variable) ?? [])
        .map((check) => check.condition)
        .filter((condition) => (condition.match(/\b(?:var|data|local)\.[a-z_]+/g) ?? []).every((read) => read === `var.${variable}`));
      return { input, variable, conditions: own };
    })
    .filter((check) => check.conditions.length > 0);
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
const aliasName = fc.stringMatching(/^alias\/[A-Za-z0-9/_-]{1,250}$/);
const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9.+_-]{1,12}$/), fc.stringMatching(/^[a-z0-9-]{1,10}$/), fc.constantFrom("com", "de", "co.uk"))
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
const eventName = fc.stringMatching(/^[A-Z][A-Za-z0-9]{2,20}$/);
const adminArn = fc.oneof(
  fc.stringMatching(/^\d{12}$/).map((account) => `arn:aws:iam::${account}:root`),
  fc
    .tuple(fc.constantFrom("role", "user"), fc.constantFrom("/", "/ops/", "/a/b/"), fc.stringMatching(/^[\w+=,.@-]{1,64}$/))
    .map(([kind, p, name]) => `arn:aws:iam::111122223333:${kind}${p}${name}`),
);
const topicArn = fc
  .tuple(fc.stringMatching(/^\d{12}$/), fc.stringMatching(/^[\w-]{1,256}$/))
  .map(([account, name]) => `arn:aws:sns:eu-central-1:${account}:${name}`);
/** Lists of valid and broken elements, repeats (in another case) included. */
function listOf(valid: fc.Arbitrary<string>, broken: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  return fc.oneof(
    fc.array(valid, { maxLength: 3 }),
    fc.array(fc.oneof(valid, broken), { minLength: 1, maxLength: 3 }),
    valid.chain((item) => fc.constantFrom<string[]>([item, item], [item, item.toUpperCase()], [item, item.toLowerCase()])),
  );
}

const SAMPLES: Record<CheckedInput, fc.Arbitrary<unknown>> = {
  camundaClusterRoleArn: fc.oneof(
    validRoleArn,
    mutated(validRoleArn, ROLE_NAME_CHARS),
    fc.string({ maxLength: 40 }),
    fc.constantFrom("arn:aws:sts::123456789012:assumed-role/x/y", "arn:aws:iam::123456789012:user/x", ""),
  ),
  clusterRegion: fc.oneof(knownRegion, mutated(knownRegion, fc.constantFrom("x", "-", "1", "", " ")), fc.string({ maxLength: 20 })),
  clusterName: fc.oneof(clusterName, mutated(clusterName, fc.constantFrom(".", " ", "*", "\n", "é", "a")), fc.string({ maxLength: 40 })),
  deletionWindowInDays: fc.oneof(
    fc.integer({ min: -3, max: 40 }),
    fc.double({ min: 0, max: 40, noNaN: true }),
    fc.constantFrom(6, 7, 30, 31, 7.5),
  ),
  rotationPeriodInDays: fc.oneof(
    fc.integer({ min: 80, max: 2600 }),
    fc.double({ min: 80, max: 2600, noNaN: true }),
    fc.constantFrom(89, 90, 2560, 2561, 90.5),
  ),
  aliasName: fc.oneof(
    aliasName,
    mutated(aliasName, fc.constantFrom(".", " ", "*", "é", "A", "/")),
    fc.string({ maxLength: 20 }),
    fc.constantFrom("alias/aws/x", "alias/AWS/x", "alias/awsx", "alias/", "alias", `alias/${"a".repeat(250)}`, `alias/${"a".repeat(251)}`),
  ),
  alertEmails: listOf(email, fc.oneof(mutated(email, fc.constantFrom(" ", "@", "\t", "\v", ".", "\u00a0")), fc.string({ maxLength: 12 }))),
  monitoredEventNames: listOf(
    eventName,
    fc.oneof(mutated(eventName, fc.constantFrom(" ", "-", "a", "1", "é")), fc.string({ maxLength: 12 })),
  ),
  keyAdministratorArns: listOf(
    adminArn,
    fc.oneof(mutated(adminArn, fc.constantFrom(" ", "*", ":", "/", "x")), fc.string({ maxLength: 30 })),
  ),
  alertTopicArn: fc.oneof(
    topicArn,
    topicArn.map((arn) => arn.replace(":sns:", ":sqs:")),
    topicArn.map((arn) => `${arn}*`),
    topicArn.map((arn) => arn.replace(/:\d{12}:/, ":1234:")),
    fc.string({ maxLength: 30 }),
  ),
  backupRegion: fc.oneof(knownRegion, mutated(knownRegion, fc.constantFrom("x", "-", "1", "", " ")), fc.string({ maxLength: 20 })),
  tags: fc.oneof(
    fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 12 }), { maxKeys: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom("", "aws:x", "AWS:team", "awsx", "camunda:cluster", "managed-by", "a".repeat(128), "a".repeat(129), "line\nbreak"),
        fc.string({ maxLength: 8 }),
      ),
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("v".repeat(256), "v".repeat(257), "two\nlines")),
      { minKeys: 1, maxKeys: 3 },
    ),
    fc.integer({ min: 47, max: 50 }).map((count) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`key${i}`, "v"]))),
  ),
};
const SAMPLES_PER_CHECK = 300;

/** A cluster region in the partition a role ARN names, so only the ARN's own rule judges it. */
function regionForPartitionOf(value: unknown): string {
  if (String(value).startsWith("arn:aws-cn:")) return "cn-north-1";
  if (String(value).startsWith("arn:aws-us-gov:")) return "us-gov-west-1";
  return "eu-central-1";
}

/** A cluster region for a backup region: another region of its partition, so only its own rule judges it. */
function clusterRegionBeside(backup: unknown): string {
  const partition = Object.values(REGIONS_BY_PARTITION).find((regions) => regions.includes(String(backup)));
  return partition?.find((region) => region !== backup) ?? "eu-central-1";
}

/** The JavaScript verdict: does validateByokInput accept `value` for this input, given literally? */
function javascriptAccepts(input: CheckedInput, value: unknown): boolean {
  const context: Partial<ByokInput> =
    input === "camundaClusterRoleArn"
      ? { clusterRegion: regionForPartitionOf(value) }
      : input === "backupRegion"
        ? { clusterRegion: clusterRegionBeside(value) }
        : {};
  const candidate = { ...validInput(context), [input]: value } as ByokInput;
  try {
    validateByokInput(candidate);
    return true;
  } catch (error) {
    const problems = (error as { problems?: { input: string }[] }).problems ?? [];
    return !problems.some((p) => p.input === input || p.input.startsWith(`${input}[`) || p.input.startsWith(`${input}.`));
  }
}

/** Terraform's verdicts: every check's conditions (all must hold) mapped over its samples, in one configuration. */
function terraformVerdicts(tools: TerraformTools, checks: CheckedVariable[], samples: unknown[][]): boolean[][] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "camunda-byok-conditions-"));
  const config = { variable: {} as Record<string, object>, output: {} as Record<string, object> };
  checks.forEach((check, index) => {
    const expression = check.conditions.map((condition) => `(${condition.split(`var.${check.variable}`).join("sample")})`).join(" && ");
    config.variable[`samples_${index}`] = { type: `list(${TYPES[check.input]})` };
    config.output[`verdicts_${index}`] = { value: `\${[for sample in var.samples_${index} : ${expression}]}` };
  });
  writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(config));
  writeFileSync(
    path.join(dir, "samples.tfvars.json"),
    JSON.stringify(Object.fromEntries(checks.map((_, index) => [`samples_${index}`, samples[index]]))),
  );
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

const SOURCES = { "the construct's preconditions": constructConditions, "the module's validation blocks": moduleConditions };

describe("deferred checks as Terraform conditions", () => {
  it("the construct defers every input that can be a Terraform value", () => {
    expect(constructConditions().map((c) => c.input)).to.have.members(CONSTRUCT_INPUTS);
  });
  it("the module validates each of them in its variable", () => {
    expect(moduleConditions().map((c) => c.input)).to.have.members(Object.keys(TYPES));
  });
});

for (const [source, conditions] of Object.entries(SOURCES)) {
  describe(`${source}: Terraform's verdict equals JavaScript's over generated values`, () => {
    let tools: TerraformTools;
    const checks = conditions();

    before(function () {
      tools = requireTerraform(this);
    });

    it("gives the same verdict as validateByokInput for every sample", function () {
      this.timeout(300_000);
      const samples = checks.map((check, index) => {
        const seen = new Set<string>();
        return fc.sample(SAMPLES[check.input], { numRuns: SAMPLES_PER_CHECK, seed: 42 + index }).filter((value) => {
          const key = JSON.stringify(value);
          return !seen.has(key) && seen.add(key);
        });
      });
      const verdicts = terraformVerdicts(tools, checks, samples);
      checks.forEach((check, index) => {
        const disagreements = samples[index].filter((value, i) => verdicts[index][i] !== javascriptAccepts(check.input, value));
        expect(disagreements, `${check.variable}: Terraform and JavaScript disagree`).to.deep.equal([]);
        // Both verdicts occur, so the samples exercise the rule from both sides.
        expect(new Set(verdicts[index]).size, `${check.variable} samples are all ${verdicts[index][0]}`).to.equal(2);
      });
    });
  });
}
