// `camunda-byok-kms policy`: the key policy for people who create the key by hand in the console.
import { buildKeyPolicy, ByokValidationError } from "../shared";
import { parseCommand, requireFlags } from "./arguments";

export const POLICY_USAGE = `Usage: camunda-byok-kms policy --role-arn <arn> --account-id <account> [options]

Prints the KMS key policy for a Camunda 8 SaaS cluster (Bring Your Own Key), to paste into the
KMS console's policy editor ("Key policy" > "Edit") when you create the key by hand.

Options:
  --role-arn <arn>        the Camunda cluster IAM role ARN the Camunda Console shows after you
                          create a cluster with Encryption at rest = External (required)
  --account-id <account>  the AWS account that owns the key: 12 digits, or as the AWS console's
                          account menu shows it, 1111-2222-3333 (required)
  --admin <arn>           an IAM role, user or root ARN that may manage the key (not use it
                          for encryption); repeat for more than one
  --no-account-access     leave out the account-root kms:* statement (then at least one --admin
                          from the key's account is required, or nobody could manage the key)
  --restrict-grants       allow Camunda's grant actions only for AWS resources
                          (kms:GrantIsForAWSResource); Camunda's published policy has no such condition
  --key-deletion-allowed <arn>
                          an IAM role, user or root ARN that may still schedule the key's deletion
                          (the exception to the DenyKeyDeletion statement); repeat for more than one
  --allow-key-deletion    leave out DenyKeyDeletion, which otherwise denies kms:ScheduleKeyDeletion
                          to everyone (and --key-deletion-allowed): a deleted key loses the data
  -h, --help              show this help

Exit status: 0 with the policy on standard output; 1 when an argument's value is wrong (every
problem listed on standard error); 2 on a usage error (unknown or missing flag).`;

/** The flag each input of the core's messages comes from. */
const FLAGS: Record<string, string> = {
  camundaClusterRoleArn: "--role-arn",
  keyAccountId: "--account-id",
  keyAdministratorArns: "--admin",
  keyDeletionAllowedArns: "--key-deletion-allowed",
  restrictGrantsToAwsResources: "--restrict-grants",
};

/** The core's wording in the CLI's words: flags instead of API fields. */
function inFlagWords(text: string): string {
  let worded = text
    .replace(/enableDefaultAccountAccess is false/g, "--no-account-access is given")
    .replace(/preventDestroy is false/g, "--allow-key-deletion is given");
  for (const [input, flag] of Object.entries(FLAGS)) worded = worded.split(input).join(flag);
  return worded;
}

/** `1111-2222-3333`, as the AWS console shows an account, is the account 111122223333. */
function accountId(value: string): string {
  return /^\d{4}-\d{4}-\d{4}$/.test(value) ? value.replace(/-/g, "") : value;
}

export function policyCommand(argv: string[], out: (text: string) => void, err: (text: string) => void): number {
  const { values } = parseCommand(argv, {
    "role-arn": { type: "string" },
    "account-id": { type: "string" },
    admin: { type: "string", multiple: true },
    "no-account-access": { type: "boolean" },
    "restrict-grants": { type: "boolean" },
    "key-deletion-allowed": { type: "string", multiple: true },
    "allow-key-deletion": { type: "boolean" },
  });
  requireFlags(values, ["role-arn", "account-id"]);
  try {
    const policy = buildKeyPolicy({
      camundaClusterRoleArn: values["role-arn"] as string,
      keyAccountId: accountId(values["account-id"] as string),
      keyAdministratorArns: (values.admin as string[] | undefined) ?? [],
      enableDefaultAccountAccess: !values["no-account-access"],
      restrictGrantsToAwsResources: values["restrict-grants"] === true,
      preventDestroy: values["allow-key-deletion"] !== true,
      keyDeletionAllowedArns: (values["key-deletion-allowed"] as string[] | undefined) ?? [],
    });
    out(`${JSON.stringify(policy, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ByokValidationError)) throw error;
    const lines = error.problems.map((problem) => {
      const [input, index] = problem.input.split(/[[\]]/);
      const flag = FLAGS[input] ? `${FLAGS[input]}${index !== undefined ? ` #${Number(index) + 1}` : ""}` : problem.input;
      return `  - ${flag}: ${inFlagWords(problem.message)}`;
    });
    err(`camunda-byok-kms: cannot build the key policy:\n${lines.join("\n")}\n`);
    return 1;
  }
}
