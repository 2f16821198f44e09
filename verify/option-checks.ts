// The options `verify` and `adopt` share: the key (and replica) ARNs and the Camunda role, each
// problem named by its option, before anything is sent to AWS.
import type { ByokProblem } from "../shared";
import { describeBadPrincipal, parseKmsKeyArn, parseRoleArn } from "../shared/internal";

export function keyAndRoleProblems(options: { keyArn: string; backupKeyArn?: string; camundaClusterRoleArn: string }): ByokProblem[] {
  const problems: ByokProblem[] = [];
  const keyArn = (name: "keyArn" | "backupKeyArn", value: string | undefined) => {
    if (value !== undefined && !parseKmsKeyArn(value))
      problems.push({
        input: name,
        message: `must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>) or alias ARN (got "${value}")`,
      });
  };
  if (!options.keyArn) problems.push({ input: "keyArn", message: "is required" });
  keyArn("keyArn", options.keyArn || undefined);
  keyArn("backupKeyArn", options.backupKeyArn);
  if (!options.camundaClusterRoleArn)
    problems.push({ input: "camundaClusterRoleArn", message: "is required: the cluster IAM role ARN the Camunda Console shows" });
  else if (!parseRoleArn(options.camundaClusterRoleArn))
    problems.push({ input: "camundaClusterRoleArn", message: describeBadPrincipal(options.camundaClusterRoleArn, "role") });
  return problems;
}
