import { expect } from "chai";
import type { CamundaByokKey as CdktfByokKey } from "../../cdktf";
import { CamundaByokStack as CdktnExample } from "../../examples/cdktn/main";
import { mockProviderBlocks } from "../../scripts/harness/terraform-mocks";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";
import { hclValue, requireTerraform, terraformWorkdir } from "../support/terraform";
import { coreAssertions, terraformAddress } from "../support/terraform-expectations";

// The cdktn example (camunda-byok-kms/cdktn, built against CDK Terrain) through real Terraform.

const INPUT = {
  camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
  clusterRegion: "eu-central-1",
  clusterName: "payments-prod",
  alertEmails: ["oncall@example.com"],
};

describe("CDK Terrain (camunda-byok-kms/cdktn) in real Terraform", () => {
  it("its example runs through real Terraform: validate, a mocked apply matching the core, the package's message on a bad value", async function () {
    const tools = requireTerraform(this);
    const cdktn = require("cdktn");
    const stack = new CdktnExample(cdktn.Testing.app(), "camunda-byok");
    const byok = stack.node.findChild("camunda-byok") as unknown as CdktfByokKey;
    const workdir = terraformWorkdir(tools, "cdktn", JSON.parse(cdktn.Testing.synth(stack)));
    const mocks = mockProviderBlocks(workdir.config, Number(tools.awsProviderVersion.split(".")[0]));
    const file = (runs: string) => `${mocks}\n\nvariables {\n  camunda_cluster_role_arn = ${hclValue(CAMUNDA_ROLE_ARN)}\n}\n\n${runs}`;
    const result = await workdir.test({
      "apply.tftest.hcl": file(`run "create" {\n  command = apply\n${coreAssertions(byok, INPUT).join("\n")}\n}`),
      "bad-cluster-name.tftest.hcl": file(`run "bad" {\n  command = plan\n  variables {\n    cluster_name = "-payments"\n  }\n}`),
    });
    const status = (file: string) => result.runs.filter((r) => r.file === `tests/${file}`).map((r) => r.status);
    const log = JSON.stringify(result.diagnostics, null, 2);
    expect(status("apply.tftest.hcl"), log).to.deep.equal(["pass"]);
    expect(status("bad-cluster-name.tftest.hcl"), log).to.deep.equal(["error"]);
    expect(
      result.diagnostics
        .map((d) => d.detail)
        .join("\n")
        .replace(/\s+/g, " "),
    ).to.include("camunda-byok-kms: clusterName must be 1-32 letters");
    expect(result.leftInState["tests/apply.tftest.hcl"]).to.include(terraformAddress(byok.resources.get("key")!));
  });
});
