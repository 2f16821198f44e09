// The module's README: how to use it, what it guarantees, and its inputs and outputs from their declarations.
import { declaredMembers } from "./declarations";
import { fromValue, printHcl } from "./hcl";
import type { ModuleSpec } from "./module-spec";
import { snakeCase, terraformWords } from "./names";
import { AWS_PROVIDER_CONSTRAINT, TERRAFORM_CONSTRAINT } from "./requirements";
import type { ModuleVariable } from "./variables";

function markdownCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function readme(spec: ModuleSpec, variables: ModuleVariable[]): string {
  const docs = declaredMembers("spec-types.ts", "ByokOutputsSpec");
  const inputRows = variables.map((variable) => {
    const shown = variable.default === undefined ? "" : `\`${printHcl(fromValue(variable.default)).replace(/\n\s*/g, " ")}\``;
    return `| \`${variable.name}\` | ${markdownCell(variable.description)} | \`${variable.type}\` | ${shown} | ${variable.default === undefined ? "yes" : "no"} |`;
  });
  const outputRows = spec.outputs.map(([name]) => {
    const doc = docs.find((member) => snakeCase(member.name) === name)!;
    return `| \`${name}\` | ${markdownCell(terraformWords(doc.text))} |`;
  });
  const resources = [...spec.resources]
    .sort((a, b) => Number(a.backupRegion) - Number(b.backupRegion))
    .map(
      (resource) =>
        `- \`${resource.type}.${resource.name}\`${resource.condition ? ` (when \`${resource.condition}\`)` : ""}${resource.forEach ? " (one per alert email)" : ""}`,
    );
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
