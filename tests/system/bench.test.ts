import { expect } from "chai";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, runNode } from "../../scripts/harness/processes";

describe("benchmark (smoke)", () => {
  it("`npm run bench -- --quick` completes and reports every figure", () => {
    // npm test has built dist/ already, which is what `npm run bench` builds first.
    const result = runNode(["--import=tsx", "bench/run.ts", "--quick"], { cwd: REPO_ROOT });
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.include("ours / baseline");
    const results = JSON.parse(readFileSync(path.join(REPO_ROOT, "bench/results-quick.json"), "utf8"));
    expect(results.mode).to.equal("quick");
    expect(results.engines.map((row: { engine: string; clusters: number }) => `${row.engine} ${row.clusters}`)).to.deep.equal([
      "CDKTF synth 1",
      "CDKTF synth 10",
      "CDKTF synth, vs own construct 1",
      "CDKTF synth, vs own construct 10",
      "Pulumi (mocks) 1",
      "Pulumi (mocks) 10",
    ]);
    for (const row of results.engines) expect(row.ratio).to.be.greaterThan(0);
    expect(results.loads.map((load: { entryPoint: string }) => load.entryPoint)).to.include.members([
      "camunda-byok-kms",
      "camunda-byok-kms/pulumi",
      "camunda-byok-kms/cdktf",
    ]);
    expect(results.policiesPerSecond).to.be.greaterThan(0);
    expect(results.targets.length).to.be.greaterThan(0);
  });

  it("`npm run bench:verify -- --quick` reports calls and time per key", () => {
    const result = runNode(["--conditions=camunda-byok-kms-source", "--import=tsx", "bench/verify.ts", "--quick", "--latency=5"], {
      cwd: REPO_ROOT,
    });
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.match(/^key {13}\d+ calls/m);
    expect(result.stdout).to.match(/^key \+ replica +\d+ calls/m);
  });
});
