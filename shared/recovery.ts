// How to bring a key back once someone disabled it, scheduled its deletion or changed its policy:
// the commands the alarm's description and `verify` print. Camunda's key-state page: all three
// freeze the cluster and all three are recoverable; only a completed deletion loses the data.
// Deployed text names only what is there wherever on-call is: the AWS CLI and the stack's own
// output. Never `npx <package>`: this package is not on the npm registry, and whoever registers
// the name would run their code against a production key.
import { join, type TemplateString } from "./template";

export interface RecoveryCommands {
  enableKey: TemplateString;
  /** A cancelled deletion leaves the key Disabled: enable it afterwards. */
  cancelDeletion: TemplateString;
  /** Puts policy.json back as the key's policy. */
  putPolicy: TemplateString;
}

/** Where policy.json comes from: the policy the stack applied, as its output holds it. */
export const POLICY_FROM_STACK_OUTPUT =
  "pulumi stack output keyPolicyJson --show-secrets > policy.json, or terraform output -raw key_policy_json > policy.json";

/** `key` is the key's ARN, or a shell variable holding it (`$K`) where the text must be short. */
export function recoveryCommands(key: TemplateString, region: TemplateString): RecoveryCommands {
  const at = join(" --key-id ", key, " --region ", region);
  return {
    enableKey: join("aws kms enable-key", at),
    cancelDeletion: join("aws kms cancel-key-deletion", at),
    putPolicy: join("aws kms put-key-policy", at, " --policy-name default --policy file://policy.json"),
  };
}
