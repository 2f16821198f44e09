import { expect } from "chai";
import { ByokValidationError } from "../../shared";

/** Runs `action`, expects a ByokValidationError, and returns it. */
export function expectValidationError(action: () => unknown): ByokValidationError {
  try {
    action();
  } catch (error) {
    expect(error).to.be.instanceOf(ByokValidationError);
    return error as ByokValidationError;
  }
  throw new Error("expected a ByokValidationError, but nothing was thrown");
}

export function problemInputs(error: ByokValidationError): string[] {
  return error.problems.map((problem) => problem.input);
}
