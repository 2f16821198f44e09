// The module's files, as text: what `npm run generate:terraform` writes to terraform/ and what the
// test compares with the committed copy.
import { INPUT_NAMES, NAMED_BY_KEY_ID_IN_REPLICA_REGION, PRIMARY_ONLY_EVENT_NAMES, providerRegionMismatch, withDefaults } from "../../shared/internal";
import type { ByokInput } from "../../shared";
import { declaredMembers, type Declared } from "./declarations";
import { fromValue, hclExpression, printBlock, printHcl, quoted, type BlockItem, type Hcl } from "./hcl";
import {
  buildModuleSpec,
  defaultAlias,
  LOCALS,
  NOT_VARIABLES,
  snakeCase,
  terraformWords,
  type ModuleCheck,
  type ModuleResource,
  type ModuleSpec,
} from "./module-spec";
import { expression } from "./symbols";

/** The AWS provider versions the module works with: `rotation_period_in_days` came in 5.49. */
export const AWS_PROVIDER_CONSTRAINT = ">= 5.49.0, < 7.0.0";
/** `check` blocks came in Terraform 1.5 (OpenTofu 1.6). */
export const TERRAFORM_CONSTRAINT = ">= 1.5.0";

const HEADER = "# Generated from camunda-byok-kms's core by `npm run generate:terraform`: do not edit.\n";

const HCL_TYPES: Record<string, string> = {
  S: "string",
  string: "string",
  N: "number",
  B: "bool",
  boolean: "bool",
  L: "list(string)",
  "S[]": "list(string)",
  M: "map(string)",
};

export interface ModuleVariable {
  name: string;
  input: keyof ByokInput;
  description: string;
  type: string;
  /** undefined: required; null: optional without a value. */
  default: unknown;
}

/**
 * A declaration's text for a Terraform reader: variable names, no asides about Pulumi's plain
 * inputs, and no default where the variable's own default says it (a null one needs the words).
 */
function terraformText(text: string, literalDefault: boolean): string {
  const sentences = (literalDefault ? text.replace(/\s*Default: .*$/, "") : text).split(/(?<=\.)\s+(?=[A-Z])/);
  return terraformWords(sentences.filter((sentence) => !/Pulumi|\bplain\b/.test(sentence)).join(" "));
}

export function moduleVariables(): ModuleVariable[] {
  const declared = new Map(declaredMembers("inputs.ts", "ByokInputs").map((member) => [member.name, member]));
  // A default that follows another input (the alias) is null here and resolved in a local.
  const base = { camundaClusterRoleArn: "", clusterRegion: "", clusterName: "" };
  const one = withDefaults({ ...base, clusterName: "one" }) as Record<string, unknown>;
  const other = withDefaults({ ...base, clusterName: "other" }) as Record<string, unknown>;
  return INPUT_NAMES.filter((name) => NOT_VARIABLES[name] === undefined).map((name) => {
    const member = declared.get(name) as Declared;
    const type = HCL_TYPES[member.type];
    if (!type) throw new Error(`no Terraform type for ${name}: ${member.type}`);
    const follows = JSON.stringify(one[name]) !== JSON.stringify(other[name]);
    const defaultValue = !member.optional ? undefined : follows || one[name] === undefined ? null : one[name];
    return {
      name: snakeCase(name),
      input: name,
      description: terraformText(member.text, defaultValue !== undefined && defaultValue !== null),
      type,
      default: defaultValue,
    };
  });
}

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
  return HEADER + variables
    .map((variable) => {
      const body: BlockItem[] = [
        { attribute: "description", value: { kind: "value", value: variable.description } },
        { attribute: "type", value: hclExpression(variable.type) },
      ];
      if (variable.default !== undefined) body.push({ attribute: "default", value: fromValue(variable.default) });
      if (variable.default !== undefined && variable.default !== null) body.push({ attribute: "nullable", value: fromValue(false) });
      for (const check of spec.validations.get(variable.name) ?? []) {
        const nullable = variable.default === null;
        body.push({ blank: true }, checkBlock("validation", nullable ? { ...check, condition: `var.${variable.name} == null ? true : ${check.condition}` } : check));
      }
      return "\n" + printBlock("variable", [variable.name], body);
    })
    .join("");
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
    local(LOCALS.replicaAlertTopicArn, hclExpression("var.backup_alert_topic_arn != null ? var.backup_alert_topic_arn : one(aws_sns_topic.replica_alerts[*].arn)")),
    { blank: true },
    { comment: "A replica has no rotation of its own, and CloudTrail names it by key id in UpdatePrimaryRegion records." },
    local("replica_event_names", hclExpression(`[for name in var.monitored_event_names : name if !contains(${names(PRIMARY_ONLY_EVENT_NAMES)}, name)]`)),
    local(LOCALS.replicaNamesByKeyId, hclExpression(`[for name in local.replica_event_names : name if contains(${names(NAMED_BY_KEY_ID_IN_REPLICA_REGION)}, name)]`)),
    local(LOCALS.replicaNamesByResource, hclExpression(`[for name in local.replica_event_names : name if !contains(${names(NAMED_BY_KEY_ID_IN_REPLICA_REGION)}, name)]`)),
    { blank: true },
    local(LOCALS.tags, spec.tags),
    { blank: true },
    local(LOCALS.keyPolicy, spec.keyPolicy),
  ];
  const deployer: BlockItem[] = [
    ...(spec.deployerLookupCondition !== undefined ? [{ attribute: "count", value: hclExpression(`${spec.deployerLookupCondition} ? 1 : 0`) }] : []),
    { attribute: "arn", value: hclExpression("data.aws_caller_identity.current.arn") },
  ];
  const regionCheck = (input: string, providerName: string, message: string): ModuleCheck => ({
    condition: `data.aws_region.${providerName}.id == var.${input}`,
    message,
  });
  const keyPreconditions = [
    regionCheck("cluster_region", "current", `camunda-byok-kms: cluster_region ${providerRegionMismatch(expression("var.cluster_region"), expression("data.aws_region.current.id"))}.`),
    ...spec.preconditions,
  ];
  const replicaPreconditions = [
    regionCheck("backup_region", "backup", `camunda-byok-kms: backup_region is "${expression("var.backup_region")}", but the aws.backup provider deploys to "${expression("data.aws_region.backup.id")}": the replica must live in the backup region, so configure aws.backup for "${expression("var.backup_region")}".`),
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
    ...keys.map((key) => resourceBlock(key, (key.kind === "kmsKey" ? keyPreconditions : replicaPreconditions).map((check) => checkBlock("precondition", check)))),
  ].join("");
}

function monitoringFile(spec: ModuleSpec): string {
  const resources = spec.resources.filter((resource) => resource.kind !== "kmsKey" && resource.kind !== "kmsReplicaKey");
  const order = (resource: ModuleResource) => (resource.backupRegion ? 1 : 0);
  const checks = spec.warnings.map((warning) => "\n" + printBlock("check", [warning.input], [checkBlock("assert", warning.check)])).join("");
  return HEADER + [...resources].sort((a, b) => order(a) - order(b)).map((resource) => resourceBlock(resource, [])).join("") + checks;
}

function outputsFile(spec: ModuleSpec): string {
  const docs = new Map(declaredMembers("spec-types.ts", "ByokOutputsSpec").map((member) => [snakeCase(member.name), terraformWords(member.text)]));
  return HEADER + spec.outputs
    .map(([name, value]) => "\n" + printBlock("output", [name], [
      { attribute: "description", value: { kind: "value", value: docs.get(name)! } },
      { attribute: "value", value },
    ]))
    .join("");
}

function versionsFile(): string {
  return HEADER + "\n" + printBlock("terraform", [], [
    { attribute: "required_version", value: fromValue(TERRAFORM_CONSTRAINT) },
    { blank: true },
    {
      block: "required_providers",
      body: [{
        attribute: "aws",
        value: {
          kind: "object",
          entries: [
            ["source", fromValue("hashicorp/aws")],
            ["version", fromValue(AWS_PROVIDER_CONSTRAINT)],
            ["configuration_aliases", hclExpression("[aws.backup]")],
          ],
        },
      }],
    },
  ]);
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function readme(spec: ModuleSpec, variables: ModuleVariable[]): string {
  const docs = declaredMembers("spec-types.ts", "ByokOutputsSpec");
  const inputRows = variables.map((variable) => {
    const shown = variable.default === undefined ? "" : `\`${printHcl(fromValue(variable.default)).replace(/\n\s*/g, " ")}\``;
    return `| \`${variable.name}\` | ${markdownCell(variable.description)} | \`${variable.type}\` | ${shown} | ${variable.default === undefined ? "yes" : "no"} |`;
  });
  const outputRows = spec.outputs.map(([name]) => {
    const doc = docs.find((member) => snakeCase(member.name) === name)!;
    return `| \`${name}\` | ${markdownCell(terraformWords(doc.text))} |`;
  });
  const resources = [...spec.resources].sort((a, b) => Number(a.backupRegion) - Number(b.backupRegion)).map((resource) => `- \`${resource.type}.${resource.name}\`${resource.condition ? ` (when \`${resource.condition}\`)` : ""}${resource.forEach ? " (one per alert email)" : ""}`);
  return `<!-- Generated from camunda-byok-kms's core by \`npm run generate:terraform\`: do not edit. -->
# camunda-byok-kms Terraform module

The customer side of Camunda 8 SaaS "Bring Your Own Key" on AWS, for Terraform and OpenTofu: a
symmetric KMS key whose policy lets the Camunda cluster's IAM role use it, its alias, and the alerts
that fire when someone disables, deletes or re-scopes it. Paste \`key_arn\` (and \`replica_key_arn\`)
into the Camunda Console.

It is generated from the same core as the package's Pulumi component and CDKTF construct, so the key
policy, the event patterns and the alarms are the ones they create (a test applies both and compares).

## Usage

\`\`\`hcl
provider "aws" {
  region = "eu-central-1"
}

module "camunda_byok" {
  source = "git::https://github.com/<owner>/camunda-byok-kms.git//terraform?ref=v0.1.0"

  camunda_cluster_role_arn = "arn:aws:iam::123456789012:role/c8-cluster/c8-apps-0000"
  cluster_region           = "eu-central-1"
  cluster_name             = "payments-prod"
  alert_emails             = ["oncall@example.com"]

  # The replica's provider: the backup region with backup_region, otherwise the same provider.
  providers = {
    aws        = aws
    aws.backup = aws
  }
}

output "key_arn" {
  value = module.camunda_byok.key_arn
}
\`\`\`

For dual-region backups, add a provider for the backup region and set \`backup_region\`:

\`\`\`hcl
provider "aws" {
  alias  = "backup"
  region = "eu-west-1"
}

module "camunda_byok" {
  # ...as above, plus:
  backup_region = "eu-west-1"
  providers = {
    aws        = aws
    aws.backup = aws.backup
  }
}
\`\`\`

Choose \`backup_region\` before the first \`apply\`: adding or removing it later replaces the key, which
Camunda cannot follow.

## Safety

- The key and the replica have \`prevent_destroy\`: Terraform takes it only as a literal, so unlike the
  Pulumi and CDKTF front ends the module has no \`prevent_destroy\` input. A deleted key loses the
  cluster's data. To retire a key on purpose, take it out of the state
  (\`terraform state rm module.camunda_byok.aws_kms_key.this\`) and schedule its deletion with
  \`aws kms schedule-key-deletion\`, which waits \`deletion_window_in_days\`.
- Bad values stop \`terraform plan\` before anything is created: each variable's \`validation\` blocks
  and the key's preconditions say what is wrong with which input, in the package's words.
- The alerts need a CloudTrail trail that logs management events in each key's region.
- Requires Terraform ${TERRAFORM_CONSTRAINT} and the AWS provider ${AWS_PROVIDER_CONSTRAINT}; tested with
  Terraform 1.11.4 and the provider 5.100.0. OpenTofu 1.6+ reads the same configuration, but was not
  run here.

## Inputs

| Name | Description | Type | Default | Required |
|---|---|---|---|---|
${inputRows.join("\n")}

## Outputs

| Name | Description |
|---|---|
${outputRows.join("\n")}

## Resources

${resources.join("\n")}
`;
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
