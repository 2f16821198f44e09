import { expect } from "chai";
import { existsSync } from "node:fs";
import path from "node:path";
import { CamundaByokStack as CdktfExample } from "../../examples/cdktf/main";
import { CamundaByokStack as CdktnExample } from "../../examples/cdktn/main";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";
import { REPO_ROOT, runNode } from "../../scripts/harness/processes";

// camunda-byok-kms/cdktn is the cdktf construct built against CDK Terrain (scripts/build-cdktn.mjs).
// Both engines must synthesize the same Terraform for the same app: then moving a stack from
// cdktf to cdktn changes no resource address, and the Terraform suite's verdicts carry over.

interface Engine {
  name: string;
  core: any;
  provider: (module: string) => any;
  CamundaByokKey: any;
}

const engine = (name: "cdktf" | "cdktn"): Engine => ({
  name,
  core: require(name),
  provider: (module) => require(`@${name}/provider-aws/lib/${module}`),
  CamundaByokKey: require(`camunda-byok-kms/${name}`).CamundaByokKey,
});

/** The synthesized JSON without what names the engine itself: its version stamp and its AWS provider pin (cdktf: aws 6.25.0, cdktn: hashicorp/aws 6.66.0). */
function comparable(json: Record<string, any>): Record<string, any> {
  const copy = structuredClone(json);
  delete copy["//"];
  delete copy.terraform?.required_providers?.aws;
  return copy;
}

const INPUT = {
  camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
  clusterRegion: "eu-central-1",
  clusterName: "payments-prod",
  alertEmails: ["oncall@example.com"],
};

/** The shapes the CDKTF tests build, for one engine. */
function stacks(e: Engine): Record<string, Record<string, any>> {
  const synth = (build: (stack: any) => void) => {
    const stack = new e.core.TerraformStack(e.core.Testing.app(), "stack");
    build(stack);
    return JSON.parse(e.core.Testing.synth(stack));
  };
  const { AwsProvider } = e.provider("provider");
  return {
    literal: synth((stack) => {
      new AwsProvider(stack, "aws", { region: "eu-central-1" });
      new e.CamundaByokKey(stack, "byok", {
        ...INPUT,
        keyAdministratorArns: ["arn:aws:iam::111122223333:role/KmsAdmins"],
        tags: { team: "payments" },
      });
    }),
    "dual-region": synth((stack) => {
      new AwsProvider(stack, "aws", { region: "eu-central-1" });
      new e.CamundaByokKey(stack, "byok", { ...INPUT, backupRegion: "eu-west-1" });
    }),
    tokens: synth((stack) => {
      new AwsProvider(stack, "aws", { region: "eu-central-1" });
      const variable = (name: string, type: string) => new e.core.TerraformVariable(stack, name, { type });
      new e.CamundaByokKey(stack, "byok", {
        camundaClusterRoleArn: variable("role_arn", "string").stringValue,
        clusterRegion: variable("cluster_region", "string").stringValue,
        clusterName: variable("cluster_name", "string").stringValue,
        alertEmails: variable("alert_emails", "list(string)").listValue,
        deletionWindowInDays: variable("deletion_window", "number").numberValue,
      });
    }),
    adoption: synth((stack) => {
      new AwsProvider(stack, "aws", { region: "eu-central-1" });
      new e.CamundaByokKey(stack, "byok", {
        ...INPUT,
        backupRegion: "eu-west-1",
        adoptKeyId: "mrk-1234abcd12ab34cd56ef1234567890ab",
        adoptReplicaKeyId: "mrk-1234abcd12ab34cd56ef1234567890ab",
        adoptAliases: true,
        alertTopicKmsKeyArn: "arn:aws:kms:eu-central-1:111122223333:key/0b7fd7a4-2f7e-4d3a-9a8c-8c2f0e5b1a3d",
        backupAlertTopicKmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/9c1a2b3c-4d5e-4f60-8a7b-1c2d3e4f5a6b",
      });
    }),
    "account-access-off": synth((stack) => {
      new AwsProvider(stack, "aws", { region: "eu-central-1" });
      new e.CamundaByokKey(stack, "byok", {
        ...INPUT,
        enableDefaultAccountAccess: false,
        keyAdministratorArns: ["arn:aws:iam::111122223333:role/ops/deployer"],
      });
    }),
  };
}

describe("CDK Terrain (camunda-byok-kms/cdktn)", function () {
  this.timeout(300_000);

  before(function () {
    if (!existsSync(path.join(REPO_ROOT, "dist", "cdktn", "index.js")))
      throw new Error("dist/cdktn is missing: run `npm run build` first (npm test does)");
    // cdktn needs constructs >=10.6 <10.8; the lowest-peers run installs cdktf's floor, 10.4.2.
    const range = require("cdktn/package.json").peerDependencies.constructs as string;
    const [major, minor] = require("constructs/package.json").version.split(".").map(Number);
    const [low, high] = [...range.matchAll(/(\d+)\.(\d+)\.\d+/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const inRange = major === low[0] && minor >= low[1] && minor < high[1];
    if (!inRange) {
      console.log(`    cdktn suite NOT RUN: constructs ${require("constructs/package.json").version} is outside cdktn's range ${range}`);
      this.skip();
    }
  });

  it("the cdktn example synthesizes the same Terraform as the cdktf example: same addresses, same settings", () => {
    const cdktf = engine("cdktf");
    const cdktn = engine("cdktn");
    const fromCdktf = JSON.parse(cdktf.core.Testing.synth(new CdktfExample(cdktf.core.Testing.app(), "camunda-byok")));
    const fromCdktn = JSON.parse(cdktn.core.Testing.synth(new CdktnExample(cdktn.core.Testing.app(), "camunda-byok")));
    expect(Object.keys(fromCdktn.resource.aws_kms_key)).to.deep.equal(Object.keys(fromCdktf.resource.aws_kms_key));
    expect(comparable(fromCdktn)).to.deep.equal(comparable(fromCdktf));
  });

  it("so does every stack shape the CDKTF tests build", () => {
    const fromCdktf = stacks(engine("cdktf"));
    const fromCdktn = stacks(engine("cdktn"));
    for (const name of Object.keys(fromCdktf)) expect(comparable(fromCdktn[name]), name).to.deep.equal(comparable(fromCdktf[name]));
  });

  it("refuses bad input the same way", () => {
    const cdktn = engine("cdktn");
    const stack = new cdktn.core.TerraformStack(cdktn.core.Testing.app(), "bad");
    expect(() => new cdktn.CamundaByokKey(stack, "byok", { ...INPUT, camundaClusterRoleArn: "arn:aws:iam::123456789012:role/*" })).to.throw(
      /camundaClusterRoleArn: must not contain wildcards/,
    );
  });

  it("loads only cdktn's packages, and the cdktf entry none of them", () => {
    const probe = (entry: string) => `
      require(${JSON.stringify(entry)});
      const loaded = Object.keys(require.cache);
      console.log(JSON.stringify({ cdktf: loaded.some((f) => /node_modules\\/(cdktf|@cdktf)\\//.test(f)), cdktn: loaded.some((f) => /node_modules\\/(cdktn|@cdktn)\\//.test(f)) }));`;
    const cdktn = runNode(["-e", probe("camunda-byok-kms/cdktn")], { cwd: REPO_ROOT });
    expect(JSON.parse(cdktn.stdout), cdktn.stderr).to.deep.equal({ cdktf: false, cdktn: true });
    const cdktf = runNode(["-e", probe("camunda-byok-kms/cdktf")], { cwd: REPO_ROOT });
    expect(JSON.parse(cdktf.stdout), cdktf.stderr).to.deep.equal({ cdktf: true, cdktn: false });
  });
});
