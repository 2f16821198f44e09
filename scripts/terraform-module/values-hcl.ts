// The spec's values (shared/template.ts) as HCL: references, joins, JSON documents, choices the
// module makes at plan time, values the core computes, and named values read from locals.
import { type Choice, type Computed, type Condition, isChoice, isComputed, isJoin, isJsonDocument, isRef } from "../../shared/internal";
import { conditionHcl, type InputReader, negate } from "./conditions-hcl";
import { type Hcl, hclCall, hclExpression, hclValue, printHcl } from "./hcl";
import { expression, wholeExpression } from "./unknowns";

export interface Scope {
  /** How the module reads an input: `var.<name>`. */
  read: InputReader;
  /** The HCL for a reference (`key.arn`, `account.id`, ...), seen from a block that exists where `within` holds. */
  reference(name: string, within: Condition | undefined): string;
  /** An expression the module reads this very value from (a local, a submodule's output), if any. */
  expressionFor?(value: unknown, within: Condition | undefined): string | undefined;
  /** A comment to print above a list element (a policy statement's AWS source). */
  commentFor?(element: unknown): string | undefined;
}

/** Converts values seen from one block (a resource, a local, an output). */
export class HclConverter {
  constructor(
    readonly scope: Scope,
    /** The condition under which the block that holds the value exists. */
    readonly within?: Condition,
  ) {}

  /** `value` as HCL; `asLocal` prints a named value itself rather than its local. */
  convert(value: unknown, asLocal = false): Hcl {
    const read = asLocal ? undefined : this.scope.expressionFor?.(value, this.within);
    if (read !== undefined) return hclExpression(read);
    if (value === null || value === undefined) return hclValue(null);
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return hclValue(value);
    if (isRef(value)) return hclExpression(this.scope.reference(value.$ref, this.within));
    if (isJoin(value)) return hclValue(value.$join.map((part) => this.inline(part)).join(""));
    if (isJsonDocument(value)) return hclCall("jsonencode", this.convert(value.$json));
    if (isChoice(value)) return this.choice(value);
    if (isComputed(value)) return this.computed(value);
    if (Array.isArray(value)) return this.list(value);
    return this.object(value as Record<string, unknown>);
  }

  /** A text value (a message, say) as a string whose unknown values print as interpolations. */
  text(value: unknown): string {
    if (typeof value === "string") return value;
    if (isJoin(value)) return value.$join.map((part) => this.inline(part)).join("");
    return this.inline(value);
  }

  /** A part of a string: literal text (unknown values included), or an expression to interpolate. */
  private inline(part: unknown): string {
    if (typeof part === "string") return part;
    return expression(printHcl(this.convert(part)));
  }

  private choice(choice: Choice): Hcl {
    const test = conditionHcl(choice.$if, this.scope.read);
    const inner = (value: unknown, holds: boolean) =>
      new HclConverter(this.scope, this.and(holds ? choice.$if : negate(choice.$if))).convert(value);
    if (choice.$then === true && choice.$else === false) return hclExpression(test);
    if (choice.$then === false && choice.$else === true) return hclExpression(conditionHcl(negate(choice.$if), this.scope.read));
    return {
      kind: "conditional",
      test,
      whenTrue: inner(choice.$then, true),
      whenFalse: "$else" in choice ? inner(choice.$else, false) : hclValue(null),
    };
  }

  private and(condition: Condition): Condition {
    return this.within === undefined ? condition : { $all: [this.within, condition] };
  }

  private computed(node: Computed): Hcl {
    if (node.$fn === "distinct") return hclCall("distinct", this.convert(node.of));
    if (node.$fn === "merge") return hclCall("merge", ...(node.of as unknown[]).map((part) => this.convert(part)));
    return hclExpression(`split(":", ${printHcl(this.convert(node.of))})[4]`);
  }

  /** A list; elements that exist only where a choice holds make it a concat() of runs. */
  private list(items: unknown[]): Hcl {
    const optional = (item: unknown): item is Choice => isChoice(item) && !("$else" in item);
    if (!items.some(optional)) return { kind: "list", items: items.map((item) => this.withComment(item, this.convert(item))) };
    const parts: Hcl[] = [];
    let run: Hcl[] | undefined;
    for (const item of items) {
      if (optional(item)) {
        run = undefined;
        const only = new HclConverter(this.scope, this.and(item.$if)).convert(item.$then);
        const part: Hcl = {
          kind: "conditional",
          test: conditionHcl(item.$if, this.scope.read),
          whenTrue: { kind: "list", items: [only] },
          whenFalse: { kind: "list", items: [] },
        };
        parts.push(this.withComment(item.$then, part));
      } else {
        if (!run) parts.push({ kind: "list", items: (run = []) });
        run.push(this.convert(item));
      }
    }
    return parts.length === 1 ? parts[0] : hclCall("concat", ...parts);
  }

  private withComment(element: unknown, hcl: Hcl): Hcl {
    const comment = this.scope.commentFor?.(element);
    return comment === undefined ? hcl : { kind: "commented", comment, value: hcl };
  }

  /** An object; members that exist only where a choice holds make it a merge(). */
  private object(value: Record<string, unknown>): Hcl {
    const entries = Object.entries(value);
    const optional = entries.filter(([, item]) => isChoice(item) && !("$else" in item));
    const base: Hcl = {
      kind: "object",
      entries: entries.filter((entry) => !optional.includes(entry)).map(([k, v]) => [k, this.convert(v)]),
    };
    if (optional.length === 0) return base;
    return hclCall(
      "merge",
      base,
      ...optional.map(([key, item]): Hcl => {
        const choice = item as Choice;
        return {
          kind: "conditional",
          test: conditionHcl(choice.$if, this.scope.read),
          whenTrue: { kind: "object", entries: [[key, new HclConverter(this.scope, this.and(choice.$if)).convert(choice.$then)]] },
          whenFalse: { kind: "object", entries: [] },
        };
      }),
    );
  }
}

/** The HCL expression an unknown value stands for, or the value as HCL. */
export function plainHcl(value: unknown): Hcl {
  if (typeof value === "string") {
    const whole = wholeExpression(value);
    if (whole !== undefined) return hclExpression(whole);
  }
  if (Array.isArray(value)) return { kind: "list", items: value.map(plainHcl) };
  if (typeof value === "object" && value !== null) {
    return { kind: "object", entries: Object.entries(value).map(([key, item]) => [key, plainHcl(item)]) };
  }
  return hclValue(value as string | number | boolean | null);
}
