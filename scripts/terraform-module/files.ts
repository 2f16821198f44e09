// The module's files, as text: what `npm run generate:terraform` writes to terraform/ and what the
// test compares with the committed copy. Examples, tests and the README's prose are written by
// hand; the README's tables between the terraform-docs markers are generated here.
import { type BlockItem, hclExpression, hclValue, printBlock } from "./hcl";
import { monitoringModule } from "./monitoring-module";
import { AWS_PROVIDER_CONSTRAINT, TERRAFORM_CONSTRAINT } from "./requirements";
import { rootModule } from "./root-module";

const HEADER = "# Generated from camunda-byok-kms's core by `npm run generate:terraform`: edit the core, not this file.\n";

function versionsFile(aliases: string[]): string {
  const aws: [string, ReturnType<typeof hclValue>][] = [
    ["source", hclValue("hashicorp/aws")],
    ["version", hclValue(AWS_PROVIDER_CONSTRAINT)],
  ];
  if (aliases.length > 0) aws.push(["configuration_aliases", hclExpression(`[${aliases.join(", ")}]`)]);
  const body: BlockItem[] = [
    { attribute: "required_version", value: hclValue(TERRAFORM_CONSTRAINT) },
    { blank: true },
    { block: "required_providers", body: [{ attribute: "aws", value: { kind: "object", entries: aws } }] },
  ];
  return `${HEADER}\n${printBlock("terraform", [], body)}`;
}

export interface GeneratedModule {
  /** Every generated file, by path under terraform/. */
  files: Record<string, string>;
  root: ReturnType<typeof rootModule>;
  monitoring: ReturnType<typeof monitoringModule>;
}

export function generateModule(): GeneratedModule {
  const root = rootModule(HEADER);
  const monitoring = monitoringModule(HEADER, versionsFile([]));
  return {
    root,
    monitoring,
    files: { "versions.tf": versionsFile(["aws.backup"]), ...root.files, ...monitoring.files },
  };
}

/** Every generated file of the module, by path under terraform/. */
export function moduleFiles(): Record<string, string> {
  return generateModule().files;
}
