import { expect } from "chai";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildKeyPolicy } from "../../shared";
import { ADMIN_ROLE_ARN, CAMUNDA_ROLE_ARN, KEY_ACCOUNT_ID } from "../support/fixtures";
import { REPO_ROOT, runNode } from "../../scripts/harness/processes";

const BIN = path.join(REPO_ROOT, "dist/cli/main.js");
const cli = (...args: string[]) => runNode([BIN, ...args]);

describe("CLI (the built binary, as a process)", () => {
  before(() => {
    if (!existsSync(BIN)) throw new Error("dist/cli/main.js is missing: run `npm run build` first (npm test does)");
  });

  it("is the package's bin", () => {
    const pkg = require("../../package.json");
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
    const result = cli(
      "policy",
      "--role-arn",
      CAMUNDA_ROLE_ARN,
      "--account-id",
      KEY_ACCOUNT_ID,
      "--admin",
      ADMIN_ROLE_ARN,
      "--no-account-access",
      "--restrict-grants",
    );
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

  it("prints the deletion guard by default, its exceptions from --key-deletion-allowed, and leaves it out with --allow-key-deletion", () => {
    const allowed = `arn:aws:iam::${KEY_ACCOUNT_ID}:role/KeyRetirement`;
    const guarded = cli("policy", "--role-arn", CAMUNDA_ROLE_ARN, "--account-id", KEY_ACCOUNT_ID, "--key-deletion-allowed", allowed);
    expect(guarded.status, guarded.stderr).to.equal(0);
    const guard = JSON.parse(guarded.stdout).Statement.at(-1);
    expect(guard).to.deep.include({ Sid: "DenyKeyDeletion", Effect: "Deny", Action: "kms:ScheduleKeyDeletion" });
    expect(guard.Condition).to.deep.equal({ ArnNotLike: { "aws:PrincipalArn": [allowed] } });
    const open = cli("policy", "--role-arn", CAMUNDA_ROLE_ARN, "--account-id", KEY_ACCOUNT_ID, "--allow-key-deletion");
    expect(open.status, open.stderr).to.equal(0);
    expect(JSON.parse(open.stdout).Statement.map((s: { Sid: string }) => s.Sid)).to.not.include("DenyKeyDeletion");
    const bad = cli(
      "policy",
      "--role-arn",
      CAMUNDA_ROLE_ARN,
      "--account-id",
      KEY_ACCOUNT_ID,
      "--key-deletion-allowed",
      "arn:aws:iam::1:role/x",
    );
    expect(bad.status).to.equal(1);
    expect(bad.stderr).to.include("--key-deletion-allowed #1:");
  });

  it("exits 1 listing every problem by flag, printing no policy", () => {
    const result = cli(
      "policy",
      "--role-arn",
      "arn:aws:iam::123456789012:user/x",
      "--account-id",
      "42",
      "--admin",
      ADMIN_ROLE_ARN,
      "--admin",
      "*",
    );
    expect(result.status).to.equal(1);
    expect(result.stdout).to.equal("");
    expect(result.stderr).to.include("--role-arn: must be an IAM role ARN");
    expect(result.stderr).to.include("--account-id: must be a 12-digit AWS account id");
    expect(result.stderr).to.include("--admin #2: must not contain wildcards");
  });

  it("exits 2 when required flags are missing, naming them", () => {
    const result = cli("policy");
    expect(result.status).to.equal(2);
    expect(result.stderr).to.include("camunda-byok-kms policy: missing --role-arn and --account-id");
  });

  it("accepts the account id as the AWS console shows it (1111-2222-3333)", () => {
    const result = cli("policy", "--role-arn", CAMUNDA_ROLE_ARN, "--account-id", "1111-2222-3333");
    expect(result.status, result.stderr).to.equal(0);
    expect(JSON.parse(result.stdout)).to.deep.equal(
      buildKeyPolicy({ camundaClusterRoleArn: CAMUNDA_ROLE_ARN, keyAccountId: "111122223333" }),
    );
  });

  it("words problems by flag, never by API field", () => {
    const result = cli("policy", "--role-arn", CAMUNDA_ROLE_ARN, "--account-id", KEY_ACCOUNT_ID, "--no-account-access");
    expect(result.status).to.equal(1);
    expect(result.stderr).to.include("--admin: must name at least one administrator when --no-account-access is given");
    expect(result.stderr).to.not.match(/enableDefaultAccountAccess|keyAdministratorArns|camundaClusterRoleArn/);
  });

  it("says a role name is too long", () => {
    const result = cli("policy", "--role-arn", `arn:aws:iam::123456789012:role/${"a".repeat(65)}`, "--account-id", KEY_ACCOUNT_ID);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.include("--role-arn: has a role name of 65 characters, but IAM allows at most 64");
  });

  it("explains every flag in --help", () => {
    const result = cli("--help");
    expect(result.status).to.equal(0);
    for (const flag of ["--role-arn", "--account-id", "--admin", "--no-account-access", "--restrict-grants", "--help"]) {
      expect(result.stdout).to.include(flag);
    }
  });

  it("exits 2 on a usage error, saying what is wrong in plain words", () => {
    const cases: [string[], string][] = [
      [["policy", "--bogus"], "camunda-byok-kms policy: unknown option --bogus\n"],
      [["print"], 'camunda-byok-kms: unknown command "print"\n'],
      [[], "camunda-byok-kms: no command given\n"],
      [
        ["policy", "extra", "--role-arn", CAMUNDA_ROLE_ARN, "--account-id", KEY_ACCOUNT_ID],
        'camunda-byok-kms policy: unexpected argument "extra"\n',
      ],
      [
        ["policy", "--role-arn", CAMUNDA_ROLE_ARN, "--role-arn", ADMIN_ROLE_ARN, "--account-id", KEY_ACCOUNT_ID],
        "camunda-byok-kms policy: --role-arn is given 2 times; give it once\n",
      ],
      [["policy", "--account-id"], "camunda-byok-kms policy: --account-id needs a value\n"],
    ];
    for (const [args, message] of cases) {
      const result = cli(...args);
      expect(result.status, args.join(" ")).to.equal(2);
      expect(result.stdout, args.join(" ")).to.equal("");
      expect(result.stderr.startsWith(message), `${args.join(" ")}: ${result.stderr}`).to.equal(true);
      // The problem and where the help is, not the whole help.
      expect(result.stderr).to.not.include("Usage: camunda-byok-kms");
      expect(result.stderr.trimEnd().split("\n").at(-1)).to.match(/^see camunda-byok-kms( policy)? --help$/);
    }
  });

  it("reports a flag given empty as empty, not as missing", () => {
    const result = cli("policy", "--role-arn", "", "--account-id", KEY_ACCOUNT_ID);
    expect(result.status).to.equal(2);
    expect(result.stderr).to.equal("camunda-byok-kms policy: --role-arn is empty: give it a value\nsee camunda-byok-kms policy --help\n");
    const verify = cli("verify", "--key-arn", "", "--role-arn", "");
    expect(verify.stderr.split("\n")[0]).to.equal("camunda-byok-kms verify: --key-arn and --role-arn are empty: give each a value");
  });

  it("prints its version with --version, as package.json says it", () => {
    const result = cli("--version");
    expect(result.status).to.equal(0);
    expect(result.stdout).to.equal(`${JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version}\n`);
  });
});
