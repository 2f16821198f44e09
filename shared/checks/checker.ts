import { type Choices, type Condition, isSet } from "../conditions";
import type { ByokProblem } from "../errors";
import type { TemplateString } from "../template";

/**
 * A check that waits for values only the engine knows (a Terraform variable, a token), as data an
 * engine turns into its own condition: a validation block or a precondition. Patterns are
 * RE2-compatible, as Terraform needs. `message` is the core's words without the `(got ...)` an
 * engine adds where it can; `when`, if given, is the condition under which the check applies.
 */
export type CheckOnUnknown = {
  input: string;
  value: unknown;
  message: TemplateString;
  when?: Condition;
  /** The resource whose creation the check guards, when it reads what only its provider knows. */
  guards?: "key" | "replicaKey";
} & CheckRule;

/** What the value must satisfy. */
export type CheckRule =
  | { kind: "matches"; pattern: string }
  | { kind: "notMatches"; pattern: string }
  | { kind: "oneOf"; values: readonly string[] }
  | { kind: "wholeNumberBetween"; min: number; max: number }
  /** `value` must equal `other` (another input's value, or what the provider says). */
  | { kind: "equals"; other: unknown }
  | { kind: "differsFrom"; other: unknown }
  /** `value` and `other` (an ARN, an id or an alias name) end in different names after their last `/`: they name different keys. */
  | { kind: "lastPartDiffers"; other: unknown }
  /** `value`, an ARN, must name `region` (another input's value) as its region. */
  | { kind: "arnInRegion"; region: unknown }
  /** `value`, an ARN (or, `each`, a list of ARNs), must be in the partition of `region`. */
  | { kind: "arnInPartitionOf"; region: unknown; each: boolean }
  /** `value`, a region, must be in the partition of `region`. */
  | { kind: "regionInPartitionOf"; region: unknown }
  /** `value` is a list: each element must match. */
  | { kind: "eachMatches"; pattern: string }
  /** `value` is a list: some element must match (a warning's test). */
  | { kind: "someMatches"; pattern: string }
  /** `value` is a list: no element may match (a warning's test). */
  | { kind: "noneMatches"; pattern: string }
  /** `value` is a list without repeats. */
  | { kind: "distinctElements"; ignoreCase: boolean }
  /** `value` is a list with an element. */
  | { kind: "notEmpty" }
  /** `value`, a string, has at most `max` characters. */
  | { kind: "lengthAtMost"; max: number }
  /** `value`, a list, written as JSON has at most `max` characters. */
  | { kind: "encodedLengthAtMost"; max: number }
  /** `value`, a list, must not hold `other`. */
  | { kind: "excludes"; other: unknown }
  /** `value` is a map of at most `max` entries. */
  | { kind: "mapSizeAtMost"; max: number }
  /** Every key of the map `value` must match `pattern`, or (`negate`) must not. */
  | { kind: "eachKeyMatches"; pattern: string; negate: boolean }
  /** No key of the map `value` is one of `keys`. */
  | { kind: "keysExclude"; keys: readonly string[] }
  /** Every value of the map `value` must match `pattern`. */
  | { kind: "eachValueMatches"; pattern: string }
  /** `value`, the administrators, must include the principal the engine deploys as (or its account root). */
  | { kind: "deployerAdministers" }
  /** `value`, a region, should be the one `pairs` gives `region` (a warning). */
  | { kind: "pairedWith"; region: unknown; pairs: Readonly<Record<string, string>> }
  /** `condition`, over other inputs, must hold. */
  | { kind: "holds"; condition: Condition };

/** A check as it is declared before its value is known: Omit over each member of the union. */
type WithoutValue<T> = T extends unknown ? Omit<T, "value"> : never;

/** Collects problems and warnings, and the checks left to an engine for values known only later. */
export class Checker {
  readonly problems: ByokProblem[] = [];
  readonly warnings: ByokProblem[] = [];
  readonly checksOnUnknowns: CheckOnUnknown[] = [];
  readonly warningsOnUnknowns: CheckOnUnknown[] = [];

  constructor(readonly choices: Choices) {}

  problem(input: string, message: string): void {
    this.problems.push({ input, message });
  }
  warn(input: string, message: string): void {
    this.warnings.push({ input, message });
  }
  /** A value present and known now: the only kind a check made now can judge. */
  known(value: unknown): boolean {
    return value !== undefined && !this.choices.knowledge.isUnknown(value);
  }
  /** A value present but known only to the engine: its checks are left to it. */
  unknown(value: unknown): boolean {
    return value !== undefined && this.choices.knowledge.isUnknown(value);
  }
  string(input: string, value: unknown): value is string {
    if (typeof value === "string") return true;
    this.problem(input, `must be a string (got ${showValue(value)})`);
    return false;
  }
  boolean(input: string, value: unknown): void {
    if (this.known(value) && typeof value !== "boolean") {
      this.problem(input, `must be true or false (got ${showValue(value)})`);
    }
  }
  /**
   * Leaves a check to the engine. On a value that may be null (a Terraform variable without a
   * value), the check applies only where it has one.
   */
  later(check: CheckOnUnknown): void {
    this.checksOnUnknowns.push(this.scoped(check));
  }
  /** A warning the engine gives once it knows the value. */
  warnLater(check: CheckOnUnknown): void {
    this.warningsOnUnknowns.push(this.scoped(check));
  }
  private scoped(check: CheckOnUnknown): CheckOnUnknown {
    const top = check.input.split(/[.[]/)[0];
    if (!this.choices.knowledge.mayBeNull(check.value) || check.kind === "holds") return check;
    const when = check.when === undefined ? isSet(top) : { $all: [isSet(top), check.when] };
    return { ...check, when };
  }
  /** Runs `check` on a known value, or leaves `later` to the engine for one known only later. */
  unlessUnknown(value: unknown, later: WithoutValue<CheckOnUnknown>, check: () => void): void {
    if (value === undefined) return;
    if (this.unknown(value)) this.later({ ...later, value } as CheckOnUnknown);
    else check();
  }
  /** A rule across inputs: `input` is wrong (`message`) unless `condition` holds. */
  require(input: string, message: string, condition: Condition): void {
    const decided = this.choices.decide(condition);
    if (decided === false) this.problem(input, message);
    else if (decided !== true) this.later({ input, value: undefined, message, kind: "holds", condition: decided });
  }
  /** A warning across inputs: `input` deserves a look (`message`) unless `condition` holds. */
  adviseUnless(input: string, message: string, condition: Condition): void {
    const decided = this.choices.decide(condition);
    if (decided === false) this.warn(input, message);
    else if (decided !== true) this.warnLater({ input, value: undefined, message, kind: "holds", condition: decided });
  }
  integerInRange(input: string, value: unknown, min: number, max: number, unit: string): void {
    const message = `must be a whole number of ${unit} between ${min} and ${max}`;
    this.unlessUnknown(value, { input, message, kind: "wholeNumberBetween", min, max }, () => {
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        this.problem(input, `${message} (got ${showValue(value)})`);
      }
    });
  }
  /** The known elements of a list input, each with its indexed name; none for a list known later. */
  list(input: string, value: unknown): { name: string; value: unknown }[] {
    if (!this.known(value)) return [];
    if (!Array.isArray(value)) {
      this.problem(input, `must be a list (got ${showValue(value)})`);
      return [];
    }
    return value.map((item, index) => ({ name: `${input}[${index}]`, value: item })).filter((item) => this.known(item.value));
  }
}

/** A value as an error message shows it. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
