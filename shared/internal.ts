/**
 * What the front ends (pulumi/, cdktf/, verify/, the CLI, the Terraform module's generator) share
 * with the core beyond its public API: the spec's value language and its conditions, the checks
 * handed to engines, names and regions. Not exported from the package's entry points: no semver
 * promise is made for it.
 * @packageDocumentation
 */
export { buildAlertTopicPolicy } from "./alert-topic-policy";
export { buildDeliveryAlarmSettings, MAX_ALARM_DESCRIPTION_LENGTH } from "./alarms";
export { describeBadPrincipal, parseKmsKeyArn, parseRoleArn } from "./arns";
export { claimAwsNames, claimedAwsNames } from "./aws-names";
export type { CheckOnUnknown, CheckRule } from "./checks/checker";
export { MAX_EVENT_PATTERN_LENGTH } from "./checks/document-sizes";
export { backupProviderRegionMismatch, providerRegionMismatch } from "./checks/regions";
export { Choices, type Condition, decide, inputsOf, isCondition, type Knowledge, undecidedInputs } from "./conditions";
export { describeProblem } from "./errors";
export { KMS_KEY_EVENT_DETAIL_TYPES, RULE_STATE_ENABLED, RULE_STATE_WITH_READ_ONLY_EVENTS } from "./event-patterns";
export { CONSTANT_DEFAULTS, DOCUMENT_LISTS, INPUT_NAMES, type ResolvedInput, resolveInput } from "./inputs";
export { buildKeyPolicyTemplate, keyPolicyBytes, keyPolicyBytesUpperBound, knownChoices, STATEMENT_SOURCES } from "./key-policy";
export {
  defaultAliasName,
  LOGICAL_IDS,
  MAX_CLUSTER_NAME_LENGTH,
  monitoringNames,
  NAME_PREFIX,
  resourcePrefix,
  type SiteRole,
} from "./names";
export { POLICY_FROM_STACK_OUTPUT, type RecoveryCommands, recoveryCommands } from "./recovery";
export {
  KNOWN_REGIONS,
  type Partition,
  PARTITION_REGION_PREFIXES,
  PARTITIONS,
  partitionOfRegion,
  REGIONS_BY_PARTITION,
} from "./regions";
export { monitoringResources } from "./monitoring-spec";
export type { MonitoringInput } from "./site";
export type { MonitoringOutputs, SiteSpec } from "./spec-types";
export { adoptedKeyId, type LiveKey } from "./checks/adoption";
export {
  ACCOUNT_ID,
  ADOPTED_KEY_ATTRIBUTES,
  ADOPTED_KEY_FIELDS,
  type AdoptedKeyField,
  adoptedKeyRef,
  applyFunction,
  BACKUP_PROVIDER_REGION,
  type Choice,
  type Computed,
  collectReferences,
  DEPLOYER_ARN,
  DEPLOYMENT_REFS,
  EACH_VALUE,
  isChoice,
  isComputed,
  isJoin,
  isJsonDocument,
  isRef,
  nameOf,
  PARTITION,
  PROVIDER_REGION,
  referencedResource,
  renderTemplate,
  resolveTemplate,
  type TemplateRenderer,
} from "./template";
export { inputChoices, validateKeyPolicyInput } from "./validation";
export { CAMUNDA_CERTAINLY_USED_ACTIONS } from "./key-policy";
