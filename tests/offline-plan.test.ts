import { expect } from "chai";
import { REPO_ROOT, runNode } from "./support/processes";

describe("npm start (offline plan)", () => {
  it("prints the example's key policy, the Pulumi preview and the CDKTF resources, offline", () => {
    const result = runNode(["--conditions=camunda-byok-kms-source", "--import=tsx", "scripts/offline-plan.ts"], { cwd: REPO_ROOT });
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.include("nothing is deployed");
    expect(result.stdout).to.include('"Sid": "CamundaClusterKeyUsage"');
    expect(result.stdout).to.match(/\+ aws:kms\/key:Key {2}camunda-byok-key \[protected\]/);
    expect(result.stdout).to.match(/\+ aws_kms_key\.camunda-byok_key_\w+ \[prevent_destroy, \d+ preconditions\]/);
    expect(result.stdout).to.include("cdktf.out/stacks/camunda-byok/cdk.tf.json");
  });
});
