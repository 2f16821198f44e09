import { expect } from "chai";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, runNode } from "../../scripts/harness/processes";

/** The first fenced block after `<!-- snippet: NAME -->` in the README. */
function readmeSnippet(name: string): string {
  const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const marker = `<!-- snippet: ${name} -->`;
  const start = readme.indexOf(marker);
  if (start < 0) throw new Error(`README has no snippet ${name}`);
  const match = /```[a-z]*\n([\s\S]*?)```/.exec(readme.slice(start));
  if (!match) throw new Error(`README snippet ${name} has no code block`);
  return match[1];
}

describe("README", () => {
  it("the 'Testing with Pulumi mocks' snippet passes as a user's mocha test", () => {
    // Inside the repo, so `camunda-byok-kms` resolves to this package as it would from npm.
    const dir = path.join(REPO_ROOT, "tests", ".snippets");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "pulumi-mocks.test.ts");
    writeFileSync(file, readmeSnippet("pulumi-mocks"));
    try {
      const mocha = path.join(REPO_ROOT, "node_modules/mocha/bin/mocha.js");
      const result = runNode([
        mocha,
        "--no-config",
        "--node-option",
        "import=tsx",
        "--node-option",
        "conditions=camunda-byok-kms-source",
        file,
      ]);
      expect(result.status, result.stdout + result.stderr).to.equal(0);
      expect(result.stdout).to.include("3 passing");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names the same two set-up commands that package.json and .ci/run use", () => {
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    expect(readme).to.include("npm ci && npm start");
    expect(readme).to.include("npm ci && npm test");
    expect(readFileSync(path.join(REPO_ROOT, ".ci/run"), "utf8")).to.match(/^npm test\b/m);
  });
});
