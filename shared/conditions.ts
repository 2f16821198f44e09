// Plan-time choices as data. Where a resource, a policy statement, a list element or a setting
// depends on an input, the core says so once, with a Condition on that input. An engine that knows
// the input decides the condition at once (Pulumi, CDKTF: their spec holds plain values); one that
// knows it only later keeps it (the Terraform module prints it as count, a conditional or concat).
import type { Choice } from "./template";

/** Holds or not depending on inputs, named as the user writes them (`backupRegion`, ...). */
export type Condition =
  /** The input has a value (Terraform: `!= null`). */
  | { readonly $set: string }
  /** The boolean input is true. */
  | { readonly $true: string }
  /** The list input has an element. */
  | { readonly $nonEmpty: string }
  /** The list input holds `value`. */
  | { readonly $includes: string; readonly value: string }
  | { readonly $not: Condition }
  | { readonly $all: readonly Condition[] }
  | { readonly $any: readonly Condition[] };

export const isSet = (input: string): Condition => ({ $set: input });
export const isTrue = (input: string): Condition => ({ $true: input });
export const isNonEmpty = (input: string): Condition => ({ $nonEmpty: input });
export const includes = (input: string, value: string): Condition => ({ $includes: input, value });
export const not = (condition: Condition): Condition => ({ $not: condition });
export const all = (...conditions: Condition[]): Condition => ({ $all: conditions });
export const any = (...conditions: Condition[]): Condition => ({ $any: conditions });

/** A condition decided (true or false), or what is left of it for the engine to decide. */
export type Decision = boolean | Condition;

/** What an engine knows of the inputs a condition reads. */
export interface Knowledge {
  /** The input as the builders read it (defaults applied); undefined where it has none. */
  valueOf(input: string): unknown;
  /** A value known only later: a Pulumi Output, a Terraform token or variable. */
  isUnknown(value: unknown): boolean;
  /** An unknown value that may turn out to be null (a Terraform variable that defaults to null). */
  mayBeNull(value: unknown): boolean;
}

/** Decides what `knowledge` allows, and returns the rest, simplified, for the engine. */
export function decide(condition: Condition, knowledge: Knowledge): Decision {
  if ("$set" in condition) {
    const value = knowledge.valueOf(condition.$set);
    if (value === undefined || value === null) return false;
    return knowledge.mayBeNull(value) ? condition : true;
  }
  if ("$true" in condition) {
    const value = knowledge.valueOf(condition.$true);
    if (knowledge.isUnknown(value)) return condition;
    return value === true;
  }
  if ("$nonEmpty" in condition) {
    const value = knowledge.valueOf(condition.$nonEmpty);
    if (knowledge.isUnknown(value)) return condition;
    return Array.isArray(value) && value.length > 0;
  }
  if ("$includes" in condition) {
    const value = knowledge.valueOf(condition.$includes);
    if (knowledge.isUnknown(value)) return condition;
    if (!Array.isArray(value)) return false;
    if (value.includes(condition.value)) return true;
    return value.some((element) => knowledge.isUnknown(element)) ? condition : false;
  }
  if ("$not" in condition) {
    const inner = decide(condition.$not, knowledge);
    return typeof inner === "boolean" ? !inner : not(inner);
  }
  const isAll = "$all" in condition;
  const parts = isAll ? condition.$all : condition.$any;
  const left: Condition[] = [];
  for (const part of parts) {
    const decided = decide(part, knowledge);
    // One false part decides an $all, one true part an $any.
    if (decided === !isAll) return !isAll;
    if (decided !== isAll) left.push(decided as Condition);
  }
  if (left.length === 0) return isAll;
  if (left.length === 1) return left[0];
  return isAll ? all(...left) : any(...left);
}

/** The inputs a condition reads, each once. */
export function inputsOf(condition: Condition): string[] {
  const found = new Set<string>();
  const visit = (c: Condition): void => {
    if ("$set" in c) found.add(c.$set);
    else if ("$true" in c) found.add(c.$true);
    else if ("$nonEmpty" in c) found.add(c.$nonEmpty);
    else if ("$includes" in c) found.add(c.$includes);
    else if ("$not" in c) visit(c.$not);
    else for (const part of "$all" in c ? c.$all : c.$any) visit(part);
  };
  visit(condition);
  return [...found];
}

export function isCondition(value: unknown): value is Condition {
  if (typeof value !== "object" || value === null) return false;
  return ["$set", "$true", "$nonEmpty", "$includes", "$not", "$all", "$any"].some((key) => key in value);
}

/**
 * Builds values that depend on choices: what `knowledge` decides becomes plain, what it cannot is
 * left as a Choice node (typed as the value it stands for, which is what an engine prints).
 */
export class Choices {
  constructor(readonly knowledge: Knowledge) {}

  decide(condition: Condition): Decision {
    return decide(condition, this.knowledge);
  }

  /** `make()` where `condition` holds; undefined where it does not. */
  when<T>(condition: Condition, make: () => T): T | undefined {
    const decided = this.decide(condition);
    if (decided === false) return undefined;
    const value = make();
    return decided === true ? value : ({ $if: decided, $then: value } satisfies Choice as unknown as T);
  }

  /** `object` where `condition` holds, nothing where it does not, and with `when` where the engine decides. */
  existsWhen<T extends object>(condition: Condition, object: T): (T & { when?: Condition }) | undefined {
    const decided = this.decide(condition);
    if (decided === false) return undefined;
    return decided === true ? object : { ...object, when: decided };
  }

  /** `then` where `condition` holds, `otherwise` where it does not. */
  choose<T>(condition: Condition, then: T, otherwise: T): T {
    const decided = this.decide(condition);
    if (typeof decided === "boolean") return decided ? then : otherwise;
    return { $if: decided, $then: then, $else: otherwise } satisfies Choice as unknown as T;
  }
}

/** The given list elements, those left out (undefined) dropped. */
export function present<T>(...items: (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}

/** The object without its left-out (undefined) members. */
export function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/**
 * The inputs behind every choice `value` (a spec, or part of one) leaves undecided: Choice nodes,
 * and `when` on resources. An engine that must decide everything itself refuses these by name.
 */
export function undecidedInputs(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    for (const [key, item] of Object.entries(node)) {
      if ((key === "$if" || key === "when") && isCondition(item)) for (const input of inputsOf(item)) found.add(input);
      else visit(item);
    }
  };
  visit(value);
  return [...found];
}
