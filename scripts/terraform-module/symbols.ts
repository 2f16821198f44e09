// Stand-ins for values Terraform knows only at plan time. The generator hands them to the core as
// if they were the user's inputs (the way cdktf hands it tokens), and the core treats them as
// unresolved: its checks become conditions, its settings keep them in place, and the printer turns
// each back into the HCL expression it stands for.

const OPEN = "\u0001";
const CLOSE = "\u0002";
/** Marks a stand-in for a whole list (it is spliced, not put in a list). */
const LIST = "\u0003";
/** The key of a stand-in for a whole map, merged under the keys beside it. */
const MAP = "\u0004";

const EXPRESSION = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, "g");

/** A string (or number, where a number is expected) that stands for an HCL expression. */
export function expression(hcl: string): string {
  return `${OPEN}${hcl}${CLOSE}`;
}

/** A list that stands for an HCL list expression, as cdktf encodes list tokens: one element. */
export function listExpression(hcl: string): string[] {
  return [expression(`${LIST}${hcl}`)];
}

/** A map that stands for an HCL map expression; keys set beside it are merged over it. */
export function mapExpression(hcl: string): Record<string, string> {
  return { [expression(`${MAP}${hcl}`)]: "" };
}

/** Whether `value` holds a stand-in anywhere a check would look: what the core must not judge. */
export function isSymbolic(value: unknown): boolean {
  if (typeof value === "string") return value.includes(OPEN);
  if (Array.isArray(value)) return value.length === 1 && isListExpression(value[0]);
  if (typeof value === "object" && value !== null) return Object.keys(value).some((key) => key.includes(OPEN));
  return false;
}

/** The list expression a stand-in element holds, or undefined. */
export function listExpressionOf(value: unknown): string | undefined {
  return isListExpression(value) ? (value as string).slice(2, -1) : undefined;
}

function isListExpression(value: unknown): boolean {
  return (
    typeof value === "string" && value.startsWith(`${OPEN}${LIST}`) && value.endsWith(CLOSE) && value.indexOf(CLOSE) === value.length - 1
  );
}

/** The map expression a key stands for, or undefined. */
export function mapExpressionOf(key: string): string | undefined {
  return key.startsWith(`${OPEN}${MAP}`) ? key.slice(2, -1) : undefined;
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
