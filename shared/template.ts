// The small value language of the spec. Most settings are plain JSON, but some depend on what an
// engine creates (a key's ARN, the deploying account) or on a choice it may know only later (see
// conditions.ts): those stay as nodes until a front end renders them with its own means (Pulumi
// Outputs, Terraform tokens, HCL).
import type { Condition } from "./conditions";

/** An attribute of a resource in the spec (`"<logicalId>.<attribute>"`) or of the deployment (`account.id`, ...). */
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

/**
 * `$then` where the condition holds, else `$else`; without `$else`, nothing: a setting left unset, a
 * list element or an object member left out. Only an engine that decides later ever sees one.
 */
export interface Choice<T = unknown> {
  readonly $if: Condition;
  readonly $then: T;
  readonly $else?: T;
}

/** What the core computes from an input; it stays a node only where the input is known later. */
export interface Computed {
  readonly $fn: ComputedFunction;
  readonly of: unknown;
}

/** `distinct`: a list without repeats; `merge`: maps merged, later keys winning; `accountOfArn`: the account id in an ARN. */
export type ComputedFunction = "distinct" | "merge" | "accountOfArn";

export type TemplateString = string | Ref | Join | Choice<TemplateString> | Computed;

/** The deployment's account id: the account whose credentials deploy the key. */
export const ACCOUNT_ID: Ref = { $ref: "account.id" };
/** The deployment's partition (`aws`, `aws-cn`, `aws-us-gov`), for when no input reveals it. */
export const PARTITION: Ref = { $ref: "partition.name" };
/** The region the AWS provider of the key deploys to, and that of the replica's provider. */
export const PROVIDER_REGION: Ref = { $ref: "provider.region" };
export const BACKUP_PROVIDER_REGION: Ref = { $ref: "backupProvider.region" };
/** The IAM role or user the engine deploys as (an assumed role's session resolved to its role). */
export const DEPLOYER_ARN: Ref = { $ref: "deployer.arn" };

/** The element of the list a `forEach` resource is made for. */
export const EACH_VALUE: Ref = { $ref: "each.value" };

/**
 * What the engine reads of a key it adopts (`adoptKeyId`, `adoptReplicaKeyId`): DescribeKey's
 * fields, as the data source or look-up of each engine gives them (see checks/adoption.ts).
 */
export const ADOPTED_KEY_FIELDS = [
  "arn",
  "keySpec",
  "keyUsage",
  "keyState",
  "keyManager",
  "origin",
  "multiRegion",
  "multiRegionKeyType",
  "primaryKeyArn",
  "replicaRegions",
] as const;
export type AdoptedKeyField = (typeof ADOPTED_KEY_FIELDS)[number];

/**
 * Where Terraform's `data "aws_kms_key"` holds each field (the AWS provider's schema of that data
 * source): the module and the CDKTF construct both read the adopted keys from there. `path` goes
 * under `attribute`, absent (`otherwise`) on a single-region key; `text` compares a bool as text.
 */
export const ADOPTED_KEY_ATTRIBUTES: Readonly<
  Record<AdoptedKeyField, { attribute: string; path?: string; otherwise?: "" | readonly []; text?: true }>
> = {
  arn: { attribute: "arn" },
  keySpec: { attribute: "key_spec" },
  keyUsage: { attribute: "key_usage" },
  keyState: { attribute: "key_state" },
  keyManager: { attribute: "key_manager" },
  origin: { attribute: "origin" },
  multiRegion: { attribute: "multi_region", text: true },
  multiRegionKeyType: { attribute: "multi_region_configuration", path: "[0].multi_region_key_type", otherwise: "" },
  primaryKeyArn: { attribute: "multi_region_configuration", path: "[0].primary_key[0].arn", otherwise: "" },
  replicaRegions: { attribute: "multi_region_configuration", path: "[0].replica_keys[*].region", otherwise: [] },
};

export function adoptedKeyRef(key: "adoptedKey" | "adoptedReplica", field: AdoptedKeyField): Ref {
  return { $ref: `${key}.${field}` };
}

/** References to the deployment rather than to a resource of the spec. */
export const DEPLOYMENT_REFS: ReadonlySet<string> = new Set([
  ...[ACCOUNT_ID, PARTITION, PROVIDER_REGION, BACKUP_PROVIDER_REGION, DEPLOYER_ARN, EACH_VALUE].map((r) => r.$ref),
  ...ADOPTED_KEY_FIELDS.flatMap((field) => [`adoptedKey.${field}`, `adoptedReplica.${field}`]),
]);

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

export function isChoice(value: unknown): value is Choice {
  return typeof value === "object" && value !== null && "$if" in value;
}

export function isComputed(value: unknown): value is Computed {
  return typeof value === "object" && value !== null && "$fn" in value;
}

/** Concatenates parts; stays a plain string when every part is one. */
export function join(...parts: TemplateString[]): TemplateString {
  if (parts.every((part): part is string => typeof part === "string")) return parts.join("");
  return { $join: parts };
}

export function jsonDocument<T>(value: T): JsonDocument<T> {
  return { $json: value };
}

const names = new WeakMap<object, string>();

/**
 * Gives a value used in several places a name, the name of a Terraform local in the module (the key
 * policy, the tags); the value itself is unchanged, so no other engine sees a difference.
 */
export function named<T>(name: string, value: T): T {
  if (typeof value === "object" && value !== null) names.set(value, name);
  return value;
}

/** The name `named` gave this very value, if any. */
export function nameOf(value: unknown): string | undefined {
  return typeof value === "object" && value !== null ? names.get(value) : undefined;
}

/** `fn` applied to `of` now, or a node for the engine where `of` is known only later. */
export function computed<T>(fn: ComputedFunction, of: unknown, isUnknown: (value: unknown) => boolean): T {
  if (isUnknown(of) || (Array.isArray(of) && of.some(isUnknown))) return { $fn: fn, of } as unknown as T;
  return applyFunction(fn, of) as T;
}

export function applyFunction(fn: ComputedFunction, of: unknown): unknown {
  if (fn === "distinct") {
    const seen = new Set<string>();
    return (of as unknown[]).filter((item) => {
      const key = JSON.stringify(item);
      return !seen.has(key) && Boolean(seen.add(key));
    });
  }
  if (fn === "merge") return Object.assign({}, ...(of as object[]));
  return String(of).split(":")[4];
}

/** How one engine expresses references, concatenation and JSON encoding (and, if it decides later, the rest). */
export interface TemplateRenderer<T> {
  ref(name: string): T;
  join(parts: unknown[]): T;
  json(rendered: unknown): T;
  /** Only for an engine that prints what it decides later. */
  choice?(choice: Choice): T;
  computed?(node: Computed): T;
}

/** Replaces every node in `value`, depth first, with what `renderer` makes of it. */
export function renderTemplate(value: unknown, renderer: TemplateRenderer<unknown>): unknown {
  if (isRef(value)) return renderer.ref(value.$ref);
  if (isJoin(value)) return renderer.join(value.$join.map((part) => renderTemplate(part, renderer)));
  if (isJsonDocument(value)) return renderer.json(renderTemplate(value.$json, renderer));
  if (isChoice(value)) {
    if (!renderer.choice) throw new Error("camunda-byok-kms: a choice this engine should have decided is left in the spec");
    return renderer.choice(value);
  }
  if (isComputed(value)) {
    if (!renderer.computed) return applyFunction(value.$fn, renderTemplate(value.of, renderer));
    return renderer.computed(value);
  }
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
  const visit = (node: unknown): void => {
    if (isRef(node)) found.push(node.$ref);
    else if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === "object" && node !== null) Object.values(node).forEach(visit);
  };
  visit(value);
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
