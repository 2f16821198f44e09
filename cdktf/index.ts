export { CamundaByokKey, type CamundaByokKeyProps } from "./camunda-byok-key";
export { ByokValidationError } from "../shared";
