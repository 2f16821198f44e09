// The module's files, as text: what `npm run generate:terraform` writes to terraform/ and what the
// test compares with the committed copy.
import { NAMED_BY_KEY_ID_IN_REPLICA_REGION, PRIMARY_ONLY_EVENT_NAMES, providerRegionMismatch } from "../../shared/internal";
import { declaredMembers } from "./declarations";
import { fromValue, hclExpression, printBlock, quoted, type BlockItem, type Hcl } from "./hcl";
import { buildModuleSpec, type ModuleCheck, type ModuleResource, type ModuleSpec } from "./module-spec";
import { snakeCase, terraformWords } from "./names";
import { readme } from "./readme";
import { AWS_PROVIDER_CONSTRAINT, TERRAFORM_CONSTRAINT } from "./requirements";
import { expression } from "./symbols";
import { moduleVariables, type ModuleVariable } from "./variables";
import { defaultAlias, LOCALS } from "./variants";

const HEADER = "# Generated from camunda-byok-kms's core by `npm run generate:terraform`: do not edit.\n";

function checkBlock(kind: "validation" | "precondition" | "assert", check: ModuleCheck): BlockItem {
  return {
    block: kind,
    body: [
      { attribute: "condition", value: hclExpression(check.condition) },
      { attribute: "error_message", value: { kind: "value", value: templated(check.message) } },
    ],
  };
}

/** A message that may name values: `${...}` in it stays an interpolation. */
function templated(text: string): string {
  return text.replace(/\$\{([^}]*)\}/g, (_, inner: string) => expression(inner));
}

function variablesFile(spec: ModuleSpec, variables: ModuleVariable[]): string {
  return (
    HEADER +
    variables
      .map((variable) => {
        const body: BlockItem[] = [
          { attribute: "description", value: { kind: "value", value: variable.description } },
          { attribute: "type", value: hclExpression(variable.type) },
        ];
        if (variable.default !== undefined) body.push({ attribute: "default", value: fromValue(variable.default) });
        if (variable.default !== undefined && variable.default !== null) body.push({ attribute: "nullable", value: fromValue(false) });
        for (const check of spec.validations.get(variable.name) ?? []) {
          const nullable = variable.default === null;
          body.push(
            { blank: true },
            checkBlock(
              "validation",
              nullable ? { ...check, condition: `var.${variable.name} == null ? true : ${check.condition}` } : check,
            ),
          );
        }
        return "\n" + printBlock("variable", [variable.name], body);
      })
      .join("")
  );
}

function resourceBlock(resource: ModuleResource, lifecycle: BlockItem[]): string {
  const body: BlockItem[] = [];
  if (resource.forEach !== undefined) {
    const list = resource.condition === undefined ? resource.forEach : `${resource.condition} ? ${resource.forEach} : []`;
    body.push({ attribute: "for_each", value: hclExpression(`toset(${list})`) });
  } else if (resource.condition !== undefined) {
    body.push({ attribute: "count", value: hclExpression(`${resource.condition} ? 1 : 0`) });
  }
  if (resource.backupRegion) body.push({ attribute: "provider", value: hclExpression("aws.backup") });
  if (body.length > 0) body.push({ blank: true });
  for (const [name, value] of resource.settings) body.push({ attribute: name, value });
  if (resource.preventDestroy) lifecycle.unshift({ attribute: "prevent_destroy", value: fromValue(true) });
  if (lifecycle.length > 0) body.push({ blank: true }, { block: "lifecycle", body: lifecycle });
  return "\n" + printBlock("resource", [resource.type, resource.name], body);
}

function local(name: string, value: Hcl): { attribute: string; value: Hcl } {
  return { attribute: name.replace(/^local\./, ""), value };
}

function mainFile(spec: ModuleSpec): string {
  const keys = spec.resources.filter((resource) => resource.kind === "kmsKey" || resource.kind === "kmsReplicaKey");
  const names = (list: readonly string[]) => JSON.stringify(list).replace(/,/g, ", ");
  const locals: BlockItem[] = [
    local(LOCALS.dualRegion, hclExpression("var.backup_region != null")),
    local(LOCALS.aliasName, hclExpression(`var.alias_name != null ? var.alias_name : ${quoted(defaultAlias())}`)),
    local(LOCALS.administrators, hclExpression("distinct(var.key_administrator_arns)")),
    local(LOCALS.alertTopicArn, hclExpression("var.alert_topic_arn != null ? var.alert_topic_arn : one(aws_sns_topic.alerts[*].arn)")),
    local(
      LOCALS.replicaAlertTopicArn,
      hclExpression("var.backup_alert_topic_arn != null ? var.backup_alert_topic_arn : one(aws_sns_topic.replica_alerts[*].arn)"),
    ),
    { blank: true },
    { comment: "A replica has no rotation of its own, and CloudTrail names it by key id in UpdatePrimaryRegion records." },
    local(
      "replica_event_names",
      hclExpression(`[for name in var.monitored_event_names : name if !contains(${names(PRIMARY_ONLY_EVENT_NAMES)}, name)]`),
    ),
    local(
      LOCALS.replicaNamesByKeyId,
      hclExpression(`[for name in local.replica_event_names : name if contains(${names(NAMED_BY_KEY_ID_IN_REPLICA_REGION)}, name)]`),
    ),
    local(
      LOCALS.replicaNamesByResource,
      hclExpression(`[for name in local.replica_event_names : name if !contains(${names(NAMED_BY_KEY_ID_IN_REPLICA_REGION)}, name)]`),
    ),
    { blank: true },
    local(LOCALS.tags, spec.tags),
    { blank: true },
    local(LOCALS.keyPolicy, spec.keyPolicy),
  ];
  const deployer: BlockItem[] = [
    ...(spec.deployerLookupCondition !== undefined
      ? [{ attribute: "count", value: hclExpression(`${spec.deployerLookupCondition} ? 1 : 0`) }]
      : []),
    { attribute: "arn", value: hclExpression("data.aws_caller_identity.current.arn") },
  ];
  const regionCheck = (input: string, providerName: string, message: string): ModuleCheck => ({
    condition: `data.aws_region.${providerName}.id == var.${input}`,
    message,
  });
  const keyPreconditions = [
    regionCheck(
      "cluster_region",
      "current",
      `camunda-byok-kms: cluster_region ${providerRegionMismatch(expression("var.cluster_region"), expression("data.aws_region.current.id"))}.`,
    ),
    ...spec.preconditions,
  ];
  const replicaPreconditions = [
    regionCheck(
      "backup_region",
      "backup",
      `camunda-byok-kms: backup_region is "${expression("var.backup_region")}", but the aws.backup provider deploys to "${expression("data.aws_region.backup.id")}": the replica must live in the backup region, so configure aws.backup for "${expression("var.backup_region")}".`,
    ),
  ];
  return [
    HEADER,
    printBlock("data", ["aws_caller_identity", "current"], []),
    "\n" + printBlock("data", ["aws_partition", "current"], []),
    "\n" + printBlock("data", ["aws_region", "current"], []),
    "\n" + printBlock("data", ["aws_region", "backup"], [{ attribute: "provider", value: hclExpression("aws.backup") }]),
    "\n# The role or user that deploys (an assumed role's session resolved to its role): the lockout check needs it.\n",
    printBlock("data", ["aws_iam_session_context", "deployer"], deployer),
    "\n" + printBlock("locals", [], locals),
    ...keys.map((key) =>
      resourceBlock(
        key,
        (key.kind === "kmsKey" ? keyPreconditions : replicaPreconditions).map((check) => checkBlock("precondition", check)),
      ),
    ),
  ].join("");
}

function monitoringFile(spec: ModuleSpec): string {
  const resources = spec.resources.filter((resource) => resource.kind !== "kmsKey" && resource.kind !== "kmsReplicaKey");
  const order = (resource: ModuleResource) => (resource.backupRegion ? 1 : 0);
  const checks = spec.warnings
    .map((warning) => "\n" + printBlock("check", [warning.input], [checkBlock("assert", warning.check)]))
    .join("");
  return (
    HEADER +
    [...resources]
      .sort((a, b) => order(a) - order(b))
      .map((resource) => resourceBlock(resource, []))
      .join("") +
    checks
  );
}

function outputsFile(spec: ModuleSpec): string {
  const docs = new Map(
    declaredMembers("spec-types.ts", "ByokOutputsSpec").map((member) => [snakeCase(member.name), terraformWords(member.text)]),
  );
  return (
    HEADER +
    spec.outputs
      .map(
        ([name, value]) =>
          "\n" +
          printBlock(
            "output",
            [name],
            [
              { attribute: "description", value: { kind: "value", value: docs.get(name)! } },
              { attribute: "value", value },
            ],
          ),
      )
      .join("")
  );
}

function versionsFile(): string {
  return (
    HEADER +
    "\n" +
    printBlock(
      "terraform",
      [],
      [
        { attribute: "required_version", value: fromValue(TERRAFORM_CONSTRAINT) },
        { blank: true },
        {
          block: "required_providers",
          body: [
            {
              attribute: "aws",
              value: {
                kind: "object",
                entries: [
                  ["source", fromValue("hashicorp/aws")],
                  ["version", fromValue(AWS_PROVIDER_CONSTRAINT)],
                  ["configuration_aliases", hclExpression("[aws.backup]")],
                ],
              },
            },
          ],
        },
      ],
    )
  );
}

/** Every file of the module, by path under terraform/. */
export function moduleFiles(): Record<string, string> {
  const spec = buildModuleSpec();
  const variables = moduleVariables();
  return {
    "versions.tf": versionsFile(),
    "variables.tf": variablesFile(spec, variables),
    "main.tf": mainFile(spec),
    "monitoring.tf": monitoringFile(spec),
    "outputs.tf": outputsFile(spec),
    "README.md": readme(spec, variables),
  };
}
