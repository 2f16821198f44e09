/**
 * What the front ends (pulumi/, cdktf/, verify/, the CLI) share with the core beyond its public
 * API: the spec's value language and how to render it, checks handed to engines, names and
 * regions. Not exported from the package's entry points: no semver promise is made for it.
 * @packageDocumentation
 */
export { parseKmsKeyArn, parseRoleArn, describeBadPrincipal } from "./arns";
export { claimAwsNames, claimedAwsNames } from "./aws-names";
export type { DeferredCheck } from "./checks/checker";
export { describeProblem } from "./errors";
export { providerRegionMismatch } from "./checks/regions";
export { DOCUMENT_LISTS, withDefaults, INPUT_NAMES, type ResolvedInput } from "./inputs";
export {
  buildAlertTopicPolicy,
  buildEventPatternFromNames,
  KMS_KEY_EVENT_DETAIL_TYPES,
  NAMED_BY_KEY_ID_IN_REPLICA_REGION,
  PRIMARY_ONLY_EVENT_NAMES,
  siteEventNames,
  type SiteEventNames,
} from "./monitoring";
export { defaultAliasName, LOGICAL_IDS, MAX_CLUSTER_NAME_LENGTH, monitoringNames, NAME_PREFIX, type SiteRole } from "./names";
export { recoveryCommands, type RecoveryCommands } from "./recovery";
export { partitionOfRegion, REGIONS_BY_PARTITION, type Partition } from "./regions";
export {
  ACCOUNT_ID,
  collectReferences,
  EACH_VALUE,
  PARTITION,
  referencedResource,
  renderTemplate,
  resolveTemplate,
  type TemplateRenderer,
} from "./template";
export { validateKeyPolicyInput } from "./validation";
