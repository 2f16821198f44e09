#!/usr/bin/env node
// camunda-byok-kms: the command-line front door. Each command lives in its own file.
import { ADOPT_USAGE } from "./adopt-command-usage";
import { UsageError } from "./arguments";
import { POLICY_USAGE, policyCommand } from "./policy-command";
import { VERIFY_USAGE } from "./verify-command-usage";

const USAGE = `Usage: camunda-byok-kms <command> [options]

Commands:
  policy   print the KMS key policy a Camunda 8 SaaS cluster needs (Bring Your Own Key)
  verify   check a live key, read-only: state, policy, rotation, use, CloudTrail, alerts
  adopt    plan taking a key made by hand under this package, read-only, never replacing it

Run "camunda-byok-kms <command> --help" for a command's options, "camunda-byok-kms --version" for
the version.`;

/** The package's version: the built CLI (dist/cli/) sits two folders below package.json, the source one. */
function version(): string {
  const { existsSync } = require("node:fs") as typeof import("node:fs");
  const path = require("node:path") as typeof import("node:path");
  const file = [path.join(__dirname, "../../package.json"), path.join(__dirname, "../package.json")].find(existsSync);
  return (require(file as string) as { version: string }).version;
}

type Output = (text: string) => void;
type Command = (argv: string[], out: Output, err: Output) => number | Promise<number>;

const COMMANDS: Record<string, { usage: string; run: Command }> = {
  policy: { usage: POLICY_USAGE, run: policyCommand },
  // Loaded when run: it brings the AWS SDK, which `policy` does not need.
  verify: {
    usage: VERIFY_USAGE,
    run: (...args) => (require("./verify-command") as typeof import("./verify-command")).verifyCommand(...args),
  },
  adopt: {
    usage: ADOPT_USAGE,
    run: (...args) => (require("./adopt-command") as typeof import("./adopt-command")).adoptCommand(...args),
  },
};

async function main(argv: string[]): Promise<number> {
  const out = (text: string) => process.stdout.write(text);
  const err = (text: string) => process.stderr.write(text);
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  const wantsHelp = rest.includes("--help") || rest.includes("-h");
  if (name === "--version" || name === "-V") {
    out(`${version()}\n`);
    return 0;
  }
  if (name === "--help" || name === "-h" || (command && wantsHelp)) {
    const everything = [USAGE, ...Object.values(COMMANDS).map((c) => c.usage)].join("\n\n");
    out(`${command?.usage ?? everything}\n`);
    return 0;
  }
  if (!command) {
    err(`camunda-byok-kms: ${name === undefined ? "no command given" : `unknown command "${name}"`}\nsee camunda-byok-kms --help\n`);
    return 2;
  }
  try {
    return await command.run(rest, out, err);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // The problem, and where the whole help is: a page of help would bury the one line that matters.
    err(`camunda-byok-kms ${name}: ${error.message}\nsee camunda-byok-kms ${name} --help\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`camunda-byok-kms: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
