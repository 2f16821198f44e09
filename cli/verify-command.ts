// `camunda-byok-kms verify`: the report of verifyByokKey, for a person (one line a check, the fix
// under each failure) or for CI (--json). The AWS SDK loads only when this command runs.
import { ByokValidationError } from "../shared";
import { parseCommand, UsageError } from "./arguments";
import { VERIFY_USAGE } from "./verify-command-usage";

export { VERIFY_USAGE };

const FLAGS: Record<string, string> = {
  keyArn: "--key-arn",
  camundaClusterRoleArn: "--role-arn",
  backupKeyArn: "--backup-key-arn",
  clusterRegion: "--cluster-region",
};

const LABELS = { pass: "PASS", warn: "WARN", fail: "FAIL", skipped: "SKIP" } as const;
const SPINNER = ["|", "/", "-", "\\"];

export async function verifyCommand(argv: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const { values } = parseCommand(argv, {
    "key-arn": { type: "string" },
    "role-arn": { type: "string" },
    "backup-key-arn": { type: "string" },
    "cluster-region": { type: "string" },
    json: { type: "boolean" },
    strict: { type: "boolean" },
  });
  const options = {
    keyArn: (values["key-arn"] as string | undefined) ?? "",
    camundaClusterRoleArn: (values["role-arn"] as string | undefined) ?? "",
    backupKeyArn: values["backup-key-arn"] as string | undefined,
    clusterRegion: values["cluster-region"] as string | undefined,
  };
  const { AwsUnreachableError, validateVerifyOptions, verifyByokKey } = require("../verify") as typeof import("../verify");
  try {
    validateVerifyOptions(options);
  } catch (error) {
    if (!(error instanceof ByokValidationError)) throw error;
    throw new UsageError(error.problems.map((p) => `${FLAGS[p.input] ?? p.input} ${p.message}`).join("; "));
  }

  // A progress line on a terminal only: piped output stays exactly the report.
  const tty = process.stderr.isTTY === true && !values.json;
  let frame = 0;
  const progress = (running: string[]) => {
    if (tty) err(`\r\x1b[2K${SPINNER[frame++ % SPINNER.length]} checking ${running.join(", ")}`);
  };
  let report: Awaited<ReturnType<typeof verifyByokKey>>;
  try {
    report = await verifyByokKey({ ...options, onProgress: (_finished, running) => progress(running) });
  } catch (error) {
    if (tty) err("\r\x1b[2K");
    if (error instanceof AwsUnreachableError) {
      err(`camunda-byok-kms verify: AWS could not be asked: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (tty) err("\r\x1b[2K");

  if (values.json) {
    out(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    out(`camunda-byok-kms verify ${report.keyArn}\n`);
    const width = Math.max(...report.checks.map((c) => c.id.length));
    for (const check of report.checks) {
      out(`  ${LABELS[check.status]}  ${check.id.padEnd(width)}  ${check.message}\n`);
      if (check.fix) out(`        ${" ".repeat(width)}  fix: ${check.fix}\n`);
    }
    const count = (status: string) => report.checks.filter((c) => c.status === status).length;
    out(`result: ${count("fail")} fail, ${count("warn")} warn, ${count("skipped")} skipped, ${count("pass")} pass\n`);
  }
  const failing = report.checks.some(
    (c) => c.status === "fail" || (values.strict === true && (c.status === "warn" || c.status === "skipped")),
  );
  return failing ? 1 : 0;
}
