// Real Terraform for the test suites and `npm start`: finds the binary and an offline provider mirror at run time,
// prepares a working directory from synthesized JSON, and runs `terraform test -json` with a mocked
// AWS provider (plan and apply against the provider's real schema, no credentials, no network).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runAsync } from "./processes";
import { rewriteForProviderV5 } from "./provider-v5";

export interface TerraformTools {
  binary: string;
  version: string;
  /** The folder that holds `registry.terraform.io/hashicorp/aws/<version>`. */
  mirror: string;
  awsProviderVersion: string;
  /** A CLI config that installs providers from the mirror only. */
  cliConfigFile: string;
}

/** Set by CI where Terraform is installed: a suite that cannot run is then a failure, not a skip. */
export const REQUIRE_TERRAFORM_ENV = "CAMUNDA_BYOK_REQUIRE_TERRAFORM";
/** Names the provider mirror when it is not in one of the usual places. */
export const MIRROR_ENV = "CAMUNDA_BYOK_TF_PLUGIN_MIRROR";

const AWS_PROVIDER_PATH = ["registry.terraform.io", "hashicorp", "aws"];

/** Where Terraform's documentation and distributions put implied and shared mirrors. */
function mirrorCandidates(): string[] {
  const home = os.homedir();
  return [
    process.env[MIRROR_ENV],
    path.join(home, ".terraform.d", "plugins"),
    path.join(home, ".local", "share", "terraform", "plugins"),
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
    "/opt",
  ].filter((dir): dir is string => typeof dir === "string" && dir !== "");
}

/** The first folder at most `depth` levels below `root` that holds the AWS provider. */
function findMirror(root: string, depth: number): string | undefined {
  if (existsSync(path.join(root, ...AWS_PROVIDER_PATH))) return root;
  if (depth === 0) return undefined;
  let entries: string[];
  try {
    entries = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return undefined;
  }
  for (const name of entries) {
    const found = findMirror(path.join(root, name), depth - 1);
    if (found) return found;
  }
  return undefined;
}

let cached: TerraformTools | string | undefined;

/** Terraform and the AWS provider mirror, or why they cannot be used here. */
export function terraformTools(): TerraformTools | string {
  if (cached !== undefined) return cached;
  const version = spawnSync("terraform", ["version", "-json"], { encoding: "utf8" });
  if (version.error || version.status !== 0) return (cached = "no terraform binary on PATH");
  const terraformVersion = String(JSON.parse(version.stdout).terraform_version);
  const mirror = mirrorCandidates()
    .map((dir) => findMirror(dir, 3))
    .find(Boolean);
  if (!mirror) {
    return (cached = `terraform ${terraformVersion} found, but no folder holding ${AWS_PROVIDER_PATH.join("/")} (set ${MIRROR_ENV})`);
  }
  const versions = readdirSync(path.join(mirror, ...AWS_PROVIDER_PATH)).sort(compareVersions);
  const dir = mkdtempSync(path.join(os.tmpdir(), "camunda-byok-tfrc-"));
  const cliConfigFile = path.join(dir, "terraform.rc");
  writeFileSync(
    cliConfigFile,
    `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n  direct {\n    exclude = ["registry.terraform.io/*/*"]\n  }\n}\n`,
  );
  return (cached = {
    binary: "terraform",
    version: terraformVersion,
    mirror,
    awsProviderVersion: versions[versions.length - 1],
    cliConfigFile,
  });
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  }
  return 0;
}

export interface TerraformRun {
  file: string;
  run: string;
  status: string;
}

export interface TerraformDiagnostic {
  file?: string;
  run?: string;
  severity: string;
  summary: string;
  detail: string;
  /** Raised while Terraform destroyed what the file's runs created. */
  teardown: boolean;
}

export interface TerraformTestResult {
  runs: TerraformRun[];
  diagnostics: TerraformDiagnostic[];
  /** Files whose teardown (the destroy after the last run) succeeded. */
  cleanFiles: string[];
  /** Per file, what its teardown could not destroy. */
  leftInState: Record<string, string[]>;
  /** Anything Terraform printed that was not a JSON message (init output, crashes). */
  log: string;
  /**
   * With `verbose`, the state each run left, as `terraform show -json` writes it: every resource's
   * address (child modules' included) and the values Terraform computed. By file, then run.
   */
  states: Record<string, Record<string, StateResources>>;
}

/** A state's resources, by full address (`module.monitoring.aws_sns_topic.alerts[0]`). */
export type StateResources = Map<string, Record<string, any>>;

function stateResources(state: any): StateResources {
  const found: StateResources = new Map();
  const visit = (module: any) => {
    for (const resource of module?.resources ?? []) if (resource.mode === "managed") found.set(resource.address, resource.values);
    for (const child of module?.child_modules ?? []) visit(child);
  };
  visit(state?.values?.root_module ?? state?.root_module);
  return found;
}

export interface TerraformWorkdir {
  dir: string;
  /** The configuration as Terraform runs it here. */
  config: Record<string, any>;
  /** `terraform init` and `validate`, then `terraform test -json` over the given test files (`verbose`: with each run's state). */
  test(files: Record<string, string>, options?: { verbose?: boolean }): Promise<TerraformTestResult>;
  /** The same, with `terraform test -verbose`: the plans and states as Terraform prints them. */
  testVerbose(files: Record<string, string>): Promise<string>;
}

/**
 * A working directory for one synthesized stack: the configuration as cdktf wrote it, less its
 * local backend, with the AWS provider constraint relaxed to the mirror's version and 6.x-only
 * arguments rewritten for 5.x where the mirror is older (see provider-v5.ts).
 */
export function terraformWorkdir(tools: TerraformTools, name: string, config: Record<string, any>): TerraformWorkdir {
  const runnable = runnableConfig(tools, config);
  return terraformFilesWorkdir(tools, name, { "main.tf.json": JSON.stringify(runnable, null, 2) }, { config: runnable });
}

/** A synthesized configuration as this machine's Terraform and provider mirror can run it. */
export function runnableConfig(tools: TerraformTools, config: Record<string, any>): Record<string, any> {
  const prepared = structuredClone(config);
  delete prepared.terraform?.backend;
  if (prepared.terraform?.required_providers?.aws) {
    prepared.terraform.required_providers.aws = { source: "hashicorp/aws", version: `>= ${tools.awsProviderVersion}` };
  }
  return Number(tools.awsProviderVersion.split(".")[0]) < 6 ? rewriteForProviderV5(prepared) : prepared;
}

/**
 * A working directory holding `files` as written (a module's .tf files, say): the module under
 * test is that directory, so `terraform test` assertions can read its resources.
 */
export function terraformFilesWorkdir(
  tools: TerraformTools,
  name: string,
  files: Record<string, string>,
  options: WorkdirOptions = {},
): TerraformWorkdir {
  const dir = mkdtempSync(path.join(os.tmpdir(), `camunda-byok-tf-${name}-`));
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return terraformWorkdirIn(tools, dir, options);
}

export interface WorkdirOptions {
  /** The configuration as Terraform runs it, for the mocks to read. */
  config?: Record<string, any>;
  /**
   * `terraform validate` first (default). Not for a module that takes an aliased provider
   * (`configuration_aliases`): only a caller can give it one, and `validate` of the module alone
   * fails for want of it (hashicorp/terraform#28490); `terraform test` gives it the mocked one.
   */
  validate?: boolean;
}

/** An existing directory as a working directory (an example whose module source is relative). */
export function terraformWorkdirIn(tools: TerraformTools, dir: string, options: WorkdirOptions = {}): TerraformWorkdir {
  const { config = {}, validate = true } = options;
  return {
    dir,
    config,
    async test(files, testOptions = {}) {
      await prepare(files);
      const test = await terraform(tools, dir, ["test", "-json", "-no-color", ...(testOptions.verbose ? ["-verbose"] : [])]);
      return parseTestOutput(test.stdout, test.stderr);
    },
    async testVerbose(files) {
      await prepare(files);
      const test = await terraform(tools, dir, ["test", "-verbose", "-no-color"]);
      return test.stdout + test.stderr;
    },
  };

  async function prepare(files: Record<string, string>): Promise<void> {
    mkdirSync(path.join(dir, "tests"), { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, "tests", file), text);
    for (const args of [["init", "-input=false", "-no-color"], ...(validate ? [["validate", "-no-color"]] : [])]) {
      const step = await terraform(tools, dir, args);
      if (step.code !== 0) throw new Error(`terraform ${args[0]} failed in ${dir}:\n${step.stdout}${step.stderr}`);
    }
  }
}

/** Runs one Terraform command with the offline CLI config. */
export async function terraform(
  tools: TerraformTools,
  cwd: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, TF_CLI_CONFIG_FILE: tools.cliConfigFile, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
  const result = await runAsync(tools.binary, args, { cwd, env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function parseTestOutput(stdout: string, stderr: string): TerraformTestResult {
  const result: TerraformTestResult = { runs: [], diagnostics: [], cleanFiles: [], leftInState: {}, log: stderr, states: {} };
  const tearingDown = new Set<string>();
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) {
      result.log += line ? `${line}\n` : "";
      continue;
    }
    const message = JSON.parse(line);
    const file: string | undefined = message["@testfile"];
    if (message.type === "test_file" && message.test_file.progress === "teardown") tearingDown.add(message.test_file.path);
    if (message.type === "test_file" && message.test_file.progress === "complete" && message.test_file.status !== "error") {
      result.cleanFiles.push(message.test_file.path);
    }
    if (message.type === "test_run" && message.test_run.progress === "complete") {
      result.runs.push({ file: message.test_run.path, run: message.test_run.run, status: message.test_run.status });
    }
    if (message.type === "test_state" && file !== undefined) {
      (result.states[file] ??= {})[message["@testrun"]] = stateResources(message.test_state);
    }
    if (message.type === "test_cleanup" && file !== undefined) {
      const left = (message.test_cleanup.failed_resources ?? []).map((r: { instance: string }) => r.instance);
      result.leftInState[file] = [...(result.leftInState[file] ?? []), ...left];
    }
    if (message.type === "diagnostic") {
      result.diagnostics.push({
        file,
        run: message["@testrun"],
        severity: message.diagnostic.severity,
        summary: message.diagnostic.summary,
        detail: message.diagnostic.detail ?? "",
        teardown: file !== undefined && tearingDown.has(file),
      });
    }
  }
  return result;
}

/** A string as an HCL quoted literal: JSON's escapes are HCL's, and templates must stay literal. */
export function hclString(text: string): string {
  return JSON.stringify(text)
    .replace(/\$\{/g, () => "$${")
    .replace(/%\{/g, "%%{");
}

/** A JSON-like value as an HCL expression. */
export function hclValue(value: unknown): string {
  if (typeof value === "string") return hclString(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(hclValue).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${hclString(key)} = ${hclValue(item)}`)
      .join(", ")} }`;
  }
  throw new Error(`no HCL for ${String(value)}`);
}
