import { expect } from "chai";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CamundaByokKey } from "../../cdktf";
import { buildByokSpec, type ByokInput } from "../../shared";
import { INPUT_NAMES, LOGICAL_IDS, type SiteRole } from "../../shared/internal";
import { expectedModuleFiles, MODULE_DIR, staleModuleFiles } from "../../scripts/generate-terraform-module";
import { generateModule } from "../../scripts/terraform-module/files";
import { declaredMembers } from "../../scripts/terraform-module/declarations";
import { NOT_VARIABLES } from "../../scripts/terraform-module/module-inputs";
import { MONITORING_CALLS, MONITORING_NAMES, RESOURCE_TYPES, snakeCase } from "../../scripts/terraform-module/names";
import { AWS_PROVIDER_CONSTRAINT, TERRAFORM_CONSTRAINT } from "../../scripts/terraform-module/requirements";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";
import { runAsync } from "../../scripts/harness/processes";
import {
  runnableConfig,
  requireTerraform,
  type StateResources,
  terraformFilesWorkdir,
  terraformWorkdirIn,
  type TerraformTestResult,
  type TerraformTools,
} from "../support/terraform";
import { coreExpectations, terraformAddress, terraformJson } from "../support/terraform-expectations";
import { MOCK_ACCOUNT_ID, type MockDeployer, mockProviderBlock } from "../../scripts/harness/terraform-mocks";
import { describeResult, expectPlanFailure, expectRunsPass, refusedDestroys, runBlock, testFileText } from "../support/terraform-tests";

// The Terraform module in terraform/: generated from the core (a test regenerates it), then run by
// real Terraform as its users run it: its own tests/ and examples/, the construct's good and bad
// cases, and one state holding both the module and the construct for the same input, whose every
// setting must agree. Resource values are read from the states `terraform test -verbose` prints.

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

const GENERATED = generateModule();

/** A site's logical id as the monitoring submodule knows it (its primary's), and the site. */
function monitoringId(logicalId: string): { role: SiteRole; id: string } | undefined {
  for (const role of ["primary", "replica"] as const) {
    for (const [key, id] of Object.entries(LOGICAL_IDS[role])) {
      const generic = LOGICAL_IDS.primary[key as keyof (typeof LOGICAL_IDS)["primary"]];
      if (id === logicalId) return { role, id: generic as string };
      if (typeof id === "function" && new RegExp(`^${id(0).slice(0, -1)}\\d+$`).test(logicalId))
        return { role, id: LOGICAL_IDS.primary.alertSubscriptions };
    }
  }
  return undefined;
}

/** Where each resource of the spec is in the module's state (`prefix` for a module called from a root). */
function moduleAddress(input: ByokInput, logicalId: string, prefix = ""): string {
  const root = GENERATED.root.addresses.get(logicalId);
  if (root) return `${prefix}${root}${logicalId.startsWith("replica-") ? "[0]" : ""}`;
  const site = monitoringId(logicalId)!;
  const resource = buildByokSpec(input).resources.find((r) => r.logicalId === logicalId)!;
  const inModule = GENERATED.monitoring.resources.find((r) => r.logicalId === site.id)!;
  const call = `module.${MONITORING_CALLS[site.role]}${site.role === "replica" ? "[0]" : ""}`;
  const index =
    resource.kind === "snsTopicSubscription"
      ? `[${JSON.stringify((resource.settings as { endpoint: string }).endpoint)}]`
      : inModule.when
        ? "[0]"
        : "";
  return `${prefix}${call}.${RESOURCE_TYPES[resource.kind]}.${MONITORING_NAMES[site.id]}${index}`;
}

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

/** The module's generated files and submodule, without its tests and examples: a root to add test files to. */
function moduleFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(expectedModuleFiles())) if (name.endsWith(".tf")) files[name] = text;
  return files;
}

/** Writes files under a fresh directory, subfolders included. */
function filesWorkdir(tools: TerraformTools, name: string, files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `camunda-byok-tf-${name}-`));
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return terraformWorkdirIn(tools, dir, { validate: false });
}

/** The state a file's one apply run left. */
function stateOf(result: TerraformTestResult, file: string): StateResources {
  const runs = result.states[`tests/${file}`] ?? {};
  const [state] = Object.values(runs);
  expect(state, `no state for ${file}\n${describeResult(result)}`).to.not.equal(undefined);
  return state;
}

/** Every value the core decides for `input`, compared with what Terraform applied in the module. */
function expectCoreValues(state: StateResources, input: ByokInput, prefix = ""): void {
  for (const expected of coreExpectations(input)) {
    const address = moduleAddress(input, expected.logicalId, prefix);
    const values = state.get(address);
    expect(values, `${address} is not in the state: ${[...state.keys()].join(", ")}`).to.not.equal(undefined);
    const actual = values![expected.attribute];
    if (expected.document !== undefined) expect(actual, expected.what).to.equal(terraformJson(expected.document));
    else expect(actual, expected.what).to.deep.equal(expected.value);
  }
}

/** Bad values, each in its own file (a failed run skips the rest of its file). */
const BAD_VALUES: {
  name: string;
  variables: Record<string, unknown>;
  message: string;
  deployer?: MockDeployer;
  variable?: boolean;
  /** The inputs the mocked providers answer for (their regions), when not INPUT's. */
  mocked?: ByokInput;
}[] = [
  {
    name: "sts-session-arn",
    variables: { camunda_cluster_role_arn: "arn:aws:sts::123456789012:assumed-role/c8-apps/session" },
    message: "camunda_cluster_role_arn must be an IAM role ARN",
    variable: true,
  },
  {
    name: "govcloud-role-for-a-commercial-key",
    variables: { camunda_cluster_role_arn: "arn:aws-us-gov:iam::123456789012:role/c8-cluster/c8-apps-0000" },
    message:
      "camunda_cluster_role_arn must be in the partition of cluster_region (aws, aws-cn or aws-us-gov): a key's policy and alerts cannot reach across partitions (got partition aws-us-gov; eu-central-1 is in partition aws)",
    variable: true,
  },
  {
    name: "administrator-in-china",
    variables: { key_administrator_arns: ["arn:aws-cn:iam::111122223333:role/KmsAdmins"] },
    message:
      'key_administrator_arns must be in the partition of cluster_region (aws, aws-cn or aws-us-gov): a key\'s policy and alerts cannot reach across partitions (got "arn:aws-cn:iam::111122223333:role/KmsAdmins"; eu-central-1 is in partition aws)',
    variable: true,
  },
  {
    name: "backup-region-in-govcloud",
    variables: { backup_region: "us-gov-west-1" },
    message: "backup_region must be in the partition of cluster_region",
    variable: true,
  },
  {
    name: "bad-cluster-name",
    variables: { cluster_name: "-payments" },
    message: 'cluster_name must be 1-32 letters, digits, "-" or "_", starting with a letter or digit (got "-payments")',
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
    message: "deletion_window_in_days must be a whole number of days between 7 and 30 (got 5)",
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
  {
    name: "bad-email",
    variables: { alert_emails: ["oncall@example.com", "oncall"] },
    message: 'alert_emails must hold only email addresses (got "oncall")',
    variable: true,
  },
  {
    name: "reserved-alias",
    variables: { alias_name: "alias/aws/camunda" },
    message: 'alias_name must not start with "alias/aws/"',
    variable: true,
  },
  {
    name: "reserved-tag",
    variables: { tags: { team: "a", "managed-by": "me" } },
    message: 'tags is set by camunda-byok-kms itself (got "managed-by")',
    variable: true,
  },
  {
    name: "backup-topic-in-cluster-region",
    variables: {
      backup_region: "eu-west-1",
      alert_topic_arn: EXISTING_TOPICS.alertTopicArn,
      backup_alert_topic_arn: EXISTING_TOPICS.alertTopicArn,
    },
    message: "backup_alert_topic_arn must be a topic in backup_region",
    variable: true,
    mocked: { ...INPUT, backupRegion: "eu-west-1" },
  },
  {
    name: "backup-in-cluster-region",
    variables: { backup_region: "eu-central-1" },
    message: "backup_region must differ from cluster_region",
    variable: true,
  },
  {
    name: "no-administrator",
    variables: { enable_default_account_access: false },
    message: "key_administrator_arns must name at least one administrator when enable_default_account_access is false",
    variable: true,
  },
  {
    name: "backup-topic-alone",
    variables: { backup_alert_topic_arn: `arn:aws:sns:eu-west-1:${MOCK_ACCOUNT_ID}:oncall` },
    message: "backup_alert_topic_arn is only used with backup_region",
    variable: true,
  },
  {
    name: "backup-provider-region",
    variables: { backup_region: "eu-west-1" },
    message: 'backup_region is "eu-west-1", but the backup region\'s AWS provider deploys to "eu-central-1"',
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
];

/** The module as the root: apply runs of the three shapes, then the bad values as plans. */
function moduleSuite(tools: TerraformTools): Record<string, string> {
  const base = moduleVariables(INPUT);
  const tests: Record<string, string> = {
    "apply.tftest.hcl": testFileText(mocks(tools, INPUT), base, [
      runBlock("create", { command: "apply" }),
      // With prevent_destroy on, a plan that replaced the key would fail; its ARN staying known proves it stays.
      runBlock("rename", {
        command: "plan",
        variables: { cluster_name: "renamed", alert_emails: ["a@example.com", "b@example.com"] },
        lines: [
          '  assert {\n    condition     = aws_kms_key.this.arn == run.create.key_arn\n    error_message = "renaming replaced the key"\n  }',
        ],
      }),
    ]),
    "dual-region.tftest.hcl": testFileText(mocks(tools, DUAL_REGION), moduleVariables(DUAL_REGION), [
      runBlock("create", { command: "apply" }),
    ]),
    "existing-topics.tftest.hcl": testFileText(mocks(tools, EXISTING_TOPICS, ROLE_WITH_PATH_DEPLOYER), moduleVariables(EXISTING_TOPICS), [
      runBlock("create", { command: "apply" }),
    ]),
  };
  for (const bad of BAD_VALUES) {
    const mocked = mocks(tools, bad.mocked ?? INPUT, bad.deployer);
    tests[`bad-${bad.name}.tftest.hcl`] = testFileText(mocked, base, [runBlock(bad.name, { command: "plan", variables: bad.variables })]);
  }
  return tests;
}

/** A copy of terraform/ as checked in, its own tests and examples included. */
function moduleCopy(): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), "camunda-byok-tf-module-"));
  cpSync(MODULE_DIR, copy, { recursive: true, filter: (source) => !source.includes(`${path.sep}.terraform`) });
  return copy;
}

/** The README's usage block as a root, and its mock recipe as that root's test, as a user copies them. */
function readmeRecipe(): { files: Record<string, string>; tests: Record<string, string> } {
  const readme = readFileSync(path.join(MODULE_DIR, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```hcl\n([\s\S]*?)```/g)].map((m) => m[1]);
  const usage = blocks.find((block) => block.includes('module "camunda_byok"'))!;
  const recipe = blocks.find((block) => block.includes("mock_provider"))!;
  const main = usage
    .replace(/source = "git::[^"]+"/, `source = ${JSON.stringify(moduleCopy())}`)
    // The Console's placeholder for the cluster's id.
    .replace("<uuid>", "3f1c9a52-7d4e-4b8a-9c61-0e2f5a7b8d90");
  return { files: { "main.tf": main }, tests: { "readme.tftest.hcl": recipe } };
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
    `  assert {\n    condition     = startswith(output.${output}, "arn:aws:${service}:${region}:")\n    error_message = "${output} in ${region}"\n  }`;
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
 * One root holding the construct's synthesized resources and the module's (the module's files as
 * the root), for the same input and the same mocked AWS.
 */
function equivalenceRoot(tools: TerraformTools, name: string, input: ByokInput, deployer: MockDeployer = {}) {
  const app = Testing.app();
  const stack = new TerraformStack(app, "stack");
  new AwsProvider(stack, "aws", { region: input.clusterRegion });
  const byok = new CamundaByokKey(stack, "byok", input);
  const config = runnableConfig(tools, JSON.parse(Testing.synth(stack)));
  delete config.terraform;
  const aliases = Object.fromEntries((config.provider?.aws ?? []).filter((p: any) => p.alias).map((p: any) => [p.alias, p.region]));
  const files = { ...moduleFiles(), "construct.tf.json": JSON.stringify(config, null, 2) };
  const tests = {
    "equal.tftest.hcl": testFileText(mocks(tools, input, deployer, aliases), moduleVariables(input), [
      runBlock("create", { command: "apply" }),
    ]),
  };
  return { name, input, byok, files, tests };
}

/** JSON documents compared as data, the rest as they are. */
function comparable(value: unknown): unknown {
  if (typeof value !== "string" || !/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** `npm run test:lowest-peers` sets it: the peer dependencies are at their lowest versions. */
const LOWEST_PEERS = process.env.CAMUNDA_BYOK_LOWEST_PEERS === "1";

/** A test of the module alone, which loads no peer: it runs on the pinned peers, and is pending on the lowest. */
const moduleIt = (title: string, test: () => void) => (LOWEST_PEERS ? it.skip : it)(title, test);

describe("Terraform module (terraform/)", () => {
  it("is what the core generates (npm run generate:terraform)", () => {
    expect(staleModuleFiles()).to.deep.equal([]);
  });

  it("notices a hand edit, a stray file, or README tables out of date", () => {
    const copy = moduleCopy();
    writeFileSync(
      path.join(copy, "main.tf"),
      readFileSync(path.join(copy, "main.tf"), "utf8").replace("prevent_destroy = true", "prevent_destroy = false"),
    );
    writeFileSync(path.join(copy, "modules", "monitoring", "extra.tf"), "");
    writeFileSync(
      path.join(copy, "README.md"),
      readFileSync(path.join(copy, "README.md"), "utf8").replace('<a name="input_cluster_name"></a>', ""),
    );
    expect(staleModuleFiles(copy)).to.have.members(["main.tf", "README.md", "modules/monitoring/extra.tf"]);
  });

  it("has a variable for every input, and an output for every output, all in its README's tables", () => {
    const variables = [...readFileSync(path.join(MODULE_DIR, "variables.tf"), "utf8").matchAll(/^variable "(\w+)"/gm)].map((m) => m[1]);
    expect(variables).to.deep.equal(INPUT_NAMES.filter((name) => NOT_VARIABLES[name] === undefined).map(snakeCase));
    const outputs = [...readFileSync(path.join(MODULE_DIR, "outputs.tf"), "utf8").matchAll(/^output "(\w+)"/gm)].map((m) => m[1]);
    // Every output of the core (ByokOutputsSpec), and the module's warnings.
    expect(outputs).to.have.members([...declaredMembers("spec-types.ts", "ByokOutputsSpec").map((o) => snakeCase(o.name)), "warnings"]);
    const readme = readFileSync(path.join(MODULE_DIR, "README.md"), "utf8");
    for (const name of variables) expect(readme).to.include(`<a name="input_${name}"></a>`);
    for (const name of outputs) expect(readme).to.include(`<a name="output_${name}"></a>`);
    expect(readme).to.include("<!-- BEGIN_TF_DOCS -->\n## Requirements").and.to.include(`| ${TERRAFORM_CONSTRAINT} |`);
  });

  it("every example asks for the Terraform and AWS provider versions the module asks for", () => {
    const examples = readdirSync(path.join(MODULE_DIR, "examples"));
    expect(examples).to.have.members(["single-region", "dual-region", "existing-topic"]);
    for (const example of examples) {
      const text = readFileSync(path.join(MODULE_DIR, "examples", example, "main.tf"), "utf8");
      expect(text, example)
        .to.include(`required_version = "${TERRAFORM_CONSTRAINT}"`)
        .and.to.include(`version = "${AWS_PROVIDER_CONSTRAINT}"`);
    }
  });

  it("reads every variable it declares, in the root and in the submodule", () => {
    for (const dir of ["", "modules/monitoring"]) {
      const files = readdirSync(path.join(MODULE_DIR, dir)).filter((file) => file.endsWith(".tf"));
      const variables = [...readFileSync(path.join(MODULE_DIR, dir, "variables.tf"), "utf8").matchAll(/^variable "(\w+)"/gm)].map(
        (m) => m[1],
      );
      const body = files
        .filter((file) => file !== "variables.tf")
        .map((file) => readFileSync(path.join(MODULE_DIR, dir, file), "utf8"))
        .join("\n");
      expect(
        variables.filter((name) => !new RegExp(`\\bvar\\.${name}\\b`).test(body)),
        dir || "root",
      ).to.deep.equal([]);
    }
  });

  describe("in real Terraform (terraform test, mocked AWS provider)", () => {
    let tools: TerraformTools;
    let own: TerraformTestResult;
    const examples: Record<string, TerraformTestResult> = {};
    let module: TerraformTestResult;
    let twoRegions: TerraformTestResult;
    let recipe: TerraformTestResult;
    const equivalence: Record<string, { root: ReturnType<typeof equivalenceRoot>; result: TerraformTestResult }> = {};
    let formatted = "";

    before(async function () {
      this.timeout(600_000);
      tools = requireTerraform(this);
      const moduleOnly: (() => Promise<void>)[] = [
        async () => {
          // The module's own tests, run where its maintainers run them: `terraform test` in terraform/.
          own = await terraformWorkdirIn(tools, moduleCopy(), { validate: false }).test({});
        },
        ...["single-region", "dual-region", "existing-topic"].map((example) => async () => {
          examples[example] = await terraformWorkdirIn(tools, path.join(moduleCopy(), "examples", example)).test({});
        }),
        async () => {
          module = await filesWorkdir(tools, "module", moduleFiles()).test(moduleSuite(tools), { verbose: true });
        },
        async () => {
          const root = readmeRecipe();
          recipe = await terraformFilesWorkdir(tools, "module-readme", root.files).test(root.tests);
        },
        async () => {
          const root = twoRegionsRoot(tools);
          twoRegions = await terraformFilesWorkdir(tools, "module-regions", root.files).test(root.tests);
        },
        async () => {
          const fmt = await runAsync(tools.binary, ["fmt", "-check", "-diff", "-recursive", "-no-color", MODULE_DIR], {
            env: { ...process.env, TF_CLI_CONFIG_FILE: tools.cliConfigFile },
          });
          if (fmt.status !== 0) formatted = `${fmt.stdout}${fmt.stderr}`;
        },
      ];
      const withConstruct: (() => Promise<void>)[] = [
        ...[
          equivalenceRoot(tools, "defaults", INPUT),
          equivalenceRoot(tools, "dual-region", DUAL_REGION),
          equivalenceRoot(tools, "existing-topics", EXISTING_TOPICS, ROLE_WITH_PATH_DEPLOYER),
        ].map((root) => async () => {
          equivalence[root.name] = {
            root,
            result: await filesWorkdir(tools, `equal-${root.name}`, root.files).test(root.tests, { verbose: true }),
          };
        }),
      ];
      // The lowest-peers pass runs only what loads a peer (the construct); the module alone ran on the pinned peers.
      const jobs = LOWEST_PEERS ? withConstruct : [...moduleOnly, ...withConstruct];
      const worker = async () => {
        for (let job = jobs.shift(); job; job = jobs.shift()) await job();
      };
      await Promise.all([worker(), worker()]);
    });

    moduleIt("is laid out as terraform fmt lays it out, examples and tests included", () => expect(formatted).to.equal(""));

    moduleIt("passes its own tests (terraform/tests), run in terraform/ as its maintainers run them", () => {
      const files = readdirSync(path.join(MODULE_DIR, "tests")).filter((file) => file.endsWith(".tftest.hcl"));
      expect(files.length).to.be.greaterThan(0);
      for (const file of files) expectRunsPass(own, file);
    });

    for (const example of ["single-region", "dual-region", "existing-topic"]) {
      moduleIt(`examples/${example} passes its own terraform test, as a configuration that uses the module tests itself`, () =>
        expectRunsPass(examples[example], "plan.tftest.hcl"),
      );
    }

    moduleIt("the README's mock recipe, under its usage block, passes as written", () => expectRunsPass(recipe, "readme.tftest.hcl"));

    moduleIt("applies with the defaults; key policy, event patterns and alarm equal the core's", () => {
      expectRunsPass(module, "apply.tftest.hcl");
      expectCoreValues(stateOf(module, "apply.tftest.hcl"), INPUT);
    });

    moduleIt("keeps the key when the cluster name and alert emails change", () => {
      expect(module.runs.find((r) => r.run === "rename")?.status, describeResult(module)).to.equal("pass");
    });

    moduleIt("refuses to destroy the key (prevent_destroy)", () =>
      expect(refusedDestroys(module, "apply.tftest.hcl")).to.deep.equal(["aws_kms_key.this"]),
    );

    moduleIt(
      "dual-region with administrators, restricted grants, tags and chosen events: the replica and its monitoring match the core",
      () => {
        expectRunsPass(module, "dual-region.tftest.hcl");
        expectCoreValues(stateOf(module, "dual-region.tftest.hcl"), DUAL_REGION);
        const refused = refusedDestroys(module, "dual-region.tftest.hcl");
        expect(refused).to.not.have.length(0);
        expect(["aws_kms_key.this", "aws_kms_replica_key.replica[0]"]).to.include.members(refused);
      },
    );

    moduleIt("existing topics, no access-denied rule, no rotation, account access off (the deployer an administrator)", () => {
      expectRunsPass(module, "existing-topics.tftest.hcl");
      const state = stateOf(module, "existing-topics.tftest.hcl");
      expectCoreValues(state, EXISTING_TOPICS);
      const created = [...state.keys()];
      expect(created.filter((address) => /aws_sns_topic\.|aws_sns_topic_policy|access_denied/.test(address))).to.deep.equal([]);
      expect(state.get("aws_kms_key.this")!.enable_key_rotation).to.equal(false);
    });

    for (const bad of BAD_VALUES) {
      moduleIt(`stops the plan on ${bad.name} with the package's message`, () => {
        const summaries = bad.variable ? ["Invalid value for variable"] : ["Resource precondition failed"];
        expectPlanFailure(module, `bad-${bad.name}.tftest.hcl`, bad.message, summaries);
      });
    }

    moduleIt("two clusters in two regions, one module call each on its own provider, apply side by side", () =>
      expectRunsPass(twoRegions, "apply.tftest.hcl"),
    );

    for (const name of ["defaults", "dual-region", "existing-topics"]) {
      it(`module and construct build the same resources, setting for setting (${name})`, () => {
        const { root, result } = equivalence[name];
        expectRunsPass(result, "equal.tftest.hcl");
        const state = stateOf(result, "equal.tftest.hcl");
        const spec = buildByokSpec(root.input);
        let compared = 0;
        for (const resource of spec.resources) {
          const constructValues = state.get(terraformAddress(root.byok.resources.get(resource.logicalId)!));
          const moduleValues = state.get(moduleAddress(root.input, resource.logicalId));
          expect(constructValues, `${resource.logicalId} (construct)`).to.not.equal(undefined);
          expect(moduleValues, `${resource.logicalId} (module) at ${moduleAddress(root.input, resource.logicalId)}`).to.not.equal(
            undefined,
          );
          for (const setting of Object.keys(resource.settings)) {
            const attribute = snakeCase(setting);
            expect(comparable(moduleValues![attribute]), `${resource.logicalId}.${attribute}`).to.deep.equal(
              comparable(constructValues![attribute]),
            );
            compared++;
          }
        }
        expect(compared).to.be.greaterThan(50);
      });
    }
  });
});
