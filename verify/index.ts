/**
 * camunda-byok-kms/verify: a read-only health check of a live Camunda BYOK key, as a library.
 * The `verify` command of the CLI prints this report.
 * @packageDocumentation
 */
export { AdoptReadError, type AdoptOptions, planKeyAdoption, validateAdoptOptions } from "./adopt-key";
export { AwsUnreachableError } from "./aws-errors";
export { CHECK_ORDER, type CheckId, type CheckResult, type CheckStatus, type VerifyOptions, type VerifyReport } from "./report";
export { validateVerifyOptions, verifyByokKey } from "./verify-key";
export { ByokValidationError } from "../shared";
export type { AdoptionPlan } from "../shared/adoption-plan";
