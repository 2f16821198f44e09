/** One thing wrong with the input, naming the input as the user wrote it. */
export interface ByokProblem {
  input: string;
  message: string;
}

/**
 * A problem as a sentence, the input first: how warnings and Terraform preconditions say it
 * (an error lists each as `input: message`).
 */
export function describeProblem(problem: ByokProblem): string {
  return `${problem.input} ${problem.message}`;
}

/**
 * Everything wrong with an input at once, thrown before any resource is registered, so a user
 * fixes all of it in one round.
 */
export class ByokValidationError extends Error {
  readonly problems: readonly ByokProblem[];

  constructor(problems: readonly ByokProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    const lines = problems.map((problem) => `  - ${problem.input}: ${problem.message}`);
    super(`camunda-byok-kms: invalid input (${count}):\n${lines.join("\n")}`);
    this.name = "ByokValidationError";
    this.problems = problems;
  }
}
