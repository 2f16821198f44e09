import { expect } from "chai";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildKeyPolicy } from "../shared";
import { ADMIN_ROLE_ARN, CAMUNDA_ROLE_ARN, KEY_ACCOUNT_ID } from "./support/fixtures";
import { REPO_ROOT, runNode } from "./support/processes";

const BIN = path.join(REPO_ROOT, "dist/cli/main.js");
const cli = (...args: string[]) => runNode([BIN, ...args]);

describe("CLI (the built binary, as a process)", () => {
  before(function () {
    if (!existsSync(BIN)) throw new Error("dist/cli/main.js is missing: run `npm run build` first (npm test does)");
  });

  it("is the package's bin", () => {
    const pkg = require("../package.json");
    expect(pkg.bin["camunda-byok-kms"]).to.equal("dist/cli/main.js");
  });

  it("prints the key policy as pasteable JSON", () => {
    const result = cli("policy", "--role-arn", CAMUNDA_ROLE_ARN, "--account-id", KEY_ACCOUNT_ID, "--admin", ADMIN_ROLE_ARN);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stderr).to.equal("");
    expect(JSON.parse(result.stdout)).to.deep.equal(
      buildKeyPolicy({ camundaClusterRoleArn: CAMUNDA_ROLE_ARN, keyAccountId: KEY_ACCOUNT_ID, keyAdministratorArns: [ADMIN_ROLE_ARN] }),
    );
  });

  it("passes the hardening and account-access flags through", () => {
    const result = cli("policy", "--role-arn", CAMUNDA_ROLE_ARN, "--account-id", KEY_ACCOUNT_ID, "--admin", ADMIN_ROLE_ARN, "--no-account-access", "--restrict-grants");
    expect(result.status, result.stderr).to.equal(0);
    expect(JSON.parse(result.stdout)).to.deep.equal(
      buildKeyPolicy({
        camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
        keyAccountId: KEY_ACCOUNT_ID,
        keyAdministratorArns: [ADMIN_ROLE_ARN],
        enableDefaultAccountAccess: false,
        restrictGrantsToAwsResources: true,
      }),
    );
  });

  it("exits 1 listing every problem by flag, printing no policy", () => {
    const result = cli("policy", "--role-arn", "arn:aws:iam::123456789012:user/x", "--account-id", "42", "--admin", ADMIN_ROLE_ARN, "--admin", "*");
    expect(result.status).to.equal(1);
    expect(result.stdout).to.equal("");
    expect(result.stderr).to.include("--role-arn: must be an IAM role ARN");
    expect(result.stderr).to.include("--account-id: must be a 12-digit AWS account id");
    expect(result.stderr).to.include("--admin #2: must not contain wildcards");
  });

  it("exits 1 when required flags are missing, naming them", () => {
    const result = cli("policy");
    expect(result.status).to.equal(1);
    expect(result.stderr).to.include("--role-arn: is required");
    expect(result.stderr).to.include("--account-id: is required");
  });

  it("explains every flag in --help", () => {
    const result = cli("--help");
    expect(result.status).to.equal(0);
    for (const flag of ["--role-arn", "--account-id", "--admin", "--no-account-access", "--restrict-grants", "--help"]) {
      expect(result.stdout).to.include(flag);
    }
  });

  it("exits 2 on a usage error", () => {
    expect(cli("policy", "--bogus").status).to.equal(2);
    expect(cli("print").status).to.equal(2);
  });
});
