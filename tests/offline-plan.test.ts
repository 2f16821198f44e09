import { expect } from "chai";
import { REPO_ROOT, runNode, type ProcessResult } from "./support/processes";
import { terraformTools } from "./support/terraform";

describe("npm start (offline plan)", () => {
  let result: ProcessResult;
  before(() => {
    result = runNode(["--conditions=camunda-byok-kms-source", "--import=tsx", "scripts/offline-plan.ts"], { cwd: REPO_ROOT });
  });

  it("prints the example's key policy, the Pulumi preview and the CDKTF resources, offline", () => {
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.include("nothing is deployed");
    expect(result.stdout).to.include('"Sid": "CamundaClusterKeyUsage"');
    expect(result.stdout).to.match(/\+ aws:kms\/key:Key {2}camunda-byok-key \[protected\]/);
    expect(result.stdout).to.match(/\+ aws_kms_key\.camunda-byok_key_\w+ \[prevent_destroy, \d+ preconditions\]/);
    expect(result.stdout).to.include("cdktf.out/stacks/camunda-byok/cdk.tf.json");
    expect(result.stdout).to.not.include("can run it directly");
  });

  it("shows real Terraform's plan of the CDKTF example where Terraform is installed, else how to get it", () => {
    expect(result.status, result.stderr).to.equal(0);
    if (typeof terraformTools() === "string") {
      expect(result.stdout).to.match(/== Terraform: not run here \(.+\) ==/);
      expect(result.stdout).to.include("terraform plan -var camunda_cluster_role_arn=arn:aws:iam::");
    } else {
      expect(result.stdout).to.match(/== Terraform \d+\.\d+\.\d+ \+ hashicorp\/aws \d+\.\d+\.\d+: the example's real plan/);
      expect(result.stdout).to.include('run "plan"... pass');
      expect(result.stdout).to.match(/# aws_kms_key\.camunda-byok_key_\w+ will be created/);
      expect(result.stdout).to.include("Plan: 10 to add, 0 to change, 0 to destroy.");
    }
  });
});
