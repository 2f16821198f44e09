// The module README's adoption blocks, planned by real Terraform with a mocked AWS provider: the
// key imported and updated in place, nothing destroyed; and the plan stopped, in the core's words
// with the live value, where the live key would be replaced. Mock providers cannot import, so the
// imported key's attributes come from override_resource (terraform test docs, "Mocks").
import { expect } from "chai";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../../scripts/harness/processes";
import { requireTerraform, terraformFilesWorkdir, type TerraformTools } from "../support/terraform";
import { describeResult, expectPlanFailure } from "../support/terraform-tests";

const MODULE_DIR = path.join(REPO_ROOT, "terraform");
const KEY_ID = "0b7fd7a4-2f7e-4d3a-9a8c-8c2f0e5b1a3d";
const KEY_ARN = `arn:aws:kms:eu-central-1:111122223333:key/${KEY_ID}`;

/** The ```hcl blocks under the README's "Adopting a key made by hand". */
function readmeHcl(): string[] {
  const readme = readFileSync(path.join(MODULE_DIR, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Adopting a key made by hand"), readme.indexOf("## Retiring a key"));
  return [...section.matchAll(/```hcl\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** The README's first block (the key's import and the module block), with the module from this checkout. */
function readmeBlocks(): string {
  return readmeHcl()[0]
    .replace(/source = "git::[^"]+"/, `source = ${JSON.stringify(MODULE_DIR)}`)
    .replace(
      "<camunda account>:role/c8-cluster/c8-apps-<uuid>",
      "123456789012:role/c8-cluster/c8-apps-3f1c9a52-7d4e-4b8a-9c61-0e2f5a7b8d90",
    );
}

/** What `data "aws_kms_key"` reads of a key made in the console: symmetric, single-region (KMS DescribeKey). */
const CONSOLE_KEY = {
  arn: KEY_ARN,
  id: KEY_ID,
  key_id: KEY_ID,
  key_spec: "SYMMETRIC_DEFAULT",
  customer_master_key_spec: "SYMMETRIC_DEFAULT",
  key_usage: "ENCRYPT_DECRYPT",
  key_state: "Enabled",
  key_manager: "CUSTOMER",
  origin: "AWS_KMS",
  multi_region: false,
  multi_region_configuration: [],
};

const hcl = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(hcl).join(", ")}]`;
  if (typeof value === "object" && value !== null)
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k} = ${hcl(v)}`)
      .join(", ")} }`;
  return JSON.stringify(value);
};

/** The module's own mocked provider (terraform/tests/mocks), answering `data "aws_kms_key"` with `key`. */
function mocks(key: Record<string, unknown>): string {
  return `mock_provider "aws" {
  override_during = plan
  source          = ${JSON.stringify(path.join(MODULE_DIR, "tests/mocks/aws"))}
  mock_data "aws_kms_key" {
    defaults = ${hcl(key)}
  }
}

# The live key the import block reads (a mocked provider cannot import).
override_resource {
  target          = module.camunda_byok.aws_kms_key.this
  override_during = plan
  values = {
    arn                     = "${KEY_ARN}"
    key_id                  = "${KEY_ID}"
    multi_region            = false
    customer_master_key_spec = "SYMMETRIC_DEFAULT"
    key_usage               = "ENCRYPT_DECRYPT"
    description             = "Camunda BYOK"
    enable_key_rotation     = false
  }
}
`;
}

const RUN = 'run "adopt" {\n  command = plan\n}\n';

describe("the module README's blocks for adopting a hand-made key (real Terraform, mocked provider)", function () {
  this.timeout(300_000);
  let tools: TerraformTools;
  const root = () => `provider "aws" {\n  region = "eu-central-1"\n}\n\n${readmeBlocks()}`;
  before(function () {
    tools = requireTerraform(this);
  });

  // A mocked provider plans the import with the configuration's values (it models no diff and no
  // ForceNew): what it shows is the key imported, then as the module sets it, and nothing destroyed.
  // That the real diff is in place only is what the preconditions on the ForceNew settings hold.
  it("imports the key, with the module's settings and nothing destroyed or replaced", async () => {
    const workdir = terraformFilesWorkdir(tools, "adopt", { "main.tf": root() });
    const text = await workdir.testVerbose({ "adopt.tftest.hcl": `${mocks(CONSOLE_KEY)}\n${RUN}` });
    if (process.env.SHOW_PLAN) console.log(text);
    expect(text, text).to.match(/run "adopt"\.\.\. pass/);
    expect(text).to.include("# module.camunda_byok.aws_kms_key.this will be imported");
    const key = text.slice(text.indexOf("aws_kms_key.this will be imported"), text.indexOf("# module.camunda_byok.module.monitoring"));
    expect(key).to.include(`key_id                             = "${KEY_ID}"`);
    expect(key).to.include("enable_key_rotation                = true");
    expect(key).to.include("multi_region                       = false");
    expect(key).to.include('Sid       = "DenyKeyDeletion"');
    expect(text).to.match(/Plan: 1 to import, \d+ to add, 0 to change, 0 to destroy\./);
    expect(text).not.to.include("must be replaced");
    expect(text).not.to.include("will be destroyed");
  });

  it("imports a hand-made key, its replica and both aliases with the README's blocks for dual-region backups", async () => {
    const [keyBlocks, dualBlocks] = readmeHcl();
    const mrk = /mrk-[0-9a-f]{32}/.exec(dualBlocks)![0];
    const root = [
      'provider "aws" {\n  region = "eu-central-1"\n}',
      'provider "aws" {\n  alias  = "backup"\n  region = "eu-west-1"\n}',
      readmeBlocks()
        .replace(/id = "[^"]+"/, `id = "${mrk}"`)
        .replace(/adopt_key_id\s+= "[^"]+"/, `adopt_key_id = "${mrk}"\n  backup_region = "eu-west-1"\n  adopt_replica_key_id = "${mrk}"`)
        .replace("aws.backup = aws\n", "aws.backup = aws.backup\n"),
      dualBlocks,
    ].join("\n\n");
    expect(keyBlocks).to.include("module.camunda_byok.aws_kms_key.this");
    const live = (region: string, type: string) => ({
      ...CONSOLE_KEY,
      arn: `arn:aws:kms:${region}:111122223333:key/${mrk}`,
      id: mrk,
      key_id: mrk,
      multi_region: true,
      multi_region_configuration: [
        {
          multi_region_key_type: type,
          primary_key: [{ arn: `arn:aws:kms:eu-central-1:111122223333:key/${mrk}`, region: "eu-central-1" }],
          replica_keys: [{ arn: `arn:aws:kms:eu-west-1:111122223333:key/${mrk}`, region: "eu-west-1" }],
        },
      ],
    });
    const overrides = [
      ["aws_kms_key.this", { arn: `arn:aws:kms:eu-central-1:111122223333:key/${mrk}`, key_id: mrk, multi_region: true }],
      ["aws_kms_replica_key.replica[0]", { arn: `arn:aws:kms:eu-west-1:111122223333:key/${mrk}`, key_id: mrk }],
      ["aws_kms_alias.this", { arn: "arn:aws:kms:eu-central-1:111122223333:alias/camunda-byok-payments-prod" }],
      ["aws_kms_alias.replica[0]", { arn: "arn:aws:kms:eu-west-1:111122223333:alias/camunda-byok-payments-prod" }],
    ]
      .map(
        ([target, values]) =>
          `override_resource {\n  target          = module.camunda_byok.${target}\n  override_during = plan\n  values          = ${hcl(values)}\n}`,
      )
      .join("\n");
    const test = `mock_provider "aws" {
  override_during = plan
  source          = ${JSON.stringify(path.join(MODULE_DIR, "tests/mocks/aws"))}
  mock_data "aws_kms_key" {
    defaults = ${hcl(live("eu-central-1", "PRIMARY"))}
  }
}
mock_provider "aws" {
  alias           = "backup"
  override_during = plan
  source          = ${JSON.stringify(path.join(MODULE_DIR, "tests/mocks/aws-backup"))}
  mock_data "aws_kms_key" {
    defaults = ${hcl(live("eu-west-1", "REPLICA"))}
  }
}
${overrides}
${RUN}`;
    const workdir = terraformFilesWorkdir(tools, "adopt-dual", { "main.tf": root });
    const text = await workdir.testVerbose({ "adopt.tftest.hcl": test });
    expect(text, text).to.match(/run "adopt"\.\.\. pass/);
    for (const address of ["aws_kms_key.this", "aws_kms_replica_key.replica[0]", "aws_kms_alias.this", "aws_kms_alias.replica[0]"])
      expect(text).to.include(`# module.camunda_byok.${address} will be imported`);
    expect(text).to.match(/Plan: 4 to import, \d+ to add, 0 to change, 0 to destroy\./);
    expect(text).not.to.include("must be replaced");
  });

  it("stops the plan, naming the setting and its live value, on a multi-region key without backup_region, an asymmetric key and one pending deletion", async () => {
    const workdir = terraformFilesWorkdir(tools, "adopt-refused", { "main.tf": root() });
    const multiRegion = {
      ...CONSOLE_KEY,
      multi_region: true,
      multi_region_configuration: [
        { multi_region_key_type: "PRIMARY", primary_key: [{ arn: KEY_ARN, region: "eu-central-1" }], replica_keys: [] },
      ],
    };
    const result = await workdir.test({
      "multi.tftest.hcl": `${mocks(multiRegion)}\n${RUN}`,
      "asymmetric.tftest.hcl": `${mocks({ ...CONSOLE_KEY, key_spec: "RSA_2048", key_usage: "SIGN_VERIFY" })}\n${RUN}`,
      "pending.tftest.hcl": `${mocks({ ...CONSOLE_KEY, key_state: "PendingDeletion" })}\n${RUN}`,
    });
    expectPlanFailure(
      result,
      "multi.tftest.hcl",
      'adopt_key_id MultiRegion is true, but without backup_region the package makes a single-region key, so the plan would replace it (multi_region forces a new key); set backup_region to the region of its replica (got "true").',
    );
    expectPlanFailure(result, "asymmetric.tftest.hcl", "adopt_key_id KeySpec must be SYMMETRIC_DEFAULT");
    expect(describeResult(result)).to.include('(got "RSA_2048")').and.include('(got "SIGN_VERIFY")');
    expectPlanFailure(result, "pending.tftest.hcl", "adopt_key_id KeyState must be Enabled or Disabled");
    expect(describeResult(result)).to.include('(got "PendingDeletion")');
  });
});
