import type { ByokProblem } from "../errors";

/**
 * A check that waits for a value only the engine knows (a Terraform variable, say), as data an
 * engine can turn into its own condition. Patterns are RE2-compatible, as Terraform needs.
 */
export type DeferredCheck = { input: string; value: unknown; message: string } & DeferredRule;

type DeferredRule =
  | { kind: "matches"; pattern: string }
  | { kind: "notMatches"; pattern: string }
  | { kind: "oneOf"; values: readonly string[] }
  | { kind: "wholeNumberBetween"; min: number; max: number }
  /** `value` must differ from `other`, another input's value. */
  | { kind: "differsFrom"; other: unknown }
  /** `value`, an ARN, must name `region` (another input's value) as its region. */
  | { kind: "arnInRegion"; region: unknown }
  /** `value` is a list: each element must match. */
  | { kind: "eachMatches"; pattern: string }
  /** `value` is a list without repeats. */
  | { kind: "distinctElements"; ignoreCase: boolean }
  /** `value` is a list with an element. */
  | { kind: "notEmpty" }
  /** `value` is a map of at most `maxEntries`, each key matching one pattern and not another nor a reserved key, each value matching. */
  | {
      kind: "mapEntries";
      maxEntries: number;
      keyPattern: string;
      keyExcludedPattern: string;
      reservedKeys: readonly string[];
      valuePattern: string;
    }
  /** `value`, the administrators, must include the principal the engine deploys as (or its account root). */
  | { kind: "deployerAdministers" };

/** Collects problems and warnings, and knows which values are not known yet. */
export class Checker {
  readonly problems: ByokProblem[] = [];
  readonly warnings: ByokProblem[] = [];
  readonly deferred: DeferredCheck[] = [];
  constructor(private readonly unresolved: (value: unknown) => boolean) {}

  problem(input: string, message: string): void {
    this.problems.push({ input, message });
  }
  warn(input: string, message: string): void {
    this.warnings.push({ input, message });
  }
  /** A value present and known now: the only kind a static check can judge. */
  known(value: unknown): boolean {
    return value !== undefined && !this.unresolved(value);
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
  /** A value present but known only to the engine: its checks are deferred. */
  pending(value: unknown): boolean {
    return value !== undefined && this.unresolved(value);
  }
  /** Defers a check on a value the engine knows only later. */
  defer(later: { input: string; message: string; value: unknown } & DeferredRule): void {
    this.deferred.push(later as DeferredCheck);
  }
  /** Runs `check` on a known value, or defers `later` for one the engine knows only later. */
  unlessPending(value: unknown, later: { input: string; message: string } & DeferredRule, check: () => void): void {
    if (value === undefined) return;
    if (this.unresolved(value)) this.deferred.push({ ...later, value } as DeferredCheck);
    else check();
  }
  integerInRange(input: string, value: unknown, min: number, max: number, unit: string): void {
    const message = `must be a whole number of ${unit} between ${min} and ${max}`;
    this.unlessPending(value, { input, message, kind: "wholeNumberBetween", min, max }, () => {
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        this.problem(input, `${message} (got ${showValue(value)})`);
      }
    });
  }
  /** The known elements of a list input, each with its indexed name. */
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
