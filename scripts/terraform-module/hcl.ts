// HCL expressions and blocks as data, and a printer whose output `terraform fmt` leaves as it is.
import { stringParts, wholeExpression } from "./unknowns";

export type Hcl =
  /** A plain value; a string may hold unknown values (unknowns.ts), printed as template interpolations. */
  | { kind: "value"; value: string | number | boolean | null }
  /** An expression already written as one line of HCL. */
  | { kind: "expression"; text: string }
  | { kind: "list"; items: Hcl[] }
  | { kind: "object"; entries: [string, Hcl][] }
  | { kind: "call"; name: string; args: Hcl[] }
  | { kind: "conditional"; test: string; whenTrue: Hcl; whenFalse: Hcl }
  /** A list element or call argument with a comment line above it (a statement's AWS source, say). */
  | { kind: "commented"; comment: string; value: Hcl };

export const hclValue = (value: string | number | boolean | null): Hcl => ({ kind: "value", value });
export const hclExpression = (text: string): Hcl => ({ kind: "expression", text });
export const hclCall = (name: string, ...args: Hcl[]): Hcl => ({ kind: "call", name, args });

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INLINE_WIDTH = 100;

/** A string as an HCL quoted template; unknown values become interpolations. */
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
      if (node.entries.length === 0) return "{}";
      return `{\n${printAttributes(
        node.entries.map(([key, value]) => [objectKey(key), value]),
        indent + 2,
      )}${pad}}`;
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
      return `${node.test} ? ${printHcl(node.whenTrue, indent)} : ${printHcl(node.whenFalse, indent)}`;
    case "commented":
      return `# ${node.comment}\n${pad}${printHcl(node.value, indent)}`;
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
