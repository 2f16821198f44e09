// Writing `terraform test` files and reading their results, for every Terraform suite.
import { expect } from "chai";
import { hclString, hclValue, type TerraformTestResult } from "./terraform";

/** A `run` block: a plan or an apply with its own variables and lines (assertions). */
export function runBlock(name: string, body: { command: "apply" | "plan"; variables?: Record<string, unknown>; lines?: string[] }): string {
  const variables = Object.entries(body.variables ?? {}).map(([key, value]) => `    ${key} = ${hclValue(value)}`);
  return [
    `run ${hclString(name)} {`,
    `  command = ${body.command}`,
    ...(variables.length ? ["  variables {", ...variables, "  }"] : []),
    ...(body.lines ?? []),
    "}",
  ].join("\n");
}

/** A test file: the mocked providers, shared variables, then runs. */
export function testFileText(mocks: string, variables: Record<string, unknown>, runs: string[]): string {
  const shared = Object.entries(variables).map(([key, value]) => `  ${key} = ${hclValue(value)}`);
  return [mocks, ...(shared.length ? ["variables {", ...shared, "}"] : []), ...runs].join("\n\n");
}

export function describeResult(result: TerraformTestResult): string {
  const runs = result.runs.map((r) => `${r.file}/${r.run}: ${r.status}`).join("\n");
  const diagnostics = result.diagnostics
    .map((d) => `${d.file}/${d.run ?? "-"}${d.teardown ? " (teardown)" : ""}: ${d.summary}: ${d.detail}`)
    .join("\n");
  return `runs:\n${runs}\ndiagnostics:\n${diagnostics}\n${result.log}`;
}

export function expectRunsPass(result: TerraformTestResult, file: string): void {
  const runs = result.runs.filter((r) => r.file === `tests/${file}`);
  expect(runs, describeResult(result)).to.not.have.length(0);
  for (const r of runs) expect(r.status, `${r.run}\n${describeResult(result)}`).to.equal("pass");
}

/** What the file's teardown could not destroy because of prevent_destroy. */
export function refusedDestroys(result: TerraformTestResult, file: string): string[] {
  return result.diagnostics
    .filter((d) => d.teardown && d.file === `tests/${file}` && d.summary === "Instance cannot be destroyed")
    .map((d) => /Resource (\S+) has lifecycle\.prevent_destroy/.exec(d.detail)?.[1] ?? d.detail);
}

/** The file's one run failed, each error one of `summaries`, and together they say `message`. */
export function expectPlanFailure(
  result: TerraformTestResult,
  file: string,
  message: string,
  summaries = ["Resource precondition failed"],
): void {
  const path = `tests/${file}`;
  const runs = result.runs.filter((r) => r.file === path);
  expect(
    runs.map((r) => r.status),
    describeResult(result),
  ).to.deep.equal(["error"]);
  const errors = result.diagnostics.filter((d) => d.file === path && d.severity === "error");
  expect(errors.length, describeResult(result)).to.be.greaterThan(0);
  for (const error of errors) expect(summaries, describeResult(result)).to.include(error.summary);
  expect(
    errors
      .map((e) => e.detail)
      .join("\n")
      .replace(/\s+/g, " "),
    describeResult(result),
  ).to.include(`camunda-byok-kms: ${message}`);
}
