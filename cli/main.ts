#!/usr/bin/env node
import { parseArgs } from "node:util";
import { buildKeyPolicy, ByokValidationError } from "../shared";

const USAGE = `Usage: camunda-byok-kms policy --role-arn <arn> --account-id <12 digits> [options]

Prints the KMS key policy for a Camunda 8 SaaS cluster (Bring Your Own Key), to paste into the
KMS console's policy editor ("Key policy" > "Edit") when you create the key by hand.

Options:
  --role-arn <arn>        the Camunda cluster IAM role ARN the Camunda Console shows after you
                          create a cluster with Encryption at rest = External (required)
  --account-id <digits>   the 12-digit AWS account that owns the key (required)
  --admin <arn>           an IAM role, user or root ARN that may manage (never use) the key;
                          repeat for more than one
  --no-account-access     leave out the account-root kms:* statement (then at least one --admin
                          from the key's account is required, or nobody could manage the key)
  --restrict-grants       allow Camunda's grant actions only for AWS resources
                          (kms:GrantIsForAWSResource); Camunda's published policy has no such condition
  -h, --help              show this help

Exit status: 0 with the policy on standard output; 1 with every problem on standard error; 2 on
a usage error.`;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        "role-arn": { type: "string" },
        "account-id": { type: "string" },
        admin: { type: "string", multiple: true },
        "no-account-access": { type: "boolean" },
        "restrict-grants": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    process.stderr.write(`camunda-byok-kms: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== "policy") {
    const got = positionals.length === 0 ? "no command" : `"${positionals.join(" ")}"`;
    process.stderr.write(`camunda-byok-kms: expected the command "policy" (got ${got})\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const policy = buildKeyPolicy({
      camundaClusterRoleArn: values["role-arn"] ?? "",
      keyAccountId: values["account-id"] ?? "",
      keyAdministratorArns: values.admin ?? [],
      enableDefaultAccountAccess: !values["no-account-access"],
      restrictGrantsToAwsResources: values["restrict-grants"] ?? false,
    });
    process.stdout.write(`${JSON.stringify(policy, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ByokValidationError)) throw error;
    const flags: Record<string, string> = {
      camundaClusterRoleArn: "--role-arn",
      keyAccountId: "--account-id",
      keyAdministratorArns: "--admin",
    };
    const lines = error.problems.map((problem) => {
      const [input, index] = problem.input.split(/[[\]]/);
      const flag = flags[input] ? `${flags[input]}${index !== undefined ? ` #${Number(index) + 1}` : ""}` : problem.input;
      return `  - ${flag}: ${problem.message}`;
    });
    process.stderr.write(`camunda-byok-kms: cannot build the key policy:\n${lines.join("\n")}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
