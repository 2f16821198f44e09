import { expect } from "chai";
import { type App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { CamundaByokKey, type CamundaByokKeyProps } from "../../cdktf";
import { CamundaByokStack } from "../../examples/cdktf/main";
import type { ByokInput } from "../../shared";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";
import { requireTerraform, terraformWorkdir, type TerraformTestResult, type TerraformTools } from "../support/terraform";
import { coreAssertions, terraformAddress } from "../support/terraform-expectations";
import { mockProviderBlocks, type MockDeployer } from "../../scripts/harness/terraform-mocks";
import {
  describeResult,
  expectPlanFailure,
  expectRunsPass,
  refusedDestroys,
  runBlock as run,
  testFileText,
} from "../support/terraform-tests";

/** A pipeline deploying through an assumed role that has an IAM path. */
const ROLE_WITH_PATH_DEPLOYER: MockDeployer = {
  callerArn: "arn:aws:sts::111122223333:assumed-role/deployer/pipeline-run-42",
  issuerArn: "arn:aws:iam::111122223333:role/ops/deployer",
};

// Every configuration the CDKTF tests build, run through real Terraform: init, validate, then
// `terraform test` with a mocked AWS provider. The teardown after a file's runs is a real destroy
// plan, so `prevent_destroy` must refuse it for the key and the replica.

const INPUT: ByokInput = {
  camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
  clusterRegion: "eu-central-1",
  clusterName: "payments-prod",
  alertEmails: ["oncall@example.com"],
};

interface Case {
  config: Record<string, any>;
  keys: CamundaByokKey[];
  result: TerraformTestResult;
}

function synth(build: (stack: TerraformStack) => CamundaByokKey[]): { config: Record<string, any>; keys: CamundaByokKey[] } {
  const app = Testing.app();
  const stack = new TerraformStack(app, "stack");
  const keys = build(stack);
  return { config: JSON.parse(Testing.synth(stack)), keys };
}

/** A test file: the mocked provider for `config`, shared variables, then runs. */
function testFile(
  config: Record<string, any>,
  tools: TerraformTools,
  variables: Record<string, unknown>,
  runs: string[],
  deployer: MockDeployer = {},
): string {
  return testFileText(mockProviderBlocks(config, Number(tools.awsProviderVersion.split(".")[0]), deployer), variables, runs);
}

/** The token-input stack: every input a Terraform variable, the provider pinned to eu-central-1. */
function tokenStack(stack: TerraformStack): CamundaByokKey[] {
  new AwsProvider(stack, "aws", { region: "eu-central-1" });
  const variable = (name: string, type: string) => new TerraformVariable(stack, name, { type });
  return [
    new CamundaByokKey(stack, "byok", {
      camundaClusterRoleArn: variable("role_arn", "string").stringValue,
      clusterRegion: variable("cluster_region", "string").stringValue,
      clusterName: variable("cluster_name", "string").stringValue,
      alertEmails: variable("alert_emails", "list(string)").listValue,
      deletionWindowInDays: variable("deletion_window", "number").numberValue,
      rotationPeriodInDays: variable("rotation_period", "number").numberValue,
    }),
  ];
}

function literalStack(props: CamundaByokKeyProps) {
  return (stack: TerraformStack) => {
    new AwsProvider(stack, "aws", { region: props.clusterRegion });
    return [new CamundaByokKey(stack, "byok", props)];
  };
}

/** The bad values, each in its own file: a failed run skips the rest of its file. */
const BAD_EXAMPLE_VALUES: { name: string; variables: Record<string, unknown>; message: string }[] = [
  {
    name: "sts-session-arn",
    variables: { camunda_cluster_role_arn: "arn:aws:sts::123456789012:assumed-role/c8-apps/session" },
    message: "camundaClusterRoleArn must be an IAM role ARN",
  },
  {
    name: "bad-cluster-name",
    variables: { cluster_name: "-payments" },
    message: 'clusterName must be 1-32 letters, digits, "-" or "_", starting with a letter or digit',
  },
  {
    name: "unknown-region",
    variables: { cluster_region: "xx-nowhere-1" },
    message: "clusterRegion must be an AWS region this version of camunda-byok-kms knows",
  },
];
const TOKEN_VALUES = {
  role_arn: CAMUNDA_ROLE_ARN,
  cluster_region: "eu-central-1",
  cluster_name: "payments-prod",
  alert_emails: ["oncall@example.com"],
  deletion_window: 30,
  rotation_period: 365,
};
const BAD_TOKEN_VALUES: { name: string; variables: Record<string, unknown>; message: string }[] = [
  {
    name: "region-mismatch",
    variables: { cluster_region: "us-east-1" },
    message: 'clusterRegion is "us-east-1", but the AWS provider deploys to "eu-central-1"',
  },
  {
    name: "short-window",
    variables: { deletion_window: 5 },
    message: "deletionWindowInDays must be a whole number of days between 7 and 30",
  },
  {
    name: "fractional-window",
    variables: { deletion_window: 7.5 },
    message: "deletionWindowInDays must be a whole number of days between 7 and 30",
  },
  {
    name: "long-rotation",
    variables: { rotation_period: 3000 },
    message: "rotationPeriodInDays must be a whole number of days between 90 and 2560",
  },
];

function badFiles(config: Record<string, any>, tools: TerraformTools, shared: Record<string, unknown>, bad: typeof BAD_TOKEN_VALUES) {
  return Object.fromEntries(
    bad.map((value) => [
      `bad-${value.name}.tftest.hcl`,
      testFile(config, tools, shared, [run(value.name, { command: "plan", variables: value.variables })]),
    ]),
  );
}

/** Builds every case and runs them two at a time (two cores). */
async function runCases(tools: TerraformTools): Promise<Record<string, Case>> {
  const exampleApp = Testing.app() as App;
  const exampleStack = new CamundaByokStack(exampleApp, "camunda-byok");
  const example = {
    config: JSON.parse(Testing.synth(exampleStack)),
    keys: [exampleStack.node.findChild("camunda-byok") as CamundaByokKey],
  };
  const exampleVariables = { camunda_cluster_role_arn: CAMUNDA_ROLE_ARN };
  const exampleKey = terraformAddress(example.keys[0].resources.get("key")!);

  const tokens = synth(tokenStack);
  const literal = synth(
    literalStack({ ...INPUT, keyAdministratorArns: ["arn:aws:iam::111122223333:role/KmsAdmins"], tags: { team: "payments" } }),
  );
  const dualRegion = synth(literalStack({ ...INPUT, backupRegion: "eu-west-1" }));
  const unprotected = synth(literalStack({ ...INPUT, preventDestroy: false }));
  const deployerIsAdmin = synth(
    literalStack({ ...INPUT, enableDefaultAccountAccess: false, keyAdministratorArns: ["arn:aws:iam::111122223333:role/ops/deployer"] }),
  );
  const deployerLockedOut = synth(
    literalStack({ ...INPUT, enableDefaultAccountAccess: false, keyAdministratorArns: ["arn:aws:iam::111122223333:role/SecurityAdmins"] }),
  );
  const regions = synth((stack) => {
    new AwsProvider(stack, "aws", { region: "eu-central-1" });
    const virginia = new AwsProvider(stack, "virginia", { region: "us-east-1", alias: "virginia" });
    return [
      new CamundaByokKey(stack, "fra-cluster", { ...INPUT, clusterName: "fra" }),
      new CamundaByokKey(stack, "iad-cluster", { ...INPUT, clusterName: "iad", clusterRegion: "us-east-1", provider: virginia }),
    ];
  });

  const plans: Record<
    string,
    { built: { config: Record<string, any>; keys: CamundaByokKey[] }; files: (config: Record<string, any>) => Record<string, string> }
  > = {
    example: {
      built: example,
      files: (config) => ({
        "apply.tftest.hcl": testFile(config, tools, exampleVariables, [
          run("create", { command: "apply", lines: coreAssertions(example.keys[0], INPUT) }),
          // With prevent_destroy on, a plan that replaced the key would fail; the ARN staying
          // known proves the key stays in place.
          run("rename", {
            command: "plan",
            variables: { cluster_name: "renamed", alert_emails: ["a@example.com", "b@example.com"] },
            lines: [
              `  assert {\n    condition     = ${exampleKey}.arn == run.create.key_arn\n    error_message = "renaming replaced the key"\n  }`,
            ],
          }),
        ]),
        ...badFiles(config, tools, exampleVariables, BAD_EXAMPLE_VALUES),
      }),
    },
    tokens: {
      built: tokens,
      files: (config) => ({
        "apply.tftest.hcl": testFile(config, tools, TOKEN_VALUES, [
          run("create", { command: "apply", lines: coreAssertions(tokens.keys[0], INPUT) }),
        ]),
        ...badFiles(config, tools, TOKEN_VALUES, BAD_TOKEN_VALUES),
      }),
    },
    literal: {
      built: literal,
      files: (config) => ({
        "apply.tftest.hcl": testFile(config, tools, {}, [
          run("create", {
            command: "apply",
            lines: coreAssertions(literal.keys[0], { ...INPUT, keyAdministratorArns: ["arn:aws:iam::111122223333:role/KmsAdmins"] }),
          }),
        ]),
      }),
    },
    "dual-region": {
      built: dualRegion,
      files: (config) => ({
        "apply.tftest.hcl": testFile(config, tools, {}, [
          run("create", { command: "apply", lines: coreAssertions(dualRegion.keys[0], { ...INPUT, backupRegion: "eu-west-1" }) }),
        ]),
      }),
    },
    lockout: {
      built: deployerIsAdmin,
      files: (config) => ({
        "apply.tftest.hcl": testFile(
          config,
          tools,
          {},
          [
            run("create", {
              command: "apply",
              lines: coreAssertions(deployerIsAdmin.keys[0], {
                ...INPUT,
                enableDefaultAccountAccess: false,
                keyAdministratorArns: ["arn:aws:iam::111122223333:role/ops/deployer"],
              }),
            }),
          ],
          ROLE_WITH_PATH_DEPLOYER,
        ),
      }),
    },
    "locked-out": {
      built: deployerLockedOut,
      files: (config) => ({
        "bad-deployer-not-administrator.tftest.hcl": testFile(
          config,
          tools,
          {},
          [run("deployer-not-administrator", { command: "plan" })],
          ROLE_WITH_PATH_DEPLOYER,
        ),
      }),
    },
    unprotected: {
      built: unprotected,
      files: (config) => ({ "apply.tftest.hcl": testFile(config, tools, {}, [run("create", { command: "apply" })]) }),
    },
    regions: {
      built: regions,
      files: (config) => ({
        "apply.tftest.hcl": testFile(config, tools, {}, [
          run("create", {
            command: "apply",
            lines: [
              ...coreAssertions(regions.keys[0], { ...INPUT, clusterName: "fra" }),
              ...coreAssertions(regions.keys[1], { ...INPUT, clusterName: "iad", clusterRegion: "us-east-1" }),
            ],
          }),
        ]),
      }),
    },
  };

  const results: Record<string, Case> = {};
  const queue = Object.entries(plans);
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [name, plan] = next;
      const workdir = terraformWorkdir(tools, name, plan.built.config);
      results[name] = { ...plan.built, result: await workdir.test(plan.files(workdir.config)) };
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

function expectPreconditionFailure(result: TerraformTestResult, name: string, message: string): void {
  expectPlanFailure(result, `bad-${name}.tftest.hcl`, message);
}

describe("CDKTF output in real Terraform (terraform test, mocked AWS provider)", () => {
  let cases: Record<string, Case>;

  before(async function () {
    // Some twenty `terraform test` files, each starting the AWS provider: minutes on a busy 2-core machine.
    this.timeout(600_000);
    const tools = requireTerraform(this);
    console.log(`    terraform ${tools.version}, hashicorp/aws ${tools.awsProviderVersion} from ${tools.mirror}`);
    cases = await runCases(tools);
  });

  describe("the example app", () => {
    it("validates and applies; key policy, event patterns and alarm equal the core's", () => {
      expectRunsPass(cases.example.result, "apply.tftest.hcl");
    });

    it("keeps the key when the cluster name and alert emails change", () => {
      const rename = cases.example.result.runs.find((r) => r.run === "rename");
      expect(rename?.status, describeResult(cases.example.result)).to.equal("pass");
    });

    it("refuses to destroy the key (prevent_destroy)", () => {
      expect(refusedDestroys(cases.example.result, "apply.tftest.hcl")).to.deep.equal([
        terraformAddress(cases.example.keys[0].resources.get("key")!),
      ]);
    });

    for (const bad of BAD_EXAMPLE_VALUES) {
      it(`stops the plan on ${bad.name} with the package's message`, () =>
        expectPreconditionFailure(cases.example.result, bad.name, bad.message));
    }
  });

  describe("every input a Terraform variable", () => {
    it("applies with values that pass, matching the core", () => expectRunsPass(cases.tokens.result, "apply.tftest.hcl"));
    for (const bad of BAD_TOKEN_VALUES) {
      it(`stops the plan on ${bad.name} with the package's message`, () =>
        expectPreconditionFailure(cases.tokens.result, bad.name, bad.message));
    }
  });

  it("literal inputs with an administrator and tags apply, matching the core", () =>
    expectRunsPass(cases.literal.result, "apply.tftest.hcl"));

  it("several providers and regions in one stack apply, each key matching the core", () =>
    expectRunsPass(cases.regions.result, "apply.tftest.hcl"));

  describe("dual-region", () => {
    it("applies the key and the replica in its region, matching the core", () =>
      expectRunsPass(cases["dual-region"].result, "apply.tftest.hcl"));

    it("refuses to destroy the key and the replica", () => {
      const {
        keys: [byok],
        result,
      } = cases["dual-region"];
      const protectedKeys = [terraformAddress(byok.resources.get("key")!), terraformAddress(byok.resources.get("replica-key")!)];
      // Terraform destroys the replica first and stops at the first refusal.
      const refused = refusedDestroys(result, "apply.tftest.hcl");
      expect(refused, describeResult(result)).to.not.have.length(0);
      expect(protectedKeys).to.include.members(refused);
      expect(result.leftInState["tests/apply.tftest.hcl"]).to.include.members(protectedKeys);
    });
  });

  describe("account access off (the lockout AWS refuses)", () => {
    it("applies when the deploying role (any path) is an administrator", () => expectRunsPass(cases.lockout.result, "apply.tftest.hcl"));
    it("stops the plan when it is not, with the package's message", () => {
      expectPreconditionFailure(
        cases["locked-out"].result,
        "deployer-not-administrator",
        "keyAdministratorArns must include the principal that deploys the key when enableDefaultAccountAccess is false",
      );
    });
  });

  it("preventDestroy: false lets the teardown destroy everything", () => {
    const { result } = cases.unprotected;
    expectRunsPass(result, "apply.tftest.hcl");
    expect(result.cleanFiles, describeResult(result)).to.include("tests/apply.tftest.hcl");
  });
});
