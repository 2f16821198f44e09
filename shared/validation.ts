// Every check of the input, in one place: each problem names its input, all are reported at once,
// and a check on a value known only later is handed to the engine as data (see checks/checker.ts).
import { Checker, showValue } from "./checks/checker";
import { checkAdoption, type LiveKey } from "./checks/adoption";
import { checkAlerts } from "./checks/alerts";
import { checkEventPatternSizes, checkPolicySize } from "./checks/document-sizes";
import { checkClusterName, checkKeySettings } from "./checks/key-settings";
import { checkMonitoredEvents } from "./checks/monitored-events";
import { checkAdministrators, checkRoleArn } from "./checks/principals";
import { checkRegions } from "./checks/regions";
import { checkTags } from "./checks/tags";
import { checkTopicEncryption } from "./checks/topic-encryption";
import { ByokValidationError, type ByokProblem } from "./errors";
import { type ByokInput, type DOCUMENT_LISTS, INPUT_NAMES, inputKnowledge } from "./inputs";
import { knownChoices, type KeyPolicyInput, type PolicyDocument } from "./key-policy";
import type { Partition } from "./regions";
import { Choices } from "./conditions";

export type { CheckOnUnknown } from "./checks/checker";
export { providerRegionMismatch } from "./checks/regions";

export interface ValidationOptions {
  /**
   * Tells a value the engine knows only later (a Terraform token, a Pulumi Output): checks that
   * need it are handed to the engine, never failed.
   */
  isUnknown?: (value: unknown) => boolean;
  /** An unknown value that may turn out to be null (a Terraform variable defaulting to null). */
  mayBeNull?: (value: unknown) => boolean;
  /** The deploying account, when known: makes the lockout check exact. */
  keyAccountId?: string;
  /** The region the engine's AWS provider deploys to, when known now: it must be clusterRegion. */
  providerRegion?: string;
  /**
   * The engine deploys the replica with an AWS provider of its own (the Terraform module's
   * `aws.backup`), whose region must be backupRegion; the region it deploys to, when known now.
   */
  backupProvider?: { region?: string };
  /** The ARN the engine deploys as (sts:GetCallerIdentity), when known: the lockout check needs it. */
  deployerArn?: string;
  /**
   * List and map inputs the engine cannot take as one value known only later (a Terraform list
   * or map variable): each element may be such a value, the list or map itself must be written out.
   */
  writtenOut?: readonly ((typeof DOCUMENT_LISTS)[number] | "tags")[];
  /**
   * The live key `adoptKeyId` names, as the engine read it (Pulumi at deploy time, the CLI): its
   * settings are judged now. Without it, the checks on it are handed to the engine.
   */
  adoptedKey?: LiveKey;
  /** The live replica `adoptReplicaKeyId` names, likewise. */
  adoptedReplica?: LiveKey;
}

export interface ValidationResult {
  /** Things that deploy but deserve a look, each naming its input. */
  warnings: ByokProblem[];
  /** Checks left to the engine, because their values are known only later. */
  checksOnUnknowns: Checker["checksOnUnknowns"];
  warningsOnUnknowns: Checker["warningsOnUnknowns"];
  /** The key's partition, when the inputs reveal it (the cluster region's, else the role's). */
  partition?: Partition;
}

/** The choices an input allows its engine (see conditions.ts). */
export function inputChoices(input: ByokInput, options: Pick<ValidationOptions, "isUnknown" | "mayBeNull"> = {}): Choices {
  return new Choices(inputKnowledge(input, options.isUnknown ?? (() => false), options.mayBeNull ?? (() => false)));
}

/**
 * Checks every input and throws one ByokValidationError listing all problems, each naming its
 * input. Returns warnings for things that deploy but deserve a look.
 */
export function validateByokInput(
  input: ByokInput,
  options: ValidationOptions = {},
  choices = inputChoices(input, options),
): ValidationResult {
  if (typeof input !== "object" || input === null) {
    throw new ByokValidationError([{ input: "input", message: `must be an object (got ${showValue(input)})` }]);
  }
  const check = new Checker(choices);
  for (const name of Object.keys(input)) {
    if (!(INPUT_NAMES as readonly string[]).includes(name)) {
      check.problem(name, `is not an input of camunda-byok-kms (inputs: ${INPUT_NAMES.join(", ")})`);
    }
  }
  const regionPartition = checkRegions(check, input, { primary: options.providerRegion, backup: options.backupProvider });
  const rolePartition = checkRoleArn(check, input.camundaClusterRoleArn, regionPartition, input.clusterRegion);
  const keyPartition = regionPartition ?? rolePartition;
  checkClusterName(check, input.clusterName);
  checkAdministrators(check, input, keyPartition, options.keyAccountId, options.deployerArn);
  checkKeySettings(check, input);
  checkAlerts(check, input, keyPartition);
  checkTopicEncryption(check, input, keyPartition);
  checkMonitoredEvents(check, input.monitoredEventNames);
  checkTags(check, input.tags);
  checkAdoption(check, input, { key: options.adoptedKey, replica: options.adoptedReplica });
  for (const name of options.writtenOut ?? []) {
    if (!check.unknown(input[name])) continue;
    if (name === "tags") {
      check.problem(
        name,
        "must be a map written in the program (its values may be Terraform values): the package adds its own tags to it at synth, and a whole Terraform map cannot take them",
      );
    } else {
      check.problem(
        name,
        "must be a list written in the program (its elements may be Terraform values): the key policy and the event patterns are written at synth, and a whole Terraform list cannot go into them",
      );
    }
  }
  if (check.problems.length === 0) checkPolicySize(check, input);
  if (check.problems.length === 0) checkEventPatternSizes(check, input);

  if (check.problems.length > 0) throw new ByokValidationError(check.problems);
  return {
    warnings: check.warnings,
    checksOnUnknowns: check.checksOnUnknowns,
    warningsOnUnknowns: check.warningsOnUnknowns,
    partition: keyPartition,
  };
}

/**
 * The checks of validateByokInput that concern the key policy alone; throws ByokValidationError.
 * `built`, the policy already built from this input, spares building it again to measure it.
 */
export function validateKeyPolicyInput(input: KeyPolicyInput, built?: PolicyDocument<unknown>): Partition | undefined {
  const byokInput = {
    camundaClusterRoleArn: input.camundaClusterRoleArn,
    keyAdministratorArns: input.keyAdministratorArns,
    enableDefaultAccountAccess: input.enableDefaultAccountAccess,
    restrictGrantsToAwsResources: input.restrictGrantsToAwsResources,
    preventDestroy: input.preventDestroy,
    keyDeletionAllowedArns: input.keyDeletionAllowedArns,
  } as ByokInput;
  const check = new Checker(
    knownChoices({
      ...byokInput,
      enableDefaultAccountAccess: input.enableDefaultAccountAccess ?? true,
      keyAdministratorArns: input.keyAdministratorArns ?? [],
    }),
  );
  if (input.keyAccountId === undefined || input.keyAccountId === "") {
    check.problem("keyAccountId", "is required: the 12-digit id of the AWS account that owns the key");
  }
  const partition = checkRoleArn(check, input.camundaClusterRoleArn, undefined, undefined);
  checkAdministrators(check, byokInput, partition, input.keyAccountId || undefined, undefined);
  check.boolean("restrictGrantsToAwsResources", input.restrictGrantsToAwsResources);
  if (check.problems.length === 0) checkPolicySize(check, byokInput, built);
  if (check.problems.length > 0) throw new ByokValidationError(check.problems);
  return partition;
}
