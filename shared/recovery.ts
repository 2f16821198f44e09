// How to bring a key back once someone disabled it, scheduled its deletion or changed its policy:
// the commands the alarm's description and `verify` print. Camunda's key-state page: all three
// freeze the cluster and all three are recoverable; only a completed deletion loses the data.
import { join, type TemplateString } from "./template";

export interface RecoveryCommands {
  enableKey: TemplateString;
  /** A cancelled deletion leaves the key Disabled: enable it afterwards. */
  cancelDeletion: TemplateString;
  /** The policy as this package builds it, put back in place. */
  restorePolicy: TemplateString;
}

export function recoveryCommands(
  keyArn: TemplateString,
  region: TemplateString,
  policyCommand = "npx camunda-byok-kms policy --role-arn <Camunda role ARN> --account-id <account>",
): RecoveryCommands {
  const at = join(" --key-id ", keyArn, " --region ", region);
  return {
    enableKey: join("aws kms enable-key", at),
    cancelDeletion: join("aws kms cancel-key-deletion", at),
    restorePolicy: join(
      policyCommand,
      " > policy.json && aws kms put-key-policy",
      at,
      " --policy-name default --policy file://policy.json",
    ),
  };
}
