// `camunda-byok-kms adopt`: the plan of planKeyAdoption, for a person or for CI (--json). The AWS
// SDK loads only when this command runs.
import { ByokValidationError } from "../shared";
import { ADOPT_USAGE } from "./adopt-command-usage";
import { adoptionJson, adoptionText } from "./adopt-report";
import { parseCommand, UsageError } from "./arguments";

export { ADOPT_USAGE };

const FLAGS: Record<string, string> = {
  keyArn: "--key-arn",
  camundaClusterRoleArn: "--role-arn",
  backupRegion: "--backup-region",
  backupKeyArn: "--backup-key-arn",
};

export async function adoptCommand(argv: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const { values } = parseCommand(argv, {
    "key-arn": { type: "string" },
    "role-arn": { type: "string" },
    "backup-region": { type: "string" },
    "backup-key-arn": { type: "string" },
    "cluster-name": { type: "string" },
    admin: { type: "string", multiple: true },
    "remove-statement": { type: "string", multiple: true },
    "module-name": { type: "string" },
    json: { type: "boolean" },
  });
  const moduleName = (values["module-name"] as string | undefined) ?? "camunda_byok";
  const options = {
    keyArn: (values["key-arn"] as string | undefined) ?? "",
    camundaClusterRoleArn: (values["role-arn"] as string | undefined) ?? "",
    backupRegion: values["backup-region"] as string | undefined,
    backupKeyArn: values["backup-key-arn"] as string | undefined,
    clusterName: values["cluster-name"] as string | undefined,
    keyAdministratorArns: values.admin as string[] | undefined,
    removeStatements: values["remove-statement"] as string[] | undefined,
    moduleName,
  };
  const { AdoptReadError, AwsUnreachableError, planKeyAdoption, validateAdoptOptions } = require("../verify") as typeof import("../verify");
  try {
    validateAdoptOptions(options);
  } catch (error) {
    if (!(error instanceof ByokValidationError)) throw error;
    throw new UsageError(error.problems.map((p) => `${FLAGS[p.input] ?? p.input} ${p.message}`).join("; "));
  }
  let plan: Awaited<ReturnType<typeof planKeyAdoption>>;
  try {
    plan = await planKeyAdoption(options);
  } catch (error) {
    if (error instanceof AwsUnreachableError || error instanceof AdoptReadError) {
      err(`camunda-byok-kms adopt: AWS could not be asked: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ByokValidationError) throw new UsageError(error.problems.map((p) => `${p.input} ${p.message}`).join("; "));
    throw error;
  }
  out(values.json ? `${JSON.stringify(adoptionJson(plan), null, 2)}\n` : adoptionText(plan, moduleName));
  return plan.adoptable ? 0 : 1;
}
