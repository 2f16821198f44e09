// The Terraform module as the core describes it: the core's spec is built for every combination of
// the choices in variants.ts, and what the variants build is merged into one configuration whose
// conditions make those choices.
import type { ByokProblem, ResourceKind } from "../../shared";
import { LOGICAL_IDS, renderTemplate, type DeferredCheck } from "../../shared/internal";
import { checkCondition, DEPLOYMENT_REFERENCES, problemMessage } from "./checks";
import type { Variant } from "./choices";
import type { Hcl } from "./hcl";
import { canonical, mergeSamples, type Sample } from "./merge";
import { RESOURCE_TYPES, snakeCase, TERRAFORM_NAMES } from "./names";
import { expression, listExpressionOf, mapExpressionOf, wholeExpression } from "./symbols";
import { buildVariants, LOCALS, readThroughLocals, SPACE } from "./variants";

/** The HCL a checked value stands for: a string, a list or a map stand-in. */
function expressionOfCheckedValue(value: unknown): string | undefined {
  if (typeof value === "string") return wholeExpression(value);
  if (Array.isArray(value)) return listExpressionOf(value[0]);
  if (typeof value === "object" && value !== null) return mapExpressionOf(Object.keys(value)[0] ?? "");
  return undefined;
}

/** The topic ARN references every variant agrees on: the existing topic or the new one. */
const TOPIC_ARN_LOCALS: Record<string, string> = {
  [`${LOGICAL_IDS.primary.alertTopic}.arn`]: LOCALS.alertTopicArn,
  [`${LOGICAL_IDS.replica.alertTopic}.arn`]: LOCALS.replicaAlertTopicArn,
};

export interface ModuleResource {
  logicalId: string;
  kind: ResourceKind;
  type: string;
  name: string;
  /** Created in the backup region, through the `aws.backup` provider. */
  backupRegion: boolean;
  preventDestroy: boolean;
  /** Where it exists, when not everywhere. */
  condition?: string;
  /** The list it is made once per element of. */
  forEach?: string;
  settings: [string, Hcl][];
}

export interface ModuleCheck {
  /** The HCL that holds when the check passes. */
  condition: string;
  message: string;
}

export interface ModuleSpec {
  resources: ModuleResource[];
  outputs: [string, Hcl][];
  keyPolicy: Hcl;
  tags: Hcl;
  /** Checks on one variable: its validation blocks. */
  validations: Map<string, ModuleCheck[]>;
  /** Checks across inputs and against the provider: the key's preconditions. */
  preconditions: ModuleCheck[];
  /** Things that deploy but deserve a look: `check` blocks. */
  warnings: { input: string; check: ModuleCheck }[];
  /** Where the deployer's session context is looked up (only the lockout check needs it). */
  deployerLookupCondition?: string;
}

export function buildModuleSpec(): ModuleSpec {
  const { built, problems } = buildVariants();
  const validDomain = built.map((entry) => entry.variant);
  const allVariants = SPACE.variants();

  // Where each resource exists, first: references to a resource that may not exist take `[0]`.
  const presence = new Map<string, Variant[]>();
  for (const { variant, spec } of built) {
    for (const resource of spec.resources) presence.set(resource.logicalId, [...(presence.get(resource.logicalId) ?? []), variant]);
  }
  const forEachLists = new Map(
    built
      .flatMap(({ spec }) => spec.resources)
      .filter((r) => r.forEach !== undefined)
      .map((r) => [r.logicalId, listExpressionOf((r.forEach as string[])[0])]),
  );
  // A for_each over an empty list makes nothing: where the list is empty its condition is free.
  const domainOf = (logicalId: string) => {
    const list = forEachLists.get(logicalId);
    const emptying = SPACE.choices.filter((choice) => list !== undefined && choice.emptyList === list).map((choice) => choice.name);
    return validDomain.filter((variant) => emptying.every((name) => !SPACE.taken(variant, name)));
  };
  const conditions = new Map([...presence].map(([id, variants]) => [id, SPACE.condition(variants, domainOf(id))]));
  const kinds = new Map(built.flatMap((entry) => entry.spec.resources).map((resource) => [resource.logicalId, resource.kind]));
  const address = (logicalId: string) => `${RESOURCE_TYPES[kinds.get(logicalId)!]}.${TERRAFORM_NAMES.get(logicalId)}`;
  const reference = (name: string): string => {
    if (name in DEPLOYMENT_REFERENCES) return DEPLOYMENT_REFERENCES[name];
    if (name in TOPIC_ARN_LOCALS) return TOPIC_ARN_LOCALS[name];
    const [logicalId, attribute] = name.split(".");
    return `${address(logicalId)}${conditions.get(logicalId) === undefined ? "" : "[0]"}.${snakeCase(attribute)}`;
  };
  const normalize = (value: unknown) => readThroughLocals(normalizeCheck(value));
  const normalizeCheck = (value: unknown) =>
    renderTemplate(value, {
      ref: (name) => expression(reference(name)),
      join: (parts) => parts.join(""),
      json: (rendered) => ({ $json: rendered }),
    });

  const settingSamples = new Map<string, Map<string, Sample[]>>();
  const resources = new Map<string, ModuleResource>();
  const outputSamples = new Map<string, Sample[]>();
  const policySamples: Sample[] = [];
  const tagSamples: Sample[] = [];
  const deferred = new Map<string, { check: DeferredCheck; variants: Variant[] }>();
  const warnings = new Map<string, { problem: ByokProblem; variants: Variant[] }>();

  for (const { variant, spec } of built) {
    const key = spec.resources.find((resource) => resource.kind === "kmsKey")!;
    const policy = normalize(key.settings.policy);
    const tags = normalize(key.settings.tags);
    policySamples.push({ variant, value: policy });
    tagSamples.push({ variant, value: tags });
    // The policy and the tags are written once, as locals.
    const hoisted = new Map([
      [canonical(policy), expression(LOCALS.keyPolicy)],
      [canonical(tags), expression(LOCALS.tags)],
    ]);
    const hoist = (value: unknown): unknown => {
      const local = hoisted.get(canonical(value));
      if (local !== undefined) return local;
      if (Array.isArray(value)) return value.map(hoist);
      if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hoist(v)]));
      return value;
    };

    for (const resource of spec.resources) {
      if (!resources.has(resource.logicalId)) {
        resources.set(resource.logicalId, {
          logicalId: resource.logicalId,
          kind: resource.kind,
          type: RESOURCE_TYPES[resource.kind],
          name: TERRAFORM_NAMES.get(resource.logicalId)!,
          backupRegion: resource.region !== undefined,
          preventDestroy: resource.preventDestroy,
          condition: conditions.get(resource.logicalId),
          ...(resource.forEach !== undefined ? { forEach: listExpressionOf((resource.forEach as string[])[0]) } : {}),
          settings: [],
        });
      }
      const samples = settingSamples.get(resource.logicalId) ?? new Map<string, Sample[]>();
      settingSamples.set(resource.logicalId, samples);
      const settings = hoist(normalize(resource.settings)) as Record<string, unknown>;
      for (const name of new Set([...samples.keys(), ...Object.keys(settings)])) {
        samples.set(name, [...(samples.get(name) ?? []), { variant, value: settings[name] }]);
      }
    }
    const outputs = hoist(normalize(spec.outputs)) as Record<string, unknown>;
    for (const name of new Set([...outputSamples.keys(), ...Object.keys(outputs)])) {
      outputSamples.set(name, [...(outputSamples.get(name) ?? []), { variant, value: outputs[name] }]);
    }
    for (const check of spec.deferredChecks) {
      const normalized = { ...check, value: normalizeCheck(check.value) } as DeferredCheck;
      const id = canonical(normalized);
      deferred.set(id, { check: normalized, variants: [...(deferred.get(id)?.variants ?? []), variant] });
    }
    for (const problem of spec.warnings) {
      const id = canonical(problem);
      warnings.set(id, { problem, variants: [...(warnings.get(id)?.variants ?? []), variant] });
    }
  }

  // A setting that only some variants of a resource have is absent (null) in the others.
  const complete = (samples: Sample[], domain: Variant[]) => {
    const byVariant = new Map(samples.map((sample) => [sample.variant, sample]));
    return domain.map((variant) => byVariant.get(variant) ?? { variant, value: undefined });
  };
  for (const [logicalId, resource] of resources) {
    const domain = presence.get(logicalId)!;
    for (const [name, samples] of settingSamples.get(logicalId)!) {
      resource.settings.push([snakeCase(name), mergeSamples(SPACE, complete(samples, domain), "argument", `${logicalId}.${name}`)]);
    }
  }

  const validations = new Map<string, ModuleCheck[]>();
  const preconditions: ModuleCheck[] = [];
  let deployerLookupCondition: string | undefined;
  for (const { check, variants } of deferred.values()) {
    const value = expressionOfCheckedValue(check.value);
    if (value === undefined) throw new Error(`a check on ${check.input} the module cannot express`);
    const message = problemMessage(check) + ".";
    const variableName = snakeCase(check.input);
    const condition = checkCondition(check, value);
    // A validation block may read its own variable only (before Terraform 1.9).
    if (value === `var.${variableName}` && (condition.match(/\b(?:var|local|data)\.\w+/g) ?? []).every((read) => read === value)) {
      validations.set(variableName, [...(validations.get(variableName) ?? []), { condition, message }]);
      continue;
    }
    // Every choice the variants share, not the fewest: the check must not fire where the input
    // is already refused for another reason (no administrators at all, say).
    const where = SPACE.condition(variants, validDomain, false);
    if (check.kind === "deployerAdministers") deployerLookupCondition = where;
    preconditions.push({ condition: where === undefined ? condition : `${where} ? ${condition} : true`, message });
  }
  for (const { problem, variants } of problems.values()) {
    const where = SPACE.condition(variants, allVariants)!;
    preconditions.push({ condition: `!(${where})`, message: problemMessage(problem) + "." });
  }

  return {
    resources: [...resources.values()],
    outputs: [...outputSamples].map(([name, samples]) => [
      snakeCase(name),
      mergeSamples(SPACE, complete(samples, validDomain), "argument", `output ${name}`),
    ]),
    keyPolicy: mergeSamples(SPACE, policySamples, "argument", "key policy"),
    tags: mergeSamples(SPACE, tagSamples, "argument", "tags"),
    validations,
    preconditions,
    warnings: [...warnings.values()].map(({ problem, variants }) => {
      const where = SPACE.condition(variants, validDomain);
      return {
        input: snakeCase(problem.input),
        check: { condition: where === undefined ? "false" : `!(${where})`, message: problemMessage(problem) },
      };
    }),
    deployerLookupCondition,
  };
}
