// The module README's recipe for leaving a key without deleting it, planned by real Terraform over
// a state holding the module's key, replica and alias: the keys must be forgotten, never destroyed.
import { expect } from "chai";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../../scripts/harness/processes";
import { requireTerraform, type TerraformTools, terraform } from "../support/terraform";

const MODULE_DIR = path.join(REPO_ROOT, "terraform");
const KEY = "arn:aws:kms:eu-central-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab";

/** The ```hcl block under the README's "Retiring a key" heading. */
function recipe(): string {
  const readme = readFileSync(path.join(MODULE_DIR, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Retiring a key"));
  return /```hcl\n([\s\S]*?)```/.exec(section)![1];
}

/** A provider that plans offline: no credentials checked, no account looked up. */
function offlineProvider(alias?: string): string {
  const region = alias ? "eu-west-1" : "eu-central-1";
  return `provider "aws" {
${alias ? `  alias = "${alias}"\n` : ""}  region                      = "${region}"
  access_key                  = "offline"
  secret_key                  = "offline"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
`;
}

function instance(type: string, name: string, provider: string, attributes: Record<string, string>, indexKey?: number) {
  return {
    module: "module.camunda_byok",
    mode: "managed",
    type,
    name,
    provider: `provider["registry.terraform.io/hashicorp/aws"]${provider}`,
    instances: [{ ...(indexKey === undefined ? {} : { index_key: indexKey }), schema_version: 0, attributes }],
  };
}

describe("the module README's recipe for retiring a key without deleting it (real Terraform)", function () {
  this.timeout(180_000);
  let tools: TerraformTools;
  before(function () {
    tools = requireTerraform(this);
  });

  it("names the module's own resources", () => {
    const main = readFileSync(path.join(MODULE_DIR, "main.tf"), "utf8");
    const addresses = [...recipe().matchAll(/from = module\.camunda_byok\.(\w+)\.(\w+)/g)].map((m) => [m[1], m[2]]);
    expect(addresses).to.deep.equal([
      ["aws_kms_key", "this"],
      ["aws_kms_replica_key", "replica"],
    ]);
    for (const [type, name] of addresses) expect(main).to.include(`resource "${type}" "${name}" {`);
  });

  it("plans to forget the key and the replica and destroy only the rest", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "camunda-byok-retire-"));
    const versions = `terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "${tools.awsProviderVersion}" }\n  }\n}\n`;
    writeFileSync(path.join(dir, "main.tf"), `${versions}${offlineProvider()}${offlineProvider("backup")}${recipe()}`);
    const keyAttributes = { id: "mrk-1234abcd12ab34cd56ef1234567890ab", arn: KEY, key_id: "mrk-1234abcd12ab34cd56ef1234567890ab" };
    const state = {
      version: 4,
      terraform_version: tools.version,
      serial: 1,
      lineage: "00000000-0000-4000-8000-000000000001",
      outputs: {},
      resources: [
        instance("aws_kms_key", "this", "", keyAttributes),
        instance("aws_kms_replica_key", "replica", ".backup", { ...keyAttributes, arn: KEY.replace("eu-central-1", "eu-west-1") }, 0),
        instance("aws_kms_alias", "this", "", { id: "alias/camunda-byok-payments-prod", name: "alias/camunda-byok-payments-prod" }),
      ],
    };
    writeFileSync(path.join(dir, "terraform.tfstate"), JSON.stringify(state));
    const init = await terraform(tools, dir, ["init", "-input=false", "-no-color"]);
    expect(init.code, init.stdout + init.stderr).to.equal(0);
    const plan = await terraform(tools, dir, ["plan", "-refresh=false", "-input=false", "-no-color"]);
    expect(plan.code, plan.stdout + plan.stderr).to.equal(0);
    expect(plan.stdout).to.include(
      "module.camunda_byok.aws_kms_key.this will no longer be managed by Terraform, but will not be destroyed",
    );
    expect(plan.stdout).to.include(
      "module.camunda_byok.aws_kms_replica_key.replica[0] will no longer be managed by Terraform, but will not be destroyed",
    );
    expect(plan.stdout).to.include("module.camunda_byok.aws_kms_alias.this will be destroyed");
    expect(plan.stdout).to.include("Plan: 0 to add, 0 to change, 1 to destroy.");
  });
});
