// The small value language of the spec. Most settings are plain JSON, but some depend on what an
// engine creates (a key's ARN, the deploying account): those stay symbolic until a front end
// renders them with its own references (Pulumi Outputs, Terraform tokens).

/** An attribute of a resource in the spec (`"<logicalId>.<attribute>"`) or of the deployment (`account.id`, `partition.name`). */
export interface Ref {
  readonly $ref: string;
}

/** A string made of literal parts and references, such as `arn:<partition>:iam::<account>:root`. */
export interface Join {
  readonly $join: readonly TemplateString[];
}

/** A document that engines receive as a JSON string (policies, event patterns). */
export interface JsonDocument<T = unknown> {
  readonly $json: T;
}

export type TemplateString = string | Ref | Join;

/** The deployment's account id: the account whose credentials deploy the key. */
export const ACCOUNT_ID: Ref = { $ref: "account.id" };
/** The deployment's partition (`aws`, `aws-cn`, `aws-us-gov`), for when no input reveals it. */
export const PARTITION: Ref = { $ref: "partition.name" };

/** The element of the list a `forEach` resource is made for. */
export const EACH_VALUE: Ref = { $ref: "each.value" };

/** References to the deployment rather than to a resource of the spec. */
const DEPLOYMENT_REFS: ReadonlySet<string> = new Set([ACCOUNT_ID.$ref, PARTITION.$ref, EACH_VALUE.$ref]);

/** The resource a reference points at, or undefined for a reference to the deployment. */
export function referencedResource(name: string): { logicalId: string; attribute: string } | undefined {
  if (DEPLOYMENT_REFS.has(name)) return undefined;
  const [logicalId, attribute] = name.split(".");
  return { logicalId, attribute };
}

export function ref(logicalId: string, attribute: string): Ref {
  return { $ref: `${logicalId}.${attribute}` };
}

export function isRef(value: unknown): value is Ref {
  return typeof value === "object" && value !== null && typeof (value as Ref).$ref === "string";
}

export function isJoin(value: unknown): value is Join {
  return typeof value === "object" && value !== null && Array.isArray((value as Join).$join);
}

export function isJsonDocument(value: unknown): value is JsonDocument {
  return typeof value === "object" && value !== null && "$json" in value;
}

/** Concatenates parts; stays a plain string when every part is one. */
export function join(...parts: TemplateString[]): TemplateString {
  if (parts.every((part): part is string => typeof part === "string")) return parts.join("");
  return { $join: parts };
}

export function jsonDocument<T>(value: T): JsonDocument<T> {
  return { $json: value };
}

/** How one engine expresses references, concatenation and JSON encoding. */
export interface TemplateRenderer<T> {
  ref(name: string): T;
  join(parts: unknown[]): T;
  json(rendered: unknown): T;
}

/** Replaces every Ref, Join and JsonDocument in `value`, depth first, with what `renderer` makes of it. */
export function renderTemplate(value: unknown, renderer: TemplateRenderer<unknown>): unknown {
  if (isRef(value)) return renderer.ref(value.$ref);
  if (isJoin(value)) return renderer.join(value.$join.map((part) => renderTemplate(part, renderer)));
  if (isJsonDocument(value)) return renderer.json(renderTemplate(value.$json, renderer));
  if (Array.isArray(value)) return value.map((item) => renderTemplate(item, renderer));
  if (typeof value === "object" && value !== null) {
    const rendered: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) rendered[key] = renderTemplate(item, renderer);
    return rendered;
  }
  return value;
}

/** Every reference `value` holds (`account.id`, `key.arn`, ...), in the order a render meets them. */
export function collectReferences(value: unknown): string[] {
  const found: string[] = [];
  renderTemplate(value, {
    ref: (name) => void found.push(name),
    join: () => undefined,
    json: () => undefined,
  });
  return found;
}

/**
 * Renders a template with known values, as a deployed stack would see it. Throws on a reference
 * missing from `values`, so a test or the CLI never prints a half-resolved document.
 */
export function resolveTemplate(value: unknown, values: Readonly<Record<string, string>>): unknown {
  return renderTemplate(value, {
    ref(name) {
      if (!(name in values)) throw new Error(`no value for reference ${name}`);
      return values[name];
    },
    join: (parts) => parts.join(""),
    json: (rendered) => JSON.stringify(rendered),
  });
}
