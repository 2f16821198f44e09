// HCL expressions and blocks as data, and a printer whose output `terraform fmt` leaves as it is.
import { listExpressionOf, mapExpressionOf, stringParts, wholeExpression } from "./symbols";

export type Hcl =
  /** A plain value; a string may hold stand-ins (symbols.ts), printed as template interpolations. */
  | { kind: "value"; value: string | number | boolean | null }
  /** An expression already written as one line of HCL. */
  | { kind: "expression"; text: string }
  | { kind: "list"; items: Hcl[] }
  /** An object; `base`, a map expression, is merged under its entries. */
  | { kind: "object"; entries: [string, Hcl][]; base?: string }
  | { kind: "call"; name: string; args: Hcl[] }
  | { kind: "conditional"; test: string; then: Hcl; else: Hcl };

export const hclValue = (value: string | number | boolean | null): Hcl => ({ kind: "value", value });
export const hclExpression = (text: string): Hcl => ({ kind: "expression", text });
export const hclCall = (name: string, ...args: Hcl[]): Hcl => ({ kind: "call", name, args });

/** A JSON-like value whose strings, list elements and map keys may be stand-ins, as HCL. */
export function fromValue(value: unknown): Hcl {
  if (value === null || value === undefined) return hclValue(null);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return hclValue(value);
  if (Array.isArray(value))
    return listWithSplices(
      value.map((item) => ({ splice: listExpressionOf(item), item })),
      fromValue,
    );
  if (typeof value === "object" && "$json" in value) return hclCall("jsonencode", fromValue((value as { $json: unknown }).$json));
  let base: string | undefined;
  const entries: [string, Hcl][] = [];
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const merged = mapExpressionOf(key);
    if (merged !== undefined) base = merged;
    else entries.push([key, fromValue(item)]);
  }
  return { kind: "object", entries, ...(base !== undefined ? { base } : {}) };
}

/** A list some of whose elements stand for whole lists: those are spliced in with concat(). */
export function listWithSplices<T>(items: { splice?: string; item: T }[], convert: (item: T) => Hcl): Hcl {
  if (!items.some((entry) => entry.splice !== undefined)) return { kind: "list", items: items.map((entry) => convert(entry.item)) };
  const parts: Hcl[] = [];
  let run: Hcl[] | undefined;
  for (const entry of items) {
    if (entry.splice !== undefined) {
      run = undefined;
      parts.push(hclExpression(entry.splice));
    } else {
      if (!run) parts.push({ kind: "list", items: (run = []) });
      run.push(convert(entry.item));
    }
  }
  return parts.length === 1 ? parts[0] : hclCall("concat", ...parts);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INLINE_WIDTH = 100;

/** A string as an HCL quoted template; stand-ins become interpolations. */
export function quoted(text: string): string {
  const body = stringParts(text)
    .map((part) => ("expression" in part ? `\${${part.expression}}` : escapeLiteral(part.literal)))
    .join("");
  return `"${body}"`;
}

function escapeLiteral(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    .replace(/\$\{/g, () => "$${")
    .replace(/%\{/g, () => "%%{");
}

/** Prints an expression whose first line starts where it is placed and whose others start at `indent`. */
export function printHcl(node: Hcl, indent = 0): string {
  const pad = " ".repeat(indent);
  const inner = " ".repeat(indent + 2);
  switch (node.kind) {
    case "value": {
      const { value } = node;
      if (typeof value === "string") return wholeExpression(value) ?? quoted(value);
      return JSON.stringify(value);
    }
    case "expression":
      return node.text;
    case "list": {
      if (node.items.length === 0) return "[]";
      const items = node.items.map((item) => printHcl(item, indent + 2));
      const inline = `[${items.join(", ")}]`;
      if (!items.some((item) => item.includes("\n")) && inline.length + indent <= INLINE_WIDTH) return inline;
      return `[\n${items.map((item) => `${inner}${item},\n`).join("")}${pad}]`;
    }
    case "object": {
      const body =
        node.entries.length === 0
          ? "{}"
          : `{\n${printAttributes(
              node.entries.map(([key, value]) => [objectKey(key), value]),
              indent + 2,
            )}${pad}}`;
      return node.base === undefined ? body : node.entries.length === 0 ? node.base : `merge(${node.base}, ${body})`;
    }
    case "call": {
      const [only] = node.args;
      if (node.args.length === 1 && (only.kind === "object" || only.kind === "list")) return `${node.name}(${printHcl(only, indent)})`;
      const args = node.args.map((arg) => printHcl(arg, indent + 2));
      const inline = `${node.name}(${args.join(", ")})`;
      if (!args.some((arg) => arg.includes("\n")) && inline.length + indent <= INLINE_WIDTH) return inline;
      return `${node.name}(\n${args.map((arg) => `${inner}${arg},\n`).join("")}${pad})`;
    }
    case "conditional":
      return `${node.test} ? ${printHcl(node.then, indent)} : ${printHcl(node.else, indent)}`;
  }
}

function objectKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quoted(key);
}

/**
 * Attribute lines as `terraform fmt` lays them out: the `=` of consecutive one-line attributes in
 * a column; an attribute whose value spans lines stands alone and ends the run before it.
 */
export function printAttributes(attributes: [string, Hcl][], indent: number): string {
  const pad = " ".repeat(indent);
  const printed = attributes.map(([key, value]) => ({ key, text: printHcl(value, indent) }));
  let out = "";
  let run: typeof printed = [];
  const flush = () => {
    const width = Math.max(...run.map((line) => line.key.length));
    for (const line of run) out += `${pad}${line.key.padEnd(width)} = ${line.text}\n`;
    run = [];
  };
  for (const line of printed) {
    if (line.text.includes("\n")) {
      flush();
      out += `${pad}${line.key} = ${line.text}\n`;
    } else run.push(line);
  }
  if (run.length > 0) flush();
  return out;
}

/** A block body: attributes, nested blocks, blank lines and comments, in order. */
export type BlockItem =
  | { attribute: string; value: Hcl }
  | { block: string; labels?: string[]; body: BlockItem[] }
  | { comment: string }
  | { blank: true };

export function printBlock(type: string, labels: string[], body: BlockItem[], indent = 0): string {
  const pad = " ".repeat(indent);
  const head = [type, ...labels.map((label) => JSON.stringify(label))].join(" ");
  return `${pad}${head} {\n${printBody(body, indent + 2)}${pad}}\n`;
}

function printBody(body: BlockItem[], indent: number): string {
  const pad = " ".repeat(indent);
  let out = "";
  let attributes: [string, Hcl][] = [];
  const flush = () => {
    if (attributes.length > 0) out += printAttributes(attributes, indent);
    attributes = [];
  };
  for (const item of body) {
    if ("attribute" in item) {
      attributes.push([item.attribute, item.value]);
      continue;
    }
    flush();
    if ("block" in item) out += printBlock(item.block, item.labels ?? [], item.body, indent);
    else if ("comment" in item)
      out += item.comment
        .split("\n")
        .map((line) => `${pad}# ${line}`.trimEnd() + "\n")
        .join("");
    else out += "\n";
  }
  flush();
  return out;
}
