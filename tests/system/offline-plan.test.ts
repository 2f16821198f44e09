import { expect } from "chai";
import { REPO_ROOT, runNode, type ProcessResult } from "../../scripts/harness/processes";
import { terraformTools } from "../support/terraform";

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

  it("reads as a person reads it: mock ARNs shaped as AWS shapes them, counts explained, lines that fit a terminal", () => {
    // A single-region key's id has no "mrk-" (that prefix marks multi-region keys).
    expect(result.stdout).to.match(/keyArn: arn:aws:kms:eu-central-1:111122223333:key\/camunda-byok-key\n/);
    expect(result.stdout).to.match(
      /18 resources to create: the component and 17 AWS resources\n {2}\(one email subscription per address in alertEmails: 2 here\)/,
    );
    expect(result.stdout).to.match(/16 resources to create; the subscription is one resource per address in var\.alert_emails/);
    const ours = result.stdout.slice(0, result.stdout.indexOf("\n== Terraform"));
    const long = ours.split("\n").filter((line) => line.length > 120);
    expect(long).to.deep.equal([]);
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
      expect(result.stdout).to.include("Plan: 16 to add, 0 to change, 0 to destroy.");
    }
  });
});
