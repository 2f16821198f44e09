// The variants: the core's input once per combination of the module's plan-time choices, with
// stand-ins for every value Terraform knows only at plan time, and the spec the core builds from it.
import { buildByokSpec, ByokValidationError, type ByokInput, type ByokProblem, type ByokSpec } from "../../shared";
import { buildEventPatternFromNames, defaultAliasName, LOGICAL_IDS } from "../../shared/internal";
import { ChoiceSpace, type Variant } from "./choices";
import { canonical } from "./merge";
import { snakeCase } from "./names";
import { expression, isSymbolic, listExpression, mapExpression } from "./symbols";

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
  {
    name: "replicaNamesByResource",
    when: `length(${LOCALS.replicaNamesByResource}) > 0`,
    unless: `length(${LOCALS.replicaNamesByResource}) == 0`,
  },
  { name: "noAlertEmails", when: "length(var.alert_emails) == 0", unless: "length(var.alert_emails) > 0", emptyList: "var.alert_emails" },
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
    alertEmails: taken("noAlertEmails") ? [] : listExpression("var.alert_emails"),
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

const READ_THROUGH = Object.entries(READ_THROUGH_LOCALS).flatMap(([from, to]) => [
  [expression(from), expression(to)],
  [listExpression(from)[0], listExpression(to)[0]],
]);

export function readThroughLocals(value: unknown): unknown {
  if (typeof value === "string") {
    if (!value.includes(expression("var.").slice(0, 1))) return value;
    return READ_THROUGH.reduce((text, [from, to]) => (text.includes(from) ? text.split(from).join(to) : text), value);
  }
  if (Array.isArray(value)) return value.map(readThroughLocals);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, readThroughLocals(item)]));
  return value;
}

/** The default alias as the core makes it from the cluster name. */
export const defaultAlias = () => defaultAliasName(variable("clusterName"));

export interface Built {
  variant: Variant;
  spec: ByokSpec;
}

export function buildVariants(): { built: Built[]; problems: Map<string, { problem: ByokProblem; variants: Variant[] }> } {
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
