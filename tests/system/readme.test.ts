import { expect } from "chai";
import { buildByokSpec } from "../../shared";
import { mermaidDiagram, withCurrentDiagram } from "../../scripts/diagram";
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
      // Ends cleanly: Pulumi's exit-time check finds no registration or Output left pending.
      expect(result.stdout + result.stderr).to.not.include("promises were still active");
      expect(result.stdout + result.stderr).to.not.include("promise was still active");
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

describe("README's diagram", () => {
  it("is the one the core's spec draws (npm run generate:diagram), with every resource of both sites", () => {
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    expect(withCurrentDiagram(readme), "the diagram is stale: run npm run generate:diagram").to.equal(readme);
    const diagram = mermaidDiagram();
    const spec = buildByokSpec(
      {
        camundaClusterRoleArn: "arn:aws:iam::123456789012:role/c8-cluster/c8-apps-3f1c9a52-7d4e-4b8a-9c61-0e2f5a7b8d90",
        clusterRegion: "eu-central-1",
        backupRegion: "eu-west-1",
        clusterName: "payments-prod",
        alertEmails: ["oncall@example.com"],
      },
      { keyAccountId: "111122223333" },
    );
    // Each key, alias, topic, rule and alarm is a node; targets, the topic policy and subscriptions are edges.
    for (const resource of spec.resources.filter((r) => !["eventTarget", "snsTopicPolicy", "snsTopicSubscription"].includes(r.kind)))
      expect(diagram, resource.logicalId).to.match(new RegExp(`^ {4}${resource.logicalId.replace(/-/g, "_")}\\[`, "m"));
    expect(diagram).to.include('key_events -- "event" --> alert_topic');
    expect(diagram).to.include('key_events -. "TriggeredRules" .-> key_deletion_alarm');
    expect(diagram).to.include('key == "replicated to" ==> replica_key');
  });
});
