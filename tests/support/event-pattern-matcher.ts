/**
 * EventBridge's matching rules, as its user guide ("Event patterns", "Content filtering") states
 * them, for the filters our patterns use: exact values, prefix, suffix, anything-but, exists,
 * wildcard, equals-ignore-case and $or. Arrays in events are flattened: a field matches when any
 * of its values matches any of the pattern's values. A field the event lacks matches only
 * `exists: false`; `anything-but` needs the field to be there.
 */
type Pattern = { [field: string]: unknown };

export function matchesEventPattern(pattern: Pattern, event: unknown): boolean {
  return matchObject(pattern, [event]);
}

function flatten(values: unknown[]): unknown[] {
  return values.flatMap((value) => (Array.isArray(value) ? flatten(value) : [value]));
}

function matchObject(pattern: Pattern, nodes: unknown[]): boolean {
  return Object.entries(pattern).every(([field, expected]) => {
    if (field === "$or") {
      if (!Array.isArray(expected)) throw new Error("$or must be a list of patterns");
      return expected.some((alternative) => matchObject(alternative as Pattern, nodes));
    }
    const children = flatten(
      nodes
        .filter((node): node is Record<string, unknown> => typeof node === "object" && node !== null)
        .map((node) => node[field])
        .filter((value) => value !== undefined),
    );
    if (Array.isArray(expected)) return matchLeaf(expected, children);
    if (typeof expected === "object" && expected !== null) return matchObject(expected as Pattern, children);
    throw new Error(`pattern field ${field} must be a list or an object`);
  });
}

function matchLeaf(matchers: unknown[], values: unknown[]): boolean {
  const existence = matchers.find((m) => typeof m === "object" && m !== null && "exists" in m) as { exists: boolean } | undefined;
  if (existence) return existence.exists ? values.length > 0 : values.length === 0;
  return values.some((value) => matchers.some((matcher) => matchOne(matcher, value)));
}

function matchOne(matcher: unknown, value: unknown): boolean {
  if (typeof matcher !== "object" || matcher === null) return matcher === value;
  const [[operator, operand]] = Object.entries(matcher);
  switch (operator) {
    case "prefix":
      return typeof value === "string" && value.startsWith(operand as string);
    case "suffix":
      return typeof value === "string" && value.endsWith(operand as string);
    case "equals-ignore-case":
      return typeof value === "string" && value.toLowerCase() === (operand as string).toLowerCase();
    case "wildcard":
      return typeof value === "string" && wildcardToRegExp(operand as string).test(value);
    case "anything-but": {
      if (Array.isArray(operand)) return !operand.includes(value);
      if (typeof operand === "object" && operand !== null) return !matchOne(operand, value);
      return value !== operand;
    }
    default:
      throw new Error(`the test matcher does not know the filter ${operator}`);
  }
}

function wildcardToRegExp(wildcard: string): RegExp {
  const escaped = wildcard.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`, "s");
}
