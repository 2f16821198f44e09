#!/usr/bin/env node
// camunda-byok-kms: the command-line front door. Each command lives in its own file.
import { UsageError } from "./arguments";
import { POLICY_USAGE, policyCommand } from "./policy-command";

const USAGE = `Usage: camunda-byok-kms <command> [options]

Commands:
  policy   print the KMS key policy a Camunda 8 SaaS cluster needs (Bring Your Own Key)

Run "camunda-byok-kms <command> --help" for a command's options.`;

const COMMANDS: Record<string, { usage: string; run: typeof policyCommand }> = {
  policy: { usage: POLICY_USAGE, run: policyCommand },
};

function main(argv: string[]): number {
  const out = (text: string) => process.stdout.write(text);
  const err = (text: string) => process.stderr.write(text);
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  const wantsHelp = rest.includes("--help") || rest.includes("-h");
  if (name === "--help" || name === "-h" || (command && wantsHelp)) {
    const everything = [USAGE, ...Object.values(COMMANDS).map((c) => c.usage)].join("\n\n");
    out(`${command?.usage ?? everything}\n`);
    return 0;
  }
  if (!command) {
    err(`camunda-byok-kms: ${name === undefined ? "no command given" : `unknown command "${name}"`}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return command.run(rest, out, err);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`camunda-byok-kms ${name}: ${error.message}\n\n${command.usage}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
