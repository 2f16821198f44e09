// The core's conditions (shared/conditions.ts) as HCL, simplified as a person writes them:
// negations pushed inward (`a == null || b != null`, not `!(a != null && b == null)`).
import type { Condition } from "../../shared/internal";
import { snakeCase } from "./names";

/** How an input is read where the condition is printed: `var.<name>` in the module that declares it. */
export type InputReader = (input: string) => string;

export const variableOf: InputReader = (input) => `var.${snakeCase(input)}`;

/** Negation, pushed inward by De Morgan's laws. */
export function negate(condition: Condition): Condition {
  if ("$not" in condition) return condition.$not;
  if ("$all" in condition) return { $any: condition.$all.map(negate) };
  if ("$any" in condition) return { $all: condition.$any.map(negate) };
  return { $not: condition };
}

/** The condition as one line of HCL. */
export function conditionHcl(condition: Condition, read: InputReader = variableOf): string {
  const print = (c: Condition, inside: "all" | "any" | "top"): string => {
    if ("$set" in c) return `${read(c.$set)} != null`;
    if ("$true" in c) return read(c.$true);
    if ("$nonEmpty" in c) return `length(${read(c.$nonEmpty)}) > 0`;
    if ("$includes" in c) return `contains(${read(c.$includes)}, ${JSON.stringify(c.value)})`;
    if ("$not" in c) {
      const inner = c.$not;
      if ("$set" in inner) return `${read(inner.$set)} == null`;
      if ("$nonEmpty" in inner) return `length(${read(inner.$nonEmpty)}) == 0`;
      if ("$true" in inner) return `!${read(inner.$true)}`;
      if ("$includes" in inner) return `!${print(inner, "top")}`;
      return print(negate(inner), inside);
    }
    const isAll = "$all" in c;
    const parts = (isAll ? c.$all : c.$any).map((part) => print(part, isAll ? "all" : "any"));
    const text = parts.join(isAll ? " && " : " || ");
    // `&&` binds tighter than `||`: only an `||` inside an `&&` needs parentheses.
    return !isAll && inside === "all" ? `(${text})` : text;
  };
  return print(condition, "top");
}
