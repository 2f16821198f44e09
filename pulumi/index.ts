export { CamundaByokKey, CAMUNDA_BYOK_KEY_TYPE, type CamundaByokKeyArgs } from "./camunda-byok-key";
export { ByokValidationError } from "../shared";
