import { expect } from "chai";
import { REPO_ROOT, runNode, type ProcessResult } from "../../scripts/harness/processes";
import { terraformTools } from "../support/terraform";

describe("npm start (the offline plan's one-page summary)", () => {
  let summary: ProcessResult;
  before(() => {
    summary = runNode(["--conditions=camunda-byok-kms-source", "--import=tsx", "scripts/offline-plan.ts"], { cwd: REPO_ROOT });
  });

  it("fits a page: at most 120 lines of at most 120 characters", () => {
    expect(summary.status, summary.stderr).to.equal(0);
    const lines = summary.stdout.trimEnd().split("\n");
    expect(lines.length).to.be.at.most(120);
    expect(lines.filter((line) => line.length > 120)).to.deep.equal([]);
  });

  it("shows the key policy, then one table of what is created, in words, no machine names or harness lines", () => {
    for (const sid of ["EnableAccountAccess", "CamundaClusterKeyUsage", "CamundaClusterGrants", "DenyKeyDeletion"])
      expect(summary.stdout).to.match(new RegExp(`^  ${sid} +(Allow|Deny) `, "m"));
    expect(summary.stdout).to.match(/^ {2}aws_kms_key +\(an id KMS gives it\) +the key the cluster is configured with/m);
    expect(summary.stdout).to.match(/^ {2}aws_cloudwatch_event_rule +…-key-events +catches DisableKey/m);
    expect(summary.stdout).to.not.match(/_[0-9A-F]{8}\b/); // cdktf's address suffixes
    expect(summary.stdout).to.not.include("tftest");
  });

  it("counts the same resources in the table, in Pulumi, in CDKTF and in the module's real plan", () => {
    const table = Number(/What is created, in [\w-]+: (\d+) resources/.exec(summary.stdout)?.[1]);
    const rows = summary.stdout.split("\n").filter((line) => /^ {2}aws_\w+ /.test(line)).length;
    expect(rows).to.equal(table);
    expect(Number(/Pulumi component, under mocks: +(\d+) AWS resources/.exec(summary.stdout)?.[1])).to.equal(table);
    expect(Number(/CDKTF construct, synthesized: +(\d+) resources/.exec(summary.stdout)?.[1])).to.equal(table);
    if (typeof terraformTools() === "string") expect(summary.stdout).to.match(/Terraform module, real plan: +not run here/);
    else expect(summary.stdout).to.include(`Plan: ${table} to add, 0 to change, 0 to destroy.`);
  });
});

describe("npm start -- --full (every setting, in each tool's words)", () => {
  let result: ProcessResult;
  before(() => {
    result = runNode(["--conditions=camunda-byok-kms-source", "--import=tsx", "scripts/offline-plan.ts", "--full"], { cwd: REPO_ROOT });
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
