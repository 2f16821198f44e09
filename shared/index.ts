/**
 * camunda-byok-kms core: the key policy, event patterns, alarm and every resource's settings for
 * Camunda 8 SaaS Bring Your Own Key on AWS, as plain data. Imports no IaC package and no AWS SDK.
 * Exactly what the README's "Core API" section documents.
 * @packageDocumentation
 */

export { type AlarmSettings, buildAlarmSettings } from "./alarms";
export { type ByokProblem, ByokValidationError } from "./errors";
export {
  type AccessDeniedPatternInput,
  buildAccessDeniedEventPattern,
  buildEventPattern,
  buildMonitoringChangesPattern,
  DEFAULT_MONITORED_EVENT_NAMES,
  type EventPattern,
  type EventPatternInput,
  GRANT_EVENT_NAMES,
  type MonitoringChangesPatternInput,
  TRAIL_CHANGE_EVENT_NAMES,
} from "./event-patterns";
export { type ByokInput, type ByokInputs, DEFAULTS } from "./inputs";
export {
  buildKeyPolicy,
  CAMUNDA_GRANT_ACTIONS,
  CAMUNDA_KEY_USAGE_ACTIONS,
  CAMUNDA_REQUIRED_ACTIONS,
  KEY_ADMINISTRATION_ACTIONS,
  type KeyPolicyInput,
  MAX_KEY_POLICY_BYTES,
  type PolicyDocument,
  type PolicyStatement,
  STATEMENT_IDS,
} from "./key-policy";
export { FREEZING_KEY_STATES, USABLE_KEY_STATE } from "./key-states";
export { CAMUNDA_BACKUP_REGION_PAIRS } from "./regions";
export { buildByokSpec } from "./spec";
export type { ByokOutputsSpec, ByokSpec, ResourceKind, ResourceSpec, SettingsByKind, SpecOptions } from "./spec-types";
export type { Join, JsonDocument, Ref, TemplateString } from "./template";
export { type ValidationOptions, type ValidationResult, validateByokInput } from "./validation";
