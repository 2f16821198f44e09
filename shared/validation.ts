import { Checker, showValue, type DeferredCheck } from "./checks/checker";
import { checkAlerts, checkMonitoredEvents } from "./checks/alerts";
import { checkEventPatternSizes } from "./checks/event-patterns";
import { checkClusterName, checkKeySettings, checkTags } from "./checks/key-settings";
import { checkAdministrators, checkPolicySize, checkRoleArn } from "./checks/principals";
import { checkRegions, providerRegionMismatch } from "./checks/regions";
import { ByokValidationError, type ByokProblem } from "./errors";
import { INPUT_NAMES, type ByokInput, type DOCUMENT_LISTS } from "./inputs";
import type { PolicyDocument } from "./key-policy";
import type { Partition } from "./regions";

export type { DeferredCheck } from "./checks/checker";
export { providerRegionMismatch } from "./checks/regions";

export interface ValidationOptions {
  /**
   * Tells a value the engine only knows at deploy time (a Terraform token, an unresolved Pulumi
   * Output): checks that need such a value are skipped, never failed.
   */
  isUnresolved?: (value: unknown) => boolean;
  /** The deploying account, when known: makes the lockout check exact. */
  keyAccountId?: string;
  /** The region the engine's AWS provider deploys to, when known: it must be clusterRegion. */
  providerRegion?: string;
  /** The ARN the engine deploys as (sts:GetCallerIdentity), when known: the lockout check needs it. */
  deployerArn?: string;
  /**
   * List and map inputs the engine cannot take as one value known only later (a Terraform list
   * or map variable): each element may be such a value, the list or map itself must be written out.
   */
  writtenOut?: readonly ((typeof DOCUMENT_LISTS)[number] | "tags")[];
}

export interface ValidationResult {
  /** Things that deploy but deserve a look, each naming its input. */
  warnings: ByokProblem[];
  /** Checks skipped because their value is not known yet. */
  deferred: DeferredCheck[];
  /** The key's partition, when the inputs reveal it. */
  partition?: Partition;
}

/**
 * Checks every input and throws one ByokValidationError listing all problems, each naming its
 * input. Returns warnings for things that deploy but deserve a look.
 */
export function validateByokInput(input: ByokInput, options: ValidationOptions = {}): ValidationResult {
  const check = new Checker(options.isUnresolved ?? (() => false));
  if (typeof input !== "object" || input === null) {
    throw new ByokValidationError([{ input: "input", message: `must be an object (got ${showValue(input)})` }]);
  }
  for (const name of Object.keys(input)) {
    if (!(INPUT_NAMES as readonly string[]).includes(name)) {
      check.problem(name, `is not an input of camunda-byok-kms (inputs: ${INPUT_NAMES.join(", ")})`);
    }
  }

  const partition = checkRegions(check, input);
  if (
    options.providerRegion !== undefined &&
    check.known(options.providerRegion) &&
    check.known(input.clusterRegion) &&
    options.providerRegion !== input.clusterRegion
  ) {
    check.problem("clusterRegion", providerRegionMismatch(String(input.clusterRegion), options.providerRegion));
  }
  const rolePartition = checkRoleArn(check, input.camundaClusterRoleArn, partition);
  const keyPartition = partition ?? rolePartition;
  checkClusterName(check, input.clusterName);
  checkAdministrators(check, input, keyPartition, options.keyAccountId, options.deployerArn);
  checkKeySettings(check, input);
  checkAlerts(check, input, keyPartition);
  checkMonitoredEvents(check, input.monitoredEventNames);
  checkTags(check, input.tags);
  for (const name of options.writtenOut ?? []) {
    if (!check.pending(input[name])) continue;
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
  return { warnings: check.warnings, deferred: check.deferred, partition: keyPartition };
}

/** The inputs of the stand-alone key policy (`buildKeyPolicy`, the CLI). */
export interface KeyPolicyInput {
  /** The Camunda cluster role; its partition is the policy's. */
  camundaClusterRoleArn: string;
  /** The account that owns the key (12 digits). */
  keyAccountId: string;
  keyAdministratorArns?: string[];
  enableDefaultAccountAccess?: boolean;
  restrictGrantsToAwsResources?: boolean;
}

/**
 * The checks of validateByokInput that concern the key policy alone; throws ByokValidationError.
 * `built`, the policy already built from this input, spares building it again to measure it.
 */
export function validateKeyPolicyInput(input: KeyPolicyInput, built?: PolicyDocument<unknown>): Partition | undefined {
  const check = new Checker(() => false);
  if (input.keyAccountId === undefined || input.keyAccountId === "") {
    check.problem("keyAccountId", "is required: the 12-digit id of the AWS account that owns the key");
  }
  const partition = checkRoleArn(check, input.camundaClusterRoleArn, undefined);
  const byokInput = {
    camundaClusterRoleArn: input.camundaClusterRoleArn,
    keyAdministratorArns: input.keyAdministratorArns,
    enableDefaultAccountAccess: input.enableDefaultAccountAccess,
    restrictGrantsToAwsResources: input.restrictGrantsToAwsResources,
  } as ByokInput;
  checkAdministrators(check, byokInput, partition, input.keyAccountId || undefined);
  check.boolean("restrictGrantsToAwsResources", input.restrictGrantsToAwsResources);
  if (check.problems.length === 0) checkPolicySize(check, byokInput, built);
  if (check.problems.length > 0) throw new ByokValidationError(check.problems);
  return partition;
}
