/**
 * camunda-byok-kms core: the key policy, event patterns, alarm and every resource's settings for
 * Camunda 8 SaaS Bring Your Own Key on AWS, as plain data. Imports no IaC package.
 */
export { ByokValidationError, type ByokProblem } from "./errors";
export { DEFAULTS, type ByokInput } from "./inputs";
export {
  CAMUNDA_GRANT_ACTIONS,
  CAMUNDA_KEY_USAGE_ACTIONS,
  CAMUNDA_REQUIRED_ACTIONS,
  KEY_ADMINISTRATION_ACTIONS,
  MAX_KEY_POLICY_BYTES,
  STATEMENT_IDS,
  type PolicyDocument,
  type PolicyStatement,
} from "./key-policy";
export {
  buildAccessDeniedEventPattern,
  buildAlarmSettings,
  buildAlertTopicPolicy,
  buildEventPattern,
  DEFAULT_MONITORED_EVENT_NAMES,
  KMS_KEY_EVENT_DETAIL_TYPES,
  type AccessDeniedPatternInput,
  type AlarmSettings,
  type EventPattern,
  type EventPatternInput,
} from "./monitoring";
export { FREEZING_KEY_STATES, USABLE_KEY_STATE } from "./key-states";
export { recoveryCommands, type RecoveryCommands } from "./recovery";
export { defaultAliasName, LOGICAL_IDS, MAX_CLUSTER_NAME_LENGTH, monitoringNames, type SiteRole } from "./names";
export {
  CAMUNDA_BACKUP_REGION_PAIRS,
  partitionOfRegion,
  REGIONS_BY_PARTITION,
  type Partition,
} from "./regions";
export { buildByokSpec, buildKeyPolicy } from "./spec";
export type {
  ByokOutputsSpec,
  ByokSpec,
  ResourceKind,
  ResourceSpec,
  SettingsByKind,
  SpecOptions,
} from "./spec-types";
export {
  ACCOUNT_ID,
  EACH_VALUE,
  PARTITION,
  referencedResource,
  renderTemplate,
  resolveTemplate,
  type JsonDocument,
  type Join,
  type Ref,
  type TemplateRenderer,
  type TemplateString,
} from "./template";
export {
  providerRegionMismatch,
  validateByokInput,
  validateKeyPolicyInput,
  type DeferredCheck,
  type KeyPolicyInput,
  type ValidationOptions,
  type ValidationResult,
} from "./validation";
