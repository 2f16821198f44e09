/**
 * camunda-byok-kms core: the key policy, event patterns, alarm and every resource's settings for
 * Camunda 8 SaaS Bring Your Own Key on AWS, as plain data. Imports no IaC package and no AWS SDK.
 * Exactly what the README's "Core API" section documents.
 * @packageDocumentation
 */
export { ByokValidationError, type ByokProblem } from "./errors";
export { DEFAULTS, type ByokInput, type ByokInputs } from "./inputs";
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
export { FREEZING_KEY_STATES, USABLE_KEY_STATE } from "./key-states";
export {
  buildAccessDeniedEventPattern,
  buildAlarmSettings,
  buildEventPattern,
  DEFAULT_MONITORED_EVENT_NAMES,
  type AccessDeniedPatternInput,
  type AlarmSettings,
  type EventPattern,
  type EventPatternInput,
} from "./monitoring";
export { CAMUNDA_BACKUP_REGION_PAIRS } from "./regions";
export { buildByokSpec, buildKeyPolicy } from "./spec";
export type {
  ByokOutputsSpec,
  ByokSpec,
  ResourceKind,
  ResourceSpec,
  SettingsByKind,
  SpecOptions,
} from "./spec-types";
export type { Join, JsonDocument, Ref, TemplateString } from "./template";
export { validateByokInput, type KeyPolicyInput, type ValidationOptions, type ValidationResult } from "./validation";
