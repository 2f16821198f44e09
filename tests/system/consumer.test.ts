import { expect } from "chai";
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../../scripts/harness/processes";

// The package as a user meets it: `npm pack`'s tarball unpacked into fresh projects made from the
// stock Pulumi and cdktf templates' tsconfigs, type-checked by the project's own tsconfig and run.
// The IaC packages come from this repository's node_modules (linked, so nothing is downloaded):
// the tarball's own files are what is under test.

const FIXTURES = path.join(REPO_ROOT, "tests", "fixtures", "consumers");
const TSC = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
const ROLE_ARN = "arn:aws:iam::123456789012:role/c8-cluster/c8-apps-1";
/** The package's own dependencies (verify's AWS SDK clients), as npm would install them. */
const SDK_CLIENTS = Object.keys(JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).dependencies ?? {});

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 180_000 });
  return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}`, stdout: result.stdout ?? "" };
}

function packTarball(): string {
  const destination = mkdtempSync(path.join(os.tmpdir(), "camunda-byok-pack-"));
  // `npm test` built dist/ just before; packing again must not rebuild it.
  const packed = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", destination], REPO_ROOT);
  if (packed.status !== 0) throw new Error(packed.output);
  return path.join(destination, JSON.parse(packed.stdout)[0].filename);
}

/** A copy of a fixture project with the tarball unpacked as npm installs it and the peers linked. */
function freshProject(tarball: string, fixture: string, peers: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `camunda-byok-consumer-${fixture}-`));
  cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
  const installed = path.join(dir, "node_modules", "camunda-byok-kms");
  mkdirSync(installed, { recursive: true });
  const untar = run("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"], dir);
  if (untar.status !== 0) throw new Error(untar.output);
  for (const peer of [...peers, "@types/node"]) {
    const link = path.join(dir, "node_modules", peer);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(REPO_ROOT, "node_modules", peer), link, "dir");
  }
  return dir;
}

function typeCheckAndBuild(dir: string): void {
  const result = run(process.execPath, [TSC, "-p", "."], dir);
  expect(result.status, result.output).to.equal(0);
}

describe("the packed tarball in fresh projects from the stock templates", () => {
  let tarball: string;
  const projects: string[] = [];

  before(() => {
    tarball = packTarball();
  });
  after(() => {
    for (const dir of [...projects, path.dirname(tarball)]) rmSync(dir, { recursive: true, force: true });
  });

  it("holds the built entry points, the CLI, the Terraform module, README and LICENSE, and source maps that need no .ts", () => {
    const listing = run("tar", ["-tzf", tarball], REPO_ROOT)
      .stdout.split("\n")
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ""));
    const moduleDir = path.join(REPO_ROOT, "terraform");
    const moduleFiles = (readdirSync(moduleDir, { recursive: true }) as string[])
      .filter(
        (file) => !file.split(path.sep).some((part) => part.startsWith(".terraform")) && statSync(path.join(moduleDir, file)).isFile(),
      )
      .map((file) => `terraform/${file.split(path.sep).join("/")}`);
    expect(moduleFiles).to.include.members([
      "terraform/main.tf",
      "terraform/modules/monitoring/main.tf",
      "terraform/examples/dual-region/main.tf",
    ]);
    for (const file of [
      "dist/shared/index.js",
      "dist/pulumi/index.d.ts",
      "dist/pulumi/testing.js",
      "dist/cdktf/index.js",
      "dist/cli/main.js",
      "LICENSE",
      "README.md",
      ...moduleFiles,
    ]) {
      expect(listing, file).to.include(file);
    }
    expect(listing.filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))).to.deep.equal([]);
    const dir = freshProject(tarball, "nodenext", []);
    projects.push(dir);
    const maps = listing.filter((file) => file.endsWith(".js.map"));
    expect(maps).to.not.have.length(0);
    for (const map of maps) {
      const { sources, sourcesContent } = JSON.parse(readFileSync(path.join(dir, "node_modules", "camunda-byok-kms", map), "utf8"));
      expect(sourcesContent?.length, `${map} carries its sources`).to.equal(sources.length);
    }
  });

  it("Pulumi's aws-typescript template (moduleResolution node): type-checks and runs under the package's mocks", () => {
    const dir = freshProject(tarball, "pulumi-aws-typescript", ["@pulumi/pulumi", "@pulumi/aws"]);
    projects.push(dir);
    typeCheckAndBuild(dir);
    const result = run(process.execPath, ["run-under-mocks.js"], dir);
    expect(result.status, result.output).to.equal(0);
    const outputs = JSON.parse(result.stdout.trim().split("\n").pop()!);
    expect(outputs.keyArn).to.match(/^arn:aws:kms:eu-central-1:111122223333:key\/camunda-byok-key$/);
    expect(outputs.statementIds).to.deep.equal([
      "EnableAccountAccess",
      "CamundaClusterKeyUsage",
      "CamundaClusterGrants",
      "DenyKeyDeletion",
    ]);
    expect(outputs.errorName).to.equal("ByokValidationError");
  });

  it("cdktf init's template (CommonJS): type-checks and synthesizes the key", () => {
    const dir = freshProject(tarball, "cdktf-typescript", ["cdktf", "constructs", "@cdktf/provider-aws"]);
    projects.push(dir);
    typeCheckAndBuild(dir);
    const result = run(process.execPath, ["build/main.js", "out"], dir);
    expect(result.status, result.output).to.equal(0);
    const json = JSON.parse(readFileSync(path.join(dir, "out", "stacks", "byok", "cdk.tf.json"), "utf8"));
    const [key] = Object.values(json.resource.aws_kms_key) as { policy: string }[];
    expect(JSON.parse(key.policy).Statement.map((s: { Sid: string }) => s.Sid)).to.include("CamundaClusterKeyUsage");
  });

  it("a nodenext project: type-checks every entry point and runs", () => {
    const dir = freshProject(tarball, "nodenext", [
      "@pulumi/pulumi",
      "@pulumi/aws",
      "cdktf",
      "constructs",
      "@cdktf/provider-aws",
      ...SDK_CLIENTS,
    ]);
    projects.push(dir);
    typeCheckAndBuild(dir);
    const result = run(process.execPath, ["bin/index.js"], dir);
    expect(result.status, result.output).to.equal(0);
    expect(JSON.parse(result.stdout)).to.deep.equal({ statements: 4, entryPoints: ["function", "function", "function", "function"] });
  });

  it("the CLI runs from the installed package", () => {
    const dir = freshProject(tarball, "nodenext", []);
    projects.push(dir);
    const cli = path.join(dir, "node_modules", "camunda-byok-kms", "dist", "cli", "main.js");
    expect(readFileSync(cli, "utf8").startsWith("#!/usr/bin/env node\n")).to.equal(true);
    const result = run(process.execPath, [cli, "policy", "--role-arn", ROLE_ARN, "--account-id", "111122223333"], dir);
    expect(result.status, result.output).to.equal(0);
    // The Camunda statements, account access and the deletion guard.
    expect(JSON.parse(result.stdout).Statement).to.have.length(4);
  });

  it("a git install gets dist/: npm pack of a checkout without dist/ builds it (prepare)", () => {
    const checkout = mkdtempSync(path.join(os.tmpdir(), "camunda-byok-checkout-"));
    projects.push(checkout);
    const tracked = run("git", ["ls-files"], REPO_ROOT).stdout.split("\n").filter(Boolean);
    for (const file of tracked) {
      if (!existsSync(path.join(REPO_ROOT, file))) continue;
      mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
      cpSync(path.join(REPO_ROOT, file), path.join(checkout, file));
    }
    symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(checkout, "node_modules"), "dir");
    expect(existsSync(path.join(checkout, "dist"))).to.equal(false);
    const packed = run("npm", ["pack", "--dry-run", "--json"], checkout);
    expect(packed.status, packed.output).to.equal(0);
    const files = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("[")))[0].files.map((f: { path: string }) => f.path);
    expect(files).to.include.members(["dist/pulumi/index.js", "dist/cdktf/index.js", "dist/cli/main.js"]);
    expect(readdirSync(path.join(checkout, "dist"))).to.include.members(["shared", "pulumi", "cdktf", "cli"]);
  });
});
