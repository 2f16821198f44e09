// Values Terraform knows only at plan time, as the generator hands them to the core: each stands
// for an HCL expression (a variable, a reference). The core treats them as unknown (its checks
// become conditions, its settings keep them in place, its choices stay conditions), and the
// printer turns each back into the expression it stands for. A string may embed them, as cdktf's
// tokens are embedded.

const OPEN = "\u0001";
const CLOSE = "\u0002";
/** Marks an expression that may be null: a variable whose default is null. */
const NULLABLE = "\u0003";

const EXPRESSION = new RegExp(`${OPEN}${NULLABLE}?([^${CLOSE}]*)${CLOSE}`, "g");

/** A value (string, number, bool, list or map alike) that stands for an HCL expression. */
export function expression(hcl: string, options: { nullable?: boolean } = {}): string {
  return `${OPEN}${options.nullable ? NULLABLE : ""}${hcl}${CLOSE}`;
}

/** Whether `value` holds an unknown value anywhere a check would look: what the core must not judge now. */
export function isUnknown(value: unknown): boolean {
  return typeof value === "string" && value.includes(OPEN);
}

/** An unknown value for a variable that defaults to null. */
export function mayBeNull(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(`${OPEN}${NULLABLE}`) && wholeExpression(value) !== undefined;
}

/** A string as literal parts and expressions, in order. */
export function stringParts(text: string): ({ literal: string } | { expression: string })[] {
  const parts: ({ literal: string } | { expression: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(EXPRESSION)) {
    if (match.index > last) parts.push({ literal: text.slice(last, match.index) });
    parts.push({ expression: match[1] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ literal: text.slice(last) });
  return parts;
}

/** The expression a string stands for when it is nothing else, or undefined. */
export function wholeExpression(text: string): string | undefined {
  const parts = stringParts(text);
  return parts.length === 1 && "expression" in parts[0] ? parts[0].expression : undefined;
}
