import { expect } from "chai";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CamundaByokKey } from "../cdktf";
import { buildByokSpec, type ByokInput } from "../shared";
import { INPUT_NAMES } from "../shared/internal";
import { MODULE_DIR, staleModuleFiles } from "../scripts/generate-terraform-module";
import { buildModuleSpec } from "../scripts/terraform-module/module-spec";
import { snakeCase } from "../scripts/terraform-module/names";
import { NOT_VARIABLES } from "../scripts/terraform-module/variants";
import { AWS_PROVIDER_CONSTRAINT, TERRAFORM_CONSTRAINT } from "../scripts/terraform-module/requirements";
import { CAMUNDA_ROLE_ARN } from "./support/fixtures";
import {
  runnableConfig,
  requireTerraform,
  terraformFilesWorkdir,
  terraformWorkdirIn,
  type TerraformTestResult,
  type TerraformTools,
} from "./support/terraform";
import { coreExpectations, expectationAssertions, terraformAddress, terraformJson } from "./support/terraform-expectations";
import { MOCK_ACCOUNT_ID, mockProviderBlock, type MockDeployer } from "./support/terraform-mocks";
import { describeResult, expectPlanFailure, expectRunsPass, refusedDestroys, runBlock, testFileText } from "./support/terraform-tests";
import { runAsync } from "./support/processes";

// The Terraform module in terraform/: generated from the core (a test regenerates it), then run by
// real Terraform the way its users run it: the module's own directory under `terraform test` (with
// the cases of the CDKTF suite), the example that calls it, and one state holding both the module
// and the construct for the same input, whose every setting must agree.

const INPUT: ByokInput = {
  camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
  clusterRegion: "eu-central-1",
  clusterName: "payments-prod",
  alertEmails: ["oncall@example.com"],
};

const ROLE_WITH_PATH_DEPLOYER: MockDeployer = {
  callerArn: `arn:aws:sts::${MOCK_ACCOUNT_ID}:assumed-role/deployer/pipeline-run-42`,
  issuerArn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/ops/deployer`,
};

/** Inputs with every choice the module makes at plan time taken the other way. */
const DUAL_REGION: ByokInput = {
  ...INPUT,
  backupRegion: "eu-west-1",
  keyAdministratorArns: [`arn:aws:iam::${MOCK_ACCOUNT_ID}:role/KmsAdmins`],
  restrictGrantsToAwsResources: true,
  monitoredEventNames: ["DisableKey", "DisableKeyRotation", "UpdatePrimaryRegion", "ScheduleKeyDeletion"],
  tags: { team: "payments" },
};
const EXISTING_TOPICS: ByokInput = {
  ...INPUT,
  backupRegion: "eu-west-1",
  alertTopicArn: `arn:aws:sns:eu-central-1:${MOCK_ACCOUNT_ID}:oncall`,
  backupAlertTopicArn: `arn:aws:sns:eu-west-1:${MOCK_ACCOUNT_ID}:oncall`,
  monitorAccessDenied: false,
  enableKeyRotation: false,
  enableDefaultAccountAccess: false,
  keyAdministratorArns: [ROLE_WITH_PATH_DEPLOYER.issuerArn!],
  aliasName: "alias/payments/byok",
  deletionWindowInDays: 7,
};

/** The module's variables for an input: the same names, in snake case. */
function moduleVariables(input: ByokInput): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).map(([name, value]) => [snakeCase(name), value]));
}

/** Each logical id's address in the module (`[0]` where a count decides). */
const MODULE_ADDRESSES = new Map(buildModuleSpec().resources.map((r) => [r.logicalId, `${r.type}.${r.name}${r.condition ? "[0]" : ""}`]));

function mocks(tools: TerraformTools, input: ByokInput, deployer: MockDeployer = {}, extraAliases: Record<string, string> = {}): string {
  const awsProviderMajor = Number(tools.awsProviderVersion.split(".")[0]);
  const multiRegion = input.backupRegion !== undefined;
  const backup = input.backupRegion ?? input.clusterRegion;
  return [
    mockProviderBlock({ region: input.clusterRegion, multiRegion, awsProviderMajor, deployer }),
    mockProviderBlock({ region: backup, alias: "backup", multiRegion, awsProviderMajor, deployer }),
    ...Object.entries(extraAliases).map(([alias, region]) => mockProviderBlock({ region, alias, multiRegion, awsProviderMajor, deployer })),
  ].join("\n\n");
}

function moduleAssertions(input: ByokInput): string[] {
  return expectationAssertions(coreExpectations(input), (logicalId) => MODULE_ADDRESSES.get(logicalId)!, terraformJson);
}

const assertLine = (condition: string, message: string) =>
  `  assert {\n    condition     = ${condition}\n    error_message = ${JSON.stringify(message)}\n  }`;

/** Bad values, each in its own file (a failed run skips the rest of its file). */
const BAD_VALUES: {
  name: string;
  variables: Record<string, unknown>;
  message: string;
  deployer?: MockDeployer;
  variable?: boolean;
  alsoWarns?: boolean;
}[] = [
  {
    name: "sts-session-arn",
    variables: { camunda_cluster_role_arn: "arn:aws:sts::123456789012:assumed-role/c8-apps/session" },
    message: "camunda_cluster_role_arn must be an IAM role ARN",
    variable: true,
  },
  {
    name: "bad-cluster-name",
    variables: { cluster_name: "-payments" },
    message: 'cluster_name must be 1-32 letters, digits, "-" or "_", starting with a letter or digit',
    variable: true,
  },
  {
    name: "unknown-region",
    variables: { cluster_region: "xx-nowhere-1" },
    message: "cluster_region must be an AWS region this version of camunda-byok-kms knows",
    variable: true,
  },
  {
    name: "short-window",
    variables: { deletion_window_in_days: 5 },
    message: "deletion_window_in_days must be a whole number of days between 7 and 30",
    variable: true,
  },
  {
    name: "fractional-window",
    variables: { deletion_window_in_days: 7.5 },
    message: "deletion_window_in_days must be a whole number of days between 7 and 30",
    variable: true,
  },
  {
    name: "long-rotation",
    variables: { rotation_period_in_days: 3000 },
    message: "rotation_period_in_days must be a whole number of days between 90 and 2560",
    variable: true,
  },
  { name: "bad-email", variables: { alert_emails: ["oncall"] }, message: "alert_emails must hold only email addresses", variable: true },
  {
    name: "reserved-alias",
    variables: { alias_name: "alias/aws/camunda" },
    message: 'alias_name must not start with "alias/aws/"',
    variable: true,
  },
  { name: "reserved-tag", variables: { tags: { "managed-by": "me" } }, message: "tags must hold at most 48 tags", variable: true },
  {
    name: "backup-topic-in-cluster-region",
    variables: {
      backup_region: "eu-west-1",
      alert_topic_arn: EXISTING_TOPICS.alertTopicArn,
      backup_alert_topic_arn: EXISTING_TOPICS.alertTopicArn,
    },
    message: "backup_alert_topic_arn must be a topic in backup_region",
    alsoWarns: true,
  },
  {
    name: "backup-in-cluster-region",
    variables: { backup_region: "eu-central-1" },
    message: "backup_region must differ from cluster_region",
  },
  {
    name: "backup-provider-region",
    variables: { backup_region: "eu-west-1" },
    message: 'backup_region is "eu-west-1", but the aws.backup provider deploys to "eu-central-1"',
  },
  {
    name: "region-mismatch",
    variables: { cluster_region: "us-east-1" },
    message: 'cluster_region is "us-east-1", but the AWS provider deploys to "eu-central-1"',
  },
  {
    name: "deployer-not-administrator",
    variables: { enable_default_account_access: false, key_administrator_arns: [`arn:aws:iam::${MOCK_ACCOUNT_ID}:role/SecurityAdmins`] },
    message: "key_administrator_arns must include the principal that deploys the key when enable_default_account_access is false",
    deployer: ROLE_WITH_PATH_DEPLOYER,
  },
  {
    name: "no-administrator",
    variables: { enable_default_account_access: false },
    message: "key_administrator_arns must name at least one administrator when enable_default_account_access is false",
  },
  {
    name: "backup-topic-alone",
    variables: { backup_alert_topic_arn: `arn:aws:sns:eu-west-1:${MOCK_ACCOUNT_ID}:oncall` },
    message: "backup_alert_topic_arn is only used with backup_region",
  },
];

/** The module's own directory, as its users' `terraform test` runs it. */
function moduleSuite(tools: TerraformTools): { files: Record<string, string>; tests: Record<string, string> } {
  const files = Object.fromEntries(
    readdirSync(MODULE_DIR)
      .filter((name) => name.endsWith(".tf"))
      .map((name) => [name, readFileSync(path.join(MODULE_DIR, name), "utf8")]),
  );
  const base = moduleVariables(INPUT);
  const tests: Record<string, string> = {
    "apply.tftest.hcl": testFileText(mocks(tools, INPUT), base, [
      runBlock("create", {
        command: "apply",
        lines: [...moduleAssertions(INPUT), assertLine("output.key_arn == aws_kms_key.this.arn", "key_arn output")],
      }),
      // With prevent_destroy on, a plan that replaced the key would fail; its ARN staying known proves it stays.
      runBlock("rename", {
        command: "plan",
        variables: { cluster_name: "renamed", alert_emails: ["a@example.com", "b@example.com"] },
        lines: [assertLine("aws_kms_key.this.arn == run.create.key_arn", "renaming replaced the key")],
      }),
      // No address and no topic of one's own: the core's warning, as a check that fails in a test.
      runBlock("no-alert-destination", {
        command: "plan",
        variables: { alert_emails: [] },
        lines: ["  expect_failures = [check.alert_emails]"],
      }),
    ]),
    "dual-region.tftest.hcl": testFileText(mocks(tools, DUAL_REGION), moduleVariables(DUAL_REGION), [
      runBlock("create", {
        command: "apply",
        lines: [
          ...moduleAssertions(DUAL_REGION),
          assertLine("output.replica_key_arn == aws_kms_replica_key.replica[0].arn", "replica_key_arn output"),
        ],
      }),
    ]),
    "existing-topics.tftest.hcl": testFileText(mocks(tools, EXISTING_TOPICS, ROLE_WITH_PATH_DEPLOYER), moduleVariables(EXISTING_TOPICS), [
      runBlock("create", {
        command: "apply",
        lines: [
          // The module's warning that an existing topic's policy is the user's to get right.
          "  expect_failures = [check.alert_topic_arn]",
          ...moduleAssertions(EXISTING_TOPICS),
          assertLine(
            "length(aws_sns_topic.alerts) + length(aws_sns_topic.replica_alerts) + length(aws_sns_topic_policy.alerts) == 0",
            "created a topic beside the existing one",
          ),
          assertLine("length(aws_cloudwatch_event_rule.access_denied) == 0", "created the access-denied rule"),
          assertLine("!aws_kms_key.this.enable_key_rotation", "rotation"),
          assertLine("output.alert_topic_arn == var.alert_topic_arn", "alert_topic_arn output"),
        ],
      }),
    ]),
  };
  for (const bad of BAD_VALUES) {
    tests[`bad-${bad.name}.tftest.hcl`] = testFileText(mocks(tools, INPUT, bad.deployer), base, [
      runBlock(bad.name, { command: "plan", variables: bad.variables }),
    ]);
  }
  return { files, tests };
}

/** The example beside the module, as a user runs it: `../../terraform` from examples/terraform. */
function exampleSuite(tools: TerraformTools): { root: string; tests: Record<string, string> } {
  const root = mkdtempSync(path.join(os.tmpdir(), "camunda-byok-tf-example-"));
  cpSync(MODULE_DIR, path.join(root, "terraform"), { recursive: true, filter: (source) => !source.includes(`${path.sep}.terraform`) });
  cpSync(path.join(__dirname, "..", "examples", "terraform", "main.tf"), path.join(root, "examples", "terraform", "main.tf"));
  const arns = `arn:aws:kms:eu-central-1:${MOCK_ACCOUNT_ID}:key/`;
  return {
    root,
    tests: {
      "apply.tftest.hcl": testFileText(mocks(tools, INPUT), { camunda_cluster_role_arn: CAMUNDA_ROLE_ARN }, [
        runBlock("create", {
          command: "apply",
          lines: [
            assertLine(`startswith(output.key_arn, ${JSON.stringify(arns)})`, "key_arn"),
            assertLine('output.alias_name == "alias/camunda-byok-payments-prod"', "alias_name"),
          ],
        }),
      ]),
      "bad-role.tftest.hcl": testFileText(
        mocks(tools, INPUT),
        { camunda_cluster_role_arn: "arn:aws:sts::123456789012:assumed-role/c8-apps/session" },
        [runBlock("bad-role", { command: "plan" })],
      ),
    },
  };
}

/** Two clusters in two regions, one module call each, on their own providers. */
function twoRegionsRoot(tools: TerraformTools): { files: Record<string, string>; tests: Record<string, string> } {
  const call = (clusterName: string, clusterRegion: string, provider: string) => ({
    source: MODULE_DIR,
    camunda_cluster_role_arn: CAMUNDA_ROLE_ARN,
    cluster_region: clusterRegion,
    cluster_name: clusterName,
    alert_emails: ["oncall@example.com"],
    providers: { aws: provider, "aws.backup": provider },
  });
  const config = {
    provider: { aws: [{ region: "eu-central-1" }, { alias: "virginia", region: "us-east-1" }] },
    module: { fra: call("fra", "eu-central-1", "aws"), iad: call("iad", "us-east-1", "aws.virginia") },
    output: {
      fra_key_arn: { value: "${module.fra.key_arn}" },
      iad_key_arn: { value: "${module.iad.key_arn}" },
      iad_alarm_arn: { value: "${module.iad.alarm_arn}" },
    },
  };
  const awsProviderMajor = Number(tools.awsProviderVersion.split(".")[0]);
  const mocked = [
    mockProviderBlock({ region: "eu-central-1", multiRegion: false, awsProviderMajor }),
    mockProviderBlock({ region: "us-east-1", alias: "virginia", multiRegion: false, awsProviderMajor }),
  ].join("\n\n");
  const starts = (output: string, region: string, service: string) =>
    assertLine(`startswith(output.${output}, "arn:aws:${service}:${region}:")`, `${output} in ${region}`);
  return {
    files: { "main.tf.json": JSON.stringify(config, null, 2) },
    tests: {
      "apply.tftest.hcl": testFileText(mocked, {}, [
        runBlock("create", {
          command: "apply",
          lines: [
            starts("fra_key_arn", "eu-central-1", "kms"),
            starts("iad_key_arn", "us-east-1", "kms"),
            starts("iad_alarm_arn", "us-east-1", "cloudwatch"),
          ],
        }),
      ]),
    },
  };
}

/**
 * One root holding the construct's synthesized resources and the module's, for the same input
 * and the same mocked AWS: every setting the core decides must be equal in both.
 */
function equivalenceRoot(tools: TerraformTools, name: string, input: ByokInput, deployer: MockDeployer = {}) {
  const app = Testing.app();
  const stack = new TerraformStack(app, "stack");
  new AwsProvider(stack, "aws", { region: input.clusterRegion });
  const byok = new CamundaByokKey(stack, "byok", input);
  const config = runnableConfig(tools, JSON.parse(Testing.synth(stack)));
  delete config.terraform;
  const aliases = Object.fromEntries((config.provider?.aws ?? []).filter((p: any) => p.alias).map((p: any) => [p.alias, p.region]));
  const files: Record<string, string> = { "construct.tf.json": JSON.stringify(config, null, 2) };
  for (const file of readdirSync(MODULE_DIR).filter((f) => f.endsWith(".tf")))
    files[file] = readFileSync(path.join(MODULE_DIR, file), "utf8");

  const assertions: string[] = [];
  const spec = buildByokSpec(input);
  for (const resource of spec.resources) {
    const construct = terraformAddress(byok.resources.get(resource.logicalId)!);
    let module = MODULE_ADDRESSES.get(resource.logicalId);
    if (resource.kind === "snsTopicSubscription") {
      // The construct makes one per literal email; the module one per element of the list.
      const email = (resource.settings as { endpoint: string }).endpoint;
      module = `${MODULE_ADDRESSES.get(resource.logicalId.replace(/-\d+$/, "s"))}[${JSON.stringify(email)}]`.replace("[0][", "[");
    }
    expect(module, resource.logicalId).to.be.a("string");
    for (const [setting, value] of Object.entries(resource.settings)) {
      const attribute = snakeCase(setting);
      const same =
        typeof value === "object" && value !== null && "$json" in value
          ? `jsondecode(${module}.${attribute}) == jsondecode(${construct}.${attribute})`
          : `jsonencode(${module}.${attribute}) == jsonencode(${construct}.${attribute})`;
      assertions.push(assertLine(same, `${resource.logicalId}.${attribute} differs between the module and the construct`));
    }
  }
  return {
    name,
    files,
    tests: {
      "equal.tftest.hcl": testFileText(mocks(tools, input, deployer, aliases), moduleVariables(input), [
        runBlock("create", {
          command: "apply",
          lines: [...(input.alertTopicArn ? ["  expect_failures = [check.alert_topic_arn]"] : []), ...assertions],
        }),
      ]),
    },
  };
}

describe("Terraform module (terraform/)", () => {
  it("is what the core generates (npm run generate:terraform)", () => {
    expect(staleModuleFiles()).to.deep.equal([]);
  });

  it("notices a hand edit or a stray file", () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), "camunda-byok-module-"));
    cpSync(MODULE_DIR, copy, { recursive: true });
    writeFileSync(
      path.join(copy, "main.tf"),
      readFileSync(path.join(copy, "main.tf"), "utf8").replace("prevent_destroy = true", "prevent_destroy = false"),
    );
    writeFileSync(path.join(copy, "extra.tf"), "");
    expect(staleModuleFiles(copy)).to.deep.equal(["main.tf", "extra.tf"]);
  });

  it("has a variable for every input but preventDestroy, and an output for every output, in its README", () => {
    const variables = [...readFileSync(path.join(MODULE_DIR, "variables.tf"), "utf8").matchAll(/^variable "(\w+)"/gm)].map((m) => m[1]);
    expect(variables).to.deep.equal(INPUT_NAMES.filter((name) => NOT_VARIABLES[name] === undefined).map(snakeCase));
    const outputs = [...readFileSync(path.join(MODULE_DIR, "outputs.tf"), "utf8").matchAll(/^output "(\w+)"/gm)].map((m) => m[1]);
    expect(outputs).to.have.members([
      "key_arn",
      "key_id",
      "replica_key_arn",
      "alias_name",
      "key_policy_json",
      "event_rule_arn",
      "alarm_arn",
      "alert_topic_arn",
    ]);
    const readme = readFileSync(path.join(MODULE_DIR, "README.md"), "utf8");
    for (const name of [...variables, ...outputs]) expect(readme).to.include(`| \`${name}\` |`);
  });

  it("its example asks for the Terraform and AWS provider versions the module asks for", () => {
    const example = readFileSync(path.join(__dirname, "..", "examples", "terraform", "main.tf"), "utf8");
    expect(example).to.include(`required_version = "${TERRAFORM_CONSTRAINT}"`).and.to.include(`version = "${AWS_PROVIDER_CONSTRAINT}"`);
  });

  it("reads every variable it declares (an input the generator forgot would be a dead variable)", () => {
    const variables = [...readFileSync(path.join(MODULE_DIR, "variables.tf"), "utf8").matchAll(/^variable "(\w+)"/gm)].map((m) => m[1]);
    const body = readdirSync(MODULE_DIR)
      .filter((file) => file.endsWith(".tf") && file !== "variables.tf")
      .map((file) => readFileSync(path.join(MODULE_DIR, file), "utf8"))
      .join("\n");
    expect(variables.filter((name) => !new RegExp(`\\bvar\\.${name}\\b`).test(body))).to.deep.equal([]);
  });

  describe("in real Terraform (terraform test, mocked AWS provider)", () => {
    let tools: TerraformTools;
    let module: TerraformTestResult;
    let example: TerraformTestResult;
    let twoRegions: TerraformTestResult;
    const equivalence: Record<string, TerraformTestResult> = {};
    const formatted: string[] = [];

    before(async function () {
      this.timeout(600_000);
      tools = requireTerraform(this);
      const exampleFiles = exampleSuite(tools);
      const jobs: (() => Promise<void>)[] = [
        async () => {
          const suite = moduleSuite(tools);
          module = await terraformFilesWorkdir(tools, "module", suite.files, { validate: false }).test(suite.tests);
        },
        async () => {
          example = await terraformWorkdirIn(tools, path.join(exampleFiles.root, "examples", "terraform")).test(exampleFiles.tests);
        },
        async () => {
          const root = twoRegionsRoot(tools);
          twoRegions = await terraformFilesWorkdir(tools, "module-regions", root.files).test(root.tests);
        },
        async () => {
          for (const dir of [MODULE_DIR, path.join(__dirname, "..", "examples", "terraform")]) {
            const fmt = await runAsync(tools.binary, ["fmt", "-check", "-diff", "-no-color", dir], {
              env: { ...process.env, TF_CLI_CONFIG_FILE: tools.cliConfigFile },
            });
            if (fmt.status !== 0) formatted.push(`${dir}:\n${fmt.stdout}${fmt.stderr}`);
          }
        },
        ...[
          equivalenceRoot(tools, "defaults", INPUT),
          equivalenceRoot(tools, "dual-region", DUAL_REGION),
          equivalenceRoot(tools, "existing-topics", EXISTING_TOPICS, ROLE_WITH_PATH_DEPLOYER),
        ].map((root) => async () => {
          equivalence[root.name] = await terraformFilesWorkdir(tools, `equal-${root.name}`, root.files, { validate: false }).test(
            root.tests,
          );
        }),
      ];
      const worker = async () => {
        for (let job = jobs.shift(); job; job = jobs.shift()) await job();
      };
      await Promise.all([worker(), worker()]);
    });

    it("is laid out as terraform fmt lays it out", () => expect(formatted.join("\n")).to.equal(""));

    it("applies with the defaults; key policy, event patterns and alarm equal the core's", () =>
      expectRunsPass(module, "apply.tftest.hcl"));

    it("warns, as the core does, when alerts would reach nobody", () => {
      expect(module.runs.find((r) => r.run === "no-alert-destination")?.status, describeResult(module)).to.equal("pass");
    });

    it("keeps the key when the cluster name and alert emails change", () => {
      expect(module.runs.find((r) => r.run === "rename")?.status, describeResult(module)).to.equal("pass");
    });

    it("refuses to destroy the key (prevent_destroy)", () =>
      expect(refusedDestroys(module, "apply.tftest.hcl")).to.deep.equal(["aws_kms_key.this"]));

    it("dual-region with administrators, restricted grants, tags and chosen events: the replica and its monitoring match the core", () => {
      expectRunsPass(module, "dual-region.tftest.hcl");
      const refused = refusedDestroys(module, "dual-region.tftest.hcl");
      expect(refused).to.not.have.length(0);
      expect(["aws_kms_key.this", "aws_kms_replica_key.replica[0]"]).to.include.members(refused);
    });

    it("existing topics, no access-denied rule, no rotation, account access off (the deployer an administrator)", () => {
      expectRunsPass(module, "existing-topics.tftest.hcl");
    });

    for (const bad of BAD_VALUES) {
      it(`stops the plan on ${bad.name} with the package's message`, () => {
        const summaries = bad.variable
          ? ["Invalid value for variable"]
          : ["Resource precondition failed", ...(bad.alsoWarns ? ["Check block assertion failed"] : [])];
        expectPlanFailure(module, `bad-${bad.name}.tftest.hcl`, bad.message, summaries);
      });
    }

    it("the example validates and applies, and refuses a bad role ARN", () => {
      expectRunsPass(example, "apply.tftest.hcl");
      expectPlanFailure(example, "bad-role.tftest.hcl", "camunda_cluster_role_arn must be an IAM role ARN", ["Invalid value for variable"]);
    });

    it("two clusters in two regions, one module call each on its own provider, apply side by side", () =>
      expectRunsPass(twoRegions, "apply.tftest.hcl"));

    for (const name of ["defaults", "dual-region", "existing-topics"]) {
      it(`module and construct build the same resources, setting for setting (${name})`, () =>
        expectRunsPass(equivalence[name], "equal.tftest.hcl"));
    }
  });
});
