// The module's README tables in terraform-docs' form, between its markers: requirements,
// providers, modules, resources, inputs and outputs, from what the generator printed. The prose
// around them is written by hand in terraform/README.md.
import type { GeneratedModule } from "./files";
import { AWS_PROVIDER_CONSTRAINT, TERRAFORM_CONSTRAINT } from "./requirements";
import { rootVariables } from "./variables";
import { printHcl } from "./hcl";
import { plainHcl } from "./values-hcl";

export const BEGIN = "<!-- BEGIN_TF_DOCS -->";
export const END = "<!-- END_TF_DOCS -->";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, "<br>");
const anchor = (kind: string, name: string) => `<a name="${kind}_${name}"></a> [${name}](#${kind}\\_${name.replace(/_/g, "\\_")})`;
const registry = (type: string, data: boolean) =>
  `https://registry.terraform.io/providers/hashicorp/aws/latest/docs/${data ? "data-sources" : "resources"}/${type.replace(/^aws_/, "")}`;

/** The generated part of the README, markers included. */
export function terraformDocs(module: GeneratedModule): string {
  // The root's own resources and data sources, as terraform-docs lists them (the submodule's are its own).
  const resources = [...module.files["main.tf"].matchAll(/^(resource|data) "(\w+)" "(\w+)"/gm)]
    .map((m) => ({ data: m[1] === "data", type: m[2], address: `${m[2]}.${m[3]}` }))
    .sort((a, b) => a.address.localeCompare(b.address));
  const rows = (header: string, lines: string[]) => `${header}\n${lines.join("\n")}`;
  const outputs = [...module.files["outputs.tf"].matchAll(/^output "(\w+)" \{\n\s+description = "((?:[^"\\]|\\.)*)"/gm)];
  return [
    BEGIN,
    "## Requirements",
    "",
    rows("| Name | Version |\n|------|---------|", [
      `| ${anchor("requirement", "terraform")} | ${TERRAFORM_CONSTRAINT} |`,
      `| ${anchor("requirement", "aws")} | ${AWS_PROVIDER_CONSTRAINT} |`,
    ]),
    "",
    "## Providers",
    "",
    rows("| Name | Version |\n|------|---------|", [
      `| ${anchor("provider", "aws")} | ${AWS_PROVIDER_CONSTRAINT} |`,
      `| ${anchor("provider", "aws.backup")} | ${AWS_PROVIDER_CONSTRAINT} |`,
    ]),
    "",
    "## Modules",
    "",
    rows(
      "| Name | Source | Version |\n|------|--------|---------|",
      [...module.files["monitoring.tf"].matchAll(/^module "(\w+)" \{\n\s+source\s+= "([^"]+)"/gm)].map(
        (m) => `| ${anchor("module", m[1])} | ${m[2]} | n/a |`,
      ),
    ),
    "",
    "## Resources",
    "",
    rows(
      "| Name | Type |\n|------|------|",
      resources.map((r) => `| [${r.address}](${registry(r.type, r.data)}) | ${r.data ? "data source" : "resource"} |`),
    ),
    "",
    "## Inputs",
    "",
    rows(
      "| Name | Description | Type | Default | Required |\n|------|-------------|------|---------|:--------:|",
      rootVariables().map((variable) => {
        const shown = variable.default === undefined ? "n/a" : `\`${printHcl(plainHcl(variable.default)).replace(/\n\s*/g, " ")}\``;
        return `| ${anchor("input", variable.name)} | ${cell(variable.description)} | \`${variable.type}\` | ${shown} | ${variable.default === undefined ? "yes" : "no"} |`;
      }),
    ),
    "",
    "## Outputs",
    "",
    rows(
      "| Name | Description |\n|------|-------------|",
      outputs.map((m) => `| ${anchor("output", m[1])} | ${cell(JSON.parse(`"${m[2]}"`))} |`),
    ),
    END,
  ].join("\n");
}

/** The README with its generated part replaced. */
export function withTerraformDocs(readme: string, module: GeneratedModule): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`terraform/README.md needs the markers ${BEGIN} and ${END}`);
  return readme.slice(0, start) + terraformDocs(module) + readme.slice(end + END.length);
}
