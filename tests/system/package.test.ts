import { expect } from "chai";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, runNode } from "../../scripts/harness/processes";

const IAC_PACKAGES = ["@pulumi/pulumi", "@pulumi/aws", "cdktf", "constructs", "@cdktf/provider-aws"];

describe("package", () => {
  it("the built core loads without any IaC package", () => {
    const probe = `
      const core = require("camunda-byok-kms");
      const loaded = Object.keys(require.cache).filter((file) => file.includes("node_modules"));
      console.log(JSON.stringify({ exports: Object.keys(core), loaded }));`;
    const result = runNode(["-e", probe], { cwd: REPO_ROOT });
    expect(result.status, result.stderr).to.equal(0);
    const { exports, loaded } = JSON.parse(result.stdout);
    for (const name of [
      "buildKeyPolicy",
      "buildEventPattern",
      "buildByokSpec",
      "validateByokInput",
      "ByokValidationError",
      "CAMUNDA_KEY_USAGE_ACTIONS",
    ]) {
      expect(exports).to.include(name);
    }
    for (const pkg of [...IAC_PACKAGES, "@aws-sdk"]) expect(loaded.join("\n")).to.not.include(`node_modules/${pkg}/`);
  });

  it("the CLI's policy command loads no AWS SDK; verify loads it when it runs", () => {
    const probe = `
      process.argv = [process.argv[0], "main.js", "policy", "--help"];
      process.stdout.write = () => true;
      require("./dist/cli/main.js");
      setTimeout(() => console.error(JSON.stringify(Object.keys(require.cache).filter((f) => f.includes("@aws-sdk")).length)), 50);`;
    const result = runNode(["-e", probe], { cwd: REPO_ROOT });
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stderr.trim()).to.equal("0");
    const verify = runNode(
      ["-e", 'require("camunda-byok-kms/verify"); console.log(Object.keys(require.cache).some((f) => f.includes("@aws-sdk/client-kms")))'],
      { cwd: REPO_ROOT },
    );
    expect(verify.stdout.trim(), verify.stderr).to.equal("true");
  });

  it("the built /pulumi and /cdktf entry points load, the latter without the provider's root index", () => {
    const probe = `
      const pulumiEntry = require("camunda-byok-kms/pulumi");
      const cdktfEntry = require("camunda-byok-kms/cdktf");
      const provider = Object.keys(require.cache).filter((file) => file.includes("@cdktf/provider-aws/"));
      console.log(JSON.stringify({ pulumi: Object.keys(pulumiEntry), cdktf: Object.keys(cdktfEntry), provider }));`;
    const result = runNode(["-e", probe], { cwd: REPO_ROOT });
    expect(result.status, result.stderr).to.equal(0);
    const { pulumi, cdktf, provider } = JSON.parse(result.stdout);
    expect(pulumi).to.include("CamundaByokKey");
    expect(cdktf).to.include("CamundaByokKey");
    expect(provider.some((file: string) => /provider-aws\/lib\/index\.js$/.test(file))).to.equal(false);
    expect(provider.length).to.be.below(40);
  });

  it("declares the IaC packages as optional peers", () => {
    const pkg = require("../../package.json");
    for (const name of IAC_PACKAGES) {
      expect(pkg.peerDependencies, name).to.have.property(name);
      expect(pkg.peerDependenciesMeta[name]).to.deep.equal({ optional: true });
      expect(pkg.dependencies ?? {}).to.not.have.property(name);
    }
  });

  it("each entry point exports exactly the values the README's Public API section lists", () => {
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    for (const entry of [
      "camunda-byok-kms",
      "camunda-byok-kms/pulumi",
      "camunda-byok-kms/pulumi/testing",
      "camunda-byok-kms/cdktf",
      "camunda-byok-kms/verify",
    ]) {
      const start = readme.indexOf(`<!-- exports: ${entry} -->`);
      expect(start, entry).to.be.greaterThan(-1);
      const section = readme
        .slice(start)
        .split("\n")
        .slice(1)
        .join("\n")
        .split(/\n(?=<!-- exports|## )/)[0];
      // Values: a table's first column, or a one-line list before "; type"; types have no runtime presence.
      const rows = section.split("\n").filter((line) => line.startsWith("| `"));
      const valuesText = rows.length > 0 ? rows.map((row) => row.split("|")[1]).join(" ") : section.split(/; types? /)[0];
      const documented = [...valuesText.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)]
        .map((m) => m[1])
        .filter((name) => name !== entry.split("/").pop());
      const probe = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(entry)}))))`;
      const result = runNode(["-e", probe], { cwd: REPO_ROOT });
      expect(result.status, result.stderr).to.equal(0);
      expect(JSON.parse(result.stdout).sort(), entry).to.deep.equal([...new Set(documented)].sort());
    }
  });
});
