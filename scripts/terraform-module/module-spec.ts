// The Terraform module as the core describes it: the core's spec is built for every combination of
// the choices below, with stand-ins for every value Terraform knows only at plan time, and what
// the variants build is merged into one configuration whose conditions make those choices.
import { buildByokSpec, ByokValidationError, type ByokInput, type ByokProblem, type ByokSpec, type ResourceKind } from "../../shared";
import {
  buildEventPatternFromNames,
  defaultAliasName,
  INPUT_NAMES,
  LOGICAL_IDS,
  renderTemplate,
  type DeferredCheck,
  type SiteRole,
} from "../../shared/internal";
import { ChoiceSpace, type Variant } from "./choices";
import type { Hcl } from "./hcl";
import { canonical, mergeSamples, type Sample } from "./merge";
import { expression, isSymbolic, listExpression, listExpressionOf, mapExpression, wholeExpression } from "./symbols";

export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** A text about the inputs, with each input named as the module's variable. */
export function terraformWords(text: string): string {
  return [...INPUT_NAMES].sort((a, b) => b.length - a.length).reduce((out, name) => out.replace(new RegExp(`\\b${name}\\b`, "g"), snakeCase(name)), text);
}

/** Locals the choices and stand-ins read; files.ts defines them. */
export const LOCALS = {
  dualRegion: "local.dual_region",
  aliasName: "local.alias_name",
  administrators: "local.key_administrator_arns",
  alertTopicArn: "local.alert_topic_arn",
  replicaAlertTopicArn: "local.replica_alert_topic_arn",
  replicaNamesByResource: "local.replica_event_names_by_resource",
  replicaNamesByKeyId: "local.replica_event_names_by_key_id",
  tags: "local.tags",
  keyPolicy: "local.key_policy",
} as const;

export const SPACE = new ChoiceSpace([
  { name: "dualRegion", when: LOCALS.dualRegion, unless: `!${LOCALS.dualRegion}` },
  { name: "existingAlertTopic", when: "var.alert_topic_arn != null", unless: "var.alert_topic_arn == null" },
  { name: "existingBackupAlertTopic", when: "var.backup_alert_topic_arn != null", unless: "var.backup_alert_topic_arn == null" },
  { name: "monitorAccessDenied", when: "var.monitor_access_denied", unless: "!var.monitor_access_denied" },
  { name: "defaultAccountAccess", when: "var.enable_default_account_access", unless: "!var.enable_default_account_access" },
  { name: "administrators", when: `length(${LOCALS.administrators}) > 0`, unless: `length(${LOCALS.administrators}) == 0` },
  { name: "restrictGrants", when: "var.restrict_grants_to_aws_resources", unless: "!var.restrict_grants_to_aws_resources" },
  { name: "keyRotation", when: "var.enable_key_rotation", unless: "!var.enable_key_rotation" },
  { name: "replicaNamesByResource", when: `length(${LOCALS.replicaNamesByResource}) > 0`, unless: `length(${LOCALS.replicaNamesByResource}) == 0` },
  { name: "replicaNamesByKeyId", when: `length(${LOCALS.replicaNamesByKeyId}) > 0`, unless: `length(${LOCALS.replicaNamesByKeyId}) == 0` },
]);

/** Inputs that are not module variables, and why. */
export const NOT_VARIABLES: Partial<Record<keyof ByokInput, string>> = {
  preventDestroy: "Terraform takes `prevent_destroy` only as a literal, so the module always protects the key and the replica",
};

const variable = (name: keyof ByokInput) => expression(`var.${snakeCase(name)}`);

/** The input of one variant: stand-ins for the values, the variant's choices for the rest. */
export function variantInput(variant: Variant): ByokInput {
  const taken = (name: string) => SPACE.taken(variant, name);
  return {
    camundaClusterRoleArn: variable("camundaClusterRoleArn"),
    clusterRegion: variable("clusterRegion"),
    clusterName: variable("clusterName"),
    ...(taken("dualRegion") ? { backupRegion: variable("backupRegion") } : {}),
    keyAdministratorArns: taken("administrators") ? listExpression("var.key_administrator_arns") : [],
    enableDefaultAccountAccess: taken("defaultAccountAccess"),
    restrictGrantsToAwsResources: taken("restrictGrants"),
    aliasName: variable("aliasName"),
    deletionWindowInDays: variable("deletionWindowInDays") as unknown as number,
    enableKeyRotation: taken("keyRotation"),
    ...(taken("keyRotation") ? { rotationPeriodInDays: variable("rotationPeriodInDays") as unknown as number } : {}),
    preventDestroy: true,
    alertEmails: listExpression("var.alert_emails"),
    ...(taken("existingAlertTopic") ? { alertTopicArn: variable("alertTopicArn") } : {}),
    ...(taken("existingBackupAlertTopic") ? { backupAlertTopicArn: variable("backupAlertTopicArn") } : {}),
    monitoredEventNames: listExpression("var.monitored_event_names"),
    monitorAccessDenied: taken("monitorAccessDenied"),
    tags: mapExpression("var.tags"),
  };
}

/**
 * Where resources read a variable through a local: the checks judge what the user gave, the
 * resources use what the module makes of it (the alias or its default, the existing topic or the
 * new one, the administrators without repeats).
 */
const READ_THROUGH_LOCALS: Record<string, string> = {
  "var.alias_name": LOCALS.aliasName,
  "var.alert_topic_arn": LOCALS.alertTopicArn,
  "var.backup_alert_topic_arn": LOCALS.replicaAlertTopicArn,
  "var.key_administrator_arns": LOCALS.administrators,
};

function readThroughLocals(value: unknown): unknown {
  if (typeof value === "string") {
    return Object.entries(READ_THROUGH_LOCALS).reduce((text, [from, to]) => text.split(expression(from)).join(expression(to)).split(listExpression(from)[0]).join(listExpression(to)[0]), value);
  }
  if (Array.isArray(value)) return value.map(readThroughLocals);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, readThroughLocals(item)]));
  return value;
}

/** The default alias as the core makes it from the cluster name. */
export const defaultAlias = () => defaultAliasName(variable("clusterName"));

export const RESOURCE_TYPES: Record<ResourceKind, string> = {
  kmsKey: "aws_kms_key",
  kmsReplicaKey: "aws_kms_replica_key",
  kmsAlias: "aws_kms_alias",
  snsTopic: "aws_sns_topic",
  snsTopicSubscription: "aws_sns_topic_subscription",
  snsTopicPolicy: "aws_sns_topic_policy",
  eventRule: "aws_cloudwatch_event_rule",
  eventTarget: "aws_cloudwatch_event_target",
  metricAlarm: "aws_cloudwatch_metric_alarm",
};

/** Each primary resource's Terraform name; a replica's is `replica_<name>` (or `replica`). */
const PRIMARY_NAMES: Record<keyof (typeof LOGICAL_IDS)["primary"], string> = {
  key: "this",
  alias: "this",
  alertTopic: "alerts",
  alertTopicPolicy: "alerts",
  alertSubscription: "alerts",
  alertSubscriptions: "alerts",
  keyEventsRule: "key_events",
  keyEventsTarget: "key_events",
  accessDeniedRule: "access_denied",
  accessDeniedTarget: "access_denied",
  alarm: "key_deletion",
  keyEventsDeliveryAlarm: "key_events_delivery",
  accessDeniedDeliveryAlarm: "access_denied_delivery",
};

const TERRAFORM_NAMES = new Map<string, string>();
for (const role of ["primary", "replica"] as SiteRole[]) {
  for (const [key, name] of Object.entries(PRIMARY_NAMES)) {
    const id = LOGICAL_IDS[role][key as keyof typeof PRIMARY_NAMES];
    if (typeof id !== "string") continue;
    TERRAFORM_NAMES.set(id, role === "primary" ? name : name === "this" ? "replica" : `replica_${name}`);
  }
}

/** The topic ARN references every variant agrees on: the existing topic or the new one. */
const TOPIC_ARN_LOCALS: Record<string, string> = {
  [`${LOGICAL_IDS.primary.alertTopic}.arn`]: LOCALS.alertTopicArn,
  [`${LOGICAL_IDS.replica.alertTopic}.arn`]: LOCALS.replicaAlertTopicArn,
};

const DEPLOYMENT_REFERENCES: Record<string, string> = {
  "account.id": "data.aws_caller_identity.current.account_id",
  "partition.name": "data.aws_partition.current.partition",
  "each.value": "each.value",
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

/** What a check's value must satisfy, as HCL over `value`. */
export function checkCondition(check: DeferredCheck, value: string): string {
  switch (check.kind) {
    case "matches":
      return `can(regex(${JSON.stringify(check.pattern)}, ${value}))`;
    case "notMatches":
      return `!can(regex(${JSON.stringify(check.pattern)}, ${value}))`;
    case "differsFrom":
      return `${value} != ${otherValue(check.other)}`;
    case "eachMatches":
      return `alltrue([for element in ${value} : can(regex(${JSON.stringify(check.pattern)}, element))])`;
    case "distinctElements":
      return check.ignoreCase
        ? `length(distinct([for element in ${value} : lower(element)])) == length(${value})`
        : `length(distinct(${value})) == length(${value})`;
    case "notEmpty":
      return `length(${value}) > 0`;
    case "oneOf":
      return `contains(${JSON.stringify(check.values).replace(/,/g, ", ")}, ${value})`;
    case "wholeNumberBetween":
      return `${value} >= ${check.min} && ${value} <= ${check.max} && floor(${value}) == ${value}`;
    case "deployerAdministers":
      return `contains(${value}, ${DEPLOYER_ARN}) || contains(${value}, "arn:\${${DEPLOYMENT_REFERENCES["partition.name"]}}:iam::\${${DEPLOYMENT_REFERENCES["account.id"]}}:root")`;
  }
}

function otherValue(other: unknown): string {
  const found = typeof other === "string" ? wholeExpression(other) : undefined;
  if (found === undefined) throw new Error("a comparison with a value the module does not know");
  return found;
}

export const DEPLOYER_ARN = "one(data.aws_iam_session_context.deployer[*].issuer_arn)";

export function problemMessage(problem: ByokProblem): string {
  return `camunda-byok-kms: ${terraformWords(`${problem.input} ${problem.message}`)}`;
}

interface Built {
  variant: Variant;
  spec: ByokSpec;
}

function buildVariants(): { built: Built[]; problems: Map<string, { problem: ByokProblem; variants: Variant[] }> } {
  const built: Built[] = [];
  const problems = new Map<string, { problem: ByokProblem; variants: Variant[] }>();
  for (const variant of SPACE.variants()) {
    try {
      const spec = buildByokSpec(variantInput(variant), { isUnresolved: isSymbolic });
      useTerraformEventNames(spec, variant);
      built.push({ variant, spec });
    } catch (error) {
      if (!(error instanceof ByokValidationError)) throw error;
      for (const problem of error.problems) {
        const key = canonical(problem);
        problems.set(key, { problem, variants: [...(problems.get(key)?.variants ?? []), variant] });
      }
    }
  }
  return { built, problems };
}

/**
 * The replica's key-events pattern over the event-name lists Terraform sorts (files.ts writes the
 * locals from the core's lists): the core cannot sort names it does not know yet.
 */
function useTerraformEventNames(spec: ByokSpec, variant: Variant): void {
  const rule = spec.resources.find((resource) => resource.logicalId === LOGICAL_IDS.replica.keyEventsRule);
  if (!rule || rule.kind !== "eventRule") return;
  const names = {
    byResource: SPACE.taken(variant, "replicaNamesByResource") ? listExpression(LOCALS.replicaNamesByResource) : [],
    byKeyId: SPACE.taken(variant, "replicaNamesByKeyId") ? listExpression(LOCALS.replicaNamesByKeyId) : [],
  };
  rule.settings.eventPattern = {
    $json: buildEventPatternFromNames({ $ref: `${LOGICAL_IDS.replica.key}.arn` }, names, variable("camundaClusterRoleArn")),
  };
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
  const conditions = new Map([...presence].map(([id, variants]) => [id, SPACE.condition(variants, validDomain)]));
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
    const hoisted = new Map([[canonical(policy), expression(LOCALS.keyPolicy)], [canonical(tags), expression(LOCALS.tags)]]);
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
    const value = typeof check.value === "string" ? wholeExpression(check.value) : listExpressionOf((check.value as string[])[0]);
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
    outputs: [...outputSamples].map(([name, samples]) => [snakeCase(name), mergeSamples(SPACE, complete(samples, validDomain), "argument", `output ${name}`)]),
    keyPolicy: mergeSamples(SPACE, policySamples, "argument", "key policy"),
    tags: mergeSamples(SPACE, tagSamples, "argument", "tags"),
    validations,
    preconditions,
    warnings: [...warnings.values()].map(({ problem, variants }) => {
      const where = SPACE.condition(variants, validDomain);
      return { input: snakeCase(problem.input), check: { condition: where === undefined ? "false" : `!(${where})`, message: problemMessage(problem) } };
    }),
    deployerLookupCondition,
  };
}
