// terraform/: the root module. The keys, their aliases and the policy from the core's spec; one
// call of the monitoring submodule per site; checks as validations on the variable they judge or
// preconditions on the resource they guard; the core's warnings as an output.
import { buildByokSpec, type ResourceSpec } from "../../shared";
import {
  ACCOUNT_ID,
  ADOPTED_KEY_ATTRIBUTES,
  ADOPTED_KEY_FIELDS,
  type AdoptedKeyField,
  BACKUP_PROVIDER_REGION,
  type CheckOnUnknown,
  type Condition,
  DEPLOYER_ARN,
  PARTITION,
  PROVIDER_REGION,
  type SiteSpec,
} from "../../shared/internal";
import { printCheck, type PrintedCheck } from "./checks-hcl";
import { conditionHcl } from "./conditions-hcl";
import { declaredMembers } from "./declarations";
import { type BlockItem, type Hcl, hclCall, hclExpression, hclValue, printBlock } from "./hcl";
import { NOT_VARIABLES, rootModuleInput } from "./module-inputs";
import { ModulePrinter } from "./module-printer";
import { banner, MONITORING_SOURCE } from "./monitoring-module";
import { MONITORING_CALLS, ROOT_NAMES, snakeCase, terraformWords } from "./names";
import { isUnknown, mayBeNull } from "./unknowns";
import { rootVariables, variablesFile } from "./variables";

/** The data sources the root reads the deployment from, by the core's reference. */
const DEPLOYMENT: Record<string, { address: string; attribute: string; block: (count?: string) => string }> = {
  [ACCOUNT_ID.$ref]: {
    address: "data.aws_caller_identity.current",
    attribute: "account_id",
    block: () => printBlock("data", ["aws_caller_identity", "current"], []),
  },
  [PARTITION.$ref]: {
    address: "data.aws_partition.current",
    attribute: "partition",
    block: () => printBlock("data", ["aws_partition", "current"], []),
  },
  [PROVIDER_REGION.$ref]: {
    address: "data.aws_region.current",
    attribute: "id",
    block: () => printBlock("data", ["aws_region", "current"], []),
  },
  [BACKUP_PROVIDER_REGION.$ref]: {
    address: "data.aws_region.backup",
    attribute: "id",
    block: () => printBlock("data", ["aws_region", "backup"], [{ attribute: "provider", value: hclExpression("aws.backup") }]),
  },
  [DEPLOYER_ARN.$ref]: {
    address: "data.aws_iam_session_context.deployer",
    attribute: "issuer_arn",
    block: (count) =>
      `# The role or user that deploys (an assumed role's session resolved to its role, with its path):\n# AWS's lockout check needs it. Reading it needs iam:GetRole on that role.\n${printBlock(
        "data",
        ["aws_iam_session_context", "deployer"],
        [
          ...(count ? [{ attribute: "count", value: hclExpression(`${count} ? 1 : 0`) }] : []),
          { attribute: "arn", value: hclExpression("data.aws_caller_identity.current.arn") },
        ],
      )}`,
  },
};

/** The keys an adoption names, read where it is given: each precondition on them names the live value. */
const ADOPTED_SOURCES = {
  adoptedKey: { address: "data.aws_kms_key.adopted", variable: "var.adopt_key_id", provider: undefined },
  adoptedReplica: { address: "data.aws_kms_key.adopted_replica", variable: "var.adopt_replica_key_id", provider: "aws.backup" },
} as const;

function adoptedField(name: string): string | undefined {
  const [which, field] = name.split(".") as [keyof typeof ADOPTED_SOURCES, AdoptedKeyField];
  const source = ADOPTED_SOURCES[which];
  if (!source || !ADOPTED_KEY_FIELDS.includes(field)) return undefined;
  const { attribute, path, otherwise, text } = ADOPTED_KEY_ATTRIBUTES[field];
  const read = `one(${source.address}[*].${attribute})`;
  if (path !== undefined) return `try(${read}${path}, ${JSON.stringify(otherwise)})`;
  return text ? `tostring(${read})` : read;
}

function adoptedSourceBlock(which: keyof typeof ADOPTED_SOURCES): string {
  const source = ADOPTED_SOURCES[which];
  const [, type, name] = source.address.split(".");
  return printBlock(
    "data",
    [type, name],
    [
      ...(source.provider ? [{ attribute: "provider", value: hclExpression(source.provider) }] : []),
      { attribute: "count", value: hclExpression(`${source.variable} != null ? 1 : 0`) },
      { attribute: "key_id", value: hclExpression(source.variable) },
    ],
  );
}

/** Where the lookup of the deployer exists: where the check that reads it applies. */
function deployerCondition(checks: CheckOnUnknown[]): Condition | undefined {
  return checks.find((check) => check.kind === "deployerAdministers")?.when;
}

export interface RootModule {
  files: Record<string, string>;
  spec: ReturnType<typeof buildByokSpec>;
  /** Each root resource's address, by logical id. */
  addresses: Map<string, string>;
  /** The validation blocks, by variable. */
  validations: ReadonlyMap<string, PrintedCheck[]>;
}

export function rootModule(header: string): RootModule {
  const spec = buildByokSpec(rootModuleInput(), { isUnknown, mayBeNull, backupProvider: {} });
  const siteResources = new Set(spec.sites.flatMap((site) => site.resources));
  const resources = spec.resources.filter((resource) => !siteResources.has(resource));
  const deployerWhen = deployerCondition(spec.checksOnUnknowns);

  // A site's outputs, read from the root, are its monitoring call's outputs.
  const replacements = new Map<unknown, (within: Condition | undefined) => string>();
  for (const site of spec.sites) {
    for (const [name, value] of Object.entries(site.outputs))
      replacements.set(value, (within) => callOutput(site, snakeCase(name), within));
  }
  const printer = new ModulePrinter({
    resources,
    names: ROOT_NAMES,
    replacements,
    deployment: (name) => {
      const adopted = adoptedField(name);
      if (adopted) return adopted;
      const source = DEPLOYMENT[name];
      if (!source) return undefined;
      if (name === DEPLOYER_ARN.$ref && deployerWhen) return `one(${source.address}[*].${source.attribute})`;
      return `${source.address}.${source.attribute}`;
    },
  });

  // Checks: on a resource whose creation they guard, or on the variable they judge.
  const guarding = new Map<string, PrintedCheck[]>();
  const validations = new Map<string, PrintedCheck[]>();
  for (const check of spec.checksOnUnknowns) {
    const printed = printCheck(check, printer.converter());
    const [target, key] = check.guards
      ? [guarding, check.guards === "key" ? "key" : "replica-key"]
      : [validations, snakeCase(check.input.split(/[.[]/)[0])];
    target.set(key, [...(target.get(key) ?? []), printed]);
  }

  const block = (resource: ResourceSpec) => {
    const lifecycle: BlockItem[] = [];
    if (resource.kind === "kmsKey" || resource.kind === "kmsReplicaKey") {
      // Terraform takes prevent_destroy only as a literal: the module always protects the keys.
      lifecycle.push({ attribute: "prevent_destroy", value: hclValue(true) });
    }
    for (const check of guarding.get(resource.logicalId) ?? []) {
      lifecycle.push({
        block: "precondition",
        body: [
          { attribute: "condition", value: hclExpression(check.condition) },
          { attribute: "error_message", value: hclValue(check.message) },
        ],
      });
    }
    return printer.resourceBlock(resource, { ...(resource.region !== undefined ? { provider: "aws.backup" } : {}), lifecycle });
  };
  const sections = [
    { title: "Key: the one Camunda's cluster is configured with", kinds: ["kmsKey"], site: "primary" },
    { title: "Replica key: the backup region's copy, for dual-region backups", kinds: ["kmsReplicaKey"], site: "replica" },
    { title: "Aliases", kinds: ["kmsAlias"] },
  ];
  const keysBody = sections
    .map((section) => {
      const blocks = resources.filter((r) => section.kinds.includes(r.kind) && (section.site === undefined || r.site === section.site));
      return `\n${banner(section.title)}\n${blocks.map(block).join("\n")}`;
    })
    .join("");

  const calls = spec.sites.map((site) => monitoringCall(site, printer)).join("\n");
  const monitoring = `${header}\n${banner("Monitoring: the alerts on each key, in its own region (see modules/monitoring)")}\n${calls}`;

  const docs = new Map(declaredMembers("spec-types.ts", "ByokOutputsSpec").map((member) => [member.name, terraformWords(member.text)]));
  const outputItems = Object.entries(spec.outputs).map(([name, value]) => ({
    name: snakeCase(name),
    description: docs.get(name)!,
    value: printer.converter().convert(value),
  }));
  const warnings = spec.warningsOnUnknowns.map((warning) => printCheck(warning, printer.converter()));
  outputItems.push({
    name: "warnings",
    description:
      "What camunda-byok-kms warns about in these inputs, as Pulumi and CDKTF print it (a backup region outside Camunda's pairs, alerts that reach nobody): a check block would fail the terraform test of every configuration that calls the module, so the module says it here.",
    value: hclCall("compact", {
      kind: "list",
      items: warnings.map(
        (w): Hcl => ({ kind: "conditional", test: `(${w.condition})`, whenTrue: hclValue(""), whenFalse: hclValue(w.message) }),
      ),
    }),
  });
  const outputs = outputItems
    .map(
      (output) =>
        `\n${printBlock(
          "output",
          [output.name],
          [
            { attribute: "description", value: hclValue(output.description) },
            { attribute: "value", value: output.value },
          ],
        )}`,
    )
    .join("");

  // The data sources and locals the module reads, now that everything that reads them is printed.
  const locals = printer.localsBlock();
  const data = [...printer.deploymentRead]
    .sort((a, b) => Object.keys(DEPLOYMENT).indexOf(a) - Object.keys(DEPLOYMENT).indexOf(b))
    .filter((name) => DEPLOYMENT[name] !== undefined)
    .map((name) => DEPLOYMENT[name].block(name === DEPLOYER_ARN.$ref && deployerWhen ? conditionHcl(deployerWhen) : undefined));
  if (printer.deploymentRead.has(DEPLOYER_ARN.$ref) && !printer.deploymentRead.has(ACCOUNT_ID.$ref))
    data.unshift(DEPLOYMENT[ACCOUNT_ID.$ref].block());
  const adoptedRead = (Object.keys(ADOPTED_SOURCES) as (keyof typeof ADOPTED_SOURCES)[]).filter((which) =>
    [...printer.deploymentRead].some((name) => name.startsWith(`${which}.`)),
  );
  if (adoptedRead.length > 0)
    data.push(
      `# An adopted key (adopt_key_id) and replica, read to refuse an adoption that would replace them.\n${adoptedRead.map(adoptedSourceBlock).join("\n")}`,
    );
  const main = `${header}\n${banner("What the deployment is: account, partition, regions, deployer")}\n${data.join("\n")}\n${locals}${keysBody}`;

  const addresses = new Map(resources.map((resource) => [resource.logicalId, printer.address(resource.logicalId)]));
  return {
    spec,
    addresses,
    validations,
    files: {
      "main.tf": main,
      "monitoring.tf": monitoring,
      "variables.tf": variablesFile(header, rootVariables(), validations),
      "outputs.tf": header + outputs,
    },
  };
}

/** A site's monitoring call, read from the root. */
function callOutput(site: SiteSpec, output: string, within: Condition | undefined): string {
  const call = `module.${MONITORING_CALLS[site.role]}`;
  if (site.when === undefined) return `${call}.${output}`;
  return within !== undefined && JSON.stringify(within) === JSON.stringify(site.when)
    ? `${call}[0].${output}`
    : `one(${call}[*].${output})`;
}

/** `module "monitoring" { ... }`: the site's input, as the core built it, for the submodule's variables. */
function monitoringCall(site: SiteSpec, printer: ModulePrinter): string {
  const convert = printer.converter(site.when);
  const body: BlockItem[] = [{ attribute: "source", value: hclValue(MONITORING_SOURCE) }];
  if (site.when) body.push({ attribute: "count", value: hclExpression(`${conditionHcl(site.when)} ? 1 : 0`) });
  body.push(
    { blank: true },
    {
      attribute: "providers",
      value: { kind: "object", entries: [["aws", hclExpression(site.role === "replica" ? "aws.backup" : "aws")]] },
    },
    { blank: true },
  );
  // In the submodule's order: its variables are declared as MonitoringInput declares them.
  for (const { name } of declaredMembers("site.ts", "MonitoringInput")) {
    const value = (site.input as unknown as Record<string, unknown>)[name];
    if (value !== undefined) body.push({ attribute: snakeCase(name), value: convert.convert(value) });
  }
  return printBlock("module", [MONITORING_CALLS[site.role]], body);
}

export { NOT_VARIABLES };
