import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { declaredMembers } from "../../scripts/terraform-module/declarations";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { CamundaByokKey, CAMUNDA_BYOK_KEY_TYPE } from "../../pulumi";
import { ByokValidationError, buildKeyPolicy } from "../../shared";
import { INPUT_NAMES } from "../../shared/internal";
import { CAMUNDA_ROLE_ARN } from "../support/fixtures";
import { installPulumiMocks, settle, settledValue, type RegisteredResource } from "../../scripts/harness/pulumi-mocks";
import { REPO_ROOT } from "../../scripts/harness/processes";

// The component as other Pulumi languages get it: `pulumi/` is a source-based plugin package, and
// Pulumi's ComponentProvider (what `pulumi package add` runs) infers the schema from the TypeScript
// and constructs the component from the inputs another language's SDK sends. In process, under
// mocks: no Pulumi CLI, no Python here.

const PLUGIN_DIR = path.join(REPO_ROOT, "pulumi");
const PLUGIN_PACKAGE = JSON.parse(readFileSync(path.join(PLUGIN_DIR, "package.json"), "utf8"));

/** What the tests use of @pulumi/pulumi's ComponentProvider (typed here: older releases have no such module). */
interface ComponentProviderLike {
  getSchema(): Promise<string>;
  construct(
    name: string,
    type: string,
    inputs: pulumi.Inputs,
    options: object,
  ): Promise<{ urn: pulumi.Input<string>; state: Record<string, unknown> }>;
}
type ComponentProviderClass = new (options: { dirname: string; name: string; components: unknown[] }) => ComponentProviderLike;

/** The provider `pulumi package add` runs, from the @pulumi/pulumi installed here (older releases lack it). */
function loadComponentProvider(): ComponentProviderClass | undefined {
  try {
    return (require("@pulumi/pulumi/provider/experimental") as { ComponentProvider: ComponentProviderClass }).ComponentProvider;
  } catch {
    return undefined;
  }
}
const ComponentProvider = loadComponentProvider();
const provider = () => new ComponentProvider!({ dirname: PLUGIN_DIR, name: "camunda-byok-kms", components: [CamundaByokKey] });

interface SchemaProperty {
  type?: string;
  items?: { type: string };
  additionalProperties?: { type: string };
  plain?: boolean;
  description?: string;
}
interface ComponentSchema {
  isComponent: boolean;
  inputProperties: Record<string, SchemaProperty>;
  requiredInputs: string[];
  properties: Record<string, SchemaProperty>;
  required: string[];
  description: string;
}

let cachedSchema: ComponentSchema | undefined;
async function componentSchema(): Promise<ComponentSchema> {
  cachedSchema ??= JSON.parse(await provider().getSchema()).resources[CAMUNDA_BYOK_KEY_TYPE] as ComponentSchema;
  return cachedSchema;
}

/** Each input's comment text in its one declaration (shared/inputs.ts), as a reader sees it. */
function declaredDocs(): Record<string, string> {
  const source = readFileSync(path.join(REPO_ROOT, "shared", "inputs.ts"), "utf8");
  const body = source.slice(source.indexOf("export interface ByokInputs"), source.indexOf("export interface ByokInput extends"));
  const docs: Record<string, string> = {};
  for (const match of body.matchAll(/\/\*\*([\s\S]*?)\*\/\s*(\w+)\??:/g)) {
    docs[match[2]] = match[1]
      .split("\n")
      .map((line) => line.replace(/^\s*\*\s?/, ""))
      .join(" ")
      .split(/\s@\w+/)[0]
      .replace(/\s+/g, " ")
      .trim();
  }
  return docs;
}

/** The core's outputs, as ByokOutputsSpec declares them: every front end has these. */
const OUTPUTS = declaredMembers("spec-types.ts", "ByokOutputsSpec");

const EXPECTED_TYPES: Record<string, string> = {
  camundaClusterRoleArn: "string",
  clusterRegion: "string",
  clusterName: "string",
  backupRegion: "string",
  keyAdministratorArns: "array",
  enableDefaultAccountAccess: "boolean",
  restrictGrantsToAwsResources: "boolean",
  aliasName: "string",
  deletionWindowInDays: "number",
  enableKeyRotation: "boolean",
  rotationPeriodInDays: "number",
  preventDestroy: "boolean",
  keyDeletionAllowedArns: "array",
  alertEmails: "array",
  alertTopicArn: "string",
  backupAlertTopicArn: "string",
  alertTopicKmsKeyArn: "string",
  backupAlertTopicKmsKeyArn: "string",
  monitoredEventNames: "array",
  monitorAccessDenied: "boolean",
  adoptKeyId: "string",
  adoptReplicaKeyId: "string",
  adoptAliases: "boolean",
  tags: "object",
};

describe("the Pulumi component package for other languages (schema inferred by @pulumi/pulumi's ComponentProvider)", function () {
  this.timeout(120_000);

  before(function () {
    if (ComponentProvider) return;
    const installed = require("@pulumi/pulumi/package.json").version;
    console.log(
      `    Pulumi package suite NOT RUN: @pulumi/pulumi ${installed} has no ComponentProvider; the plugin package (pulumi/package.json) depends on ${PLUGIN_PACKAGE.dependencies["@pulumi/pulumi"]}.`,
    );
    this.skip();
  });

  it("is the npm package's name and version, with the dependencies it runs on", () => {
    const root = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
    expect(PLUGIN_PACKAGE.name).to.equal(root.name);
    expect(PLUGIN_PACKAGE.version).to.equal(root.version);
    expect(PLUGIN_PACKAGE.main).to.equal("index.ts");
    expect(readFileSync(path.join(PLUGIN_DIR, "PulumiPlugin.yaml"), "utf8")).to.match(/^runtime: nodejs$/m);
    for (const dependency of ["@pulumi/pulumi", "@pulumi/aws"]) {
      expect(PLUGIN_PACKAGE.dependencies[dependency], dependency).to.equal(`^${root.devDependencies[dependency]}`);
    }
  });

  it("keeps the type token camunda-byok-kms:index:CamundaByokKey", async () => {
    expect(CAMUNDA_BYOK_KEY_TYPE).to.equal("camunda-byok-kms:index:CamundaByokKey");
    const schema = JSON.parse(await provider().getSchema());
    expect(schema.name).to.equal("camunda-byok-kms");
    expect(Object.keys(schema.resources)).to.deep.equal([CAMUNDA_BYOK_KEY_TYPE]);
    expect((await componentSchema()).isComponent).to.equal(true);
  });

  it("has every input with its type, optionality, plainness and full documentation, default included", async () => {
    const schema = await componentSchema();
    const docs = declaredDocs();
    expect(Object.keys(schema.inputProperties).sort()).to.deep.equal([...INPUT_NAMES].sort());
    expect(schema.requiredInputs.sort()).to.deep.equal(["camundaClusterRoleArn", "clusterName", "clusterRegion"]);
    for (const [name, property] of Object.entries(schema.inputProperties)) {
      expect(property.type, name).to.equal(EXPECTED_TYPES[name]);
      if (property.type === "array") expect(property.items?.type, name).to.equal("string");
      if (property.type === "object") expect(property.additionalProperties?.type, name).to.equal("string");
      expect(property.description?.replace(/\s+/g, " ").trim(), name).to.equal(docs[name]);
      if (!schema.requiredInputs.includes(name)) expect(property.description, name).to.match(/Default: /);
    }
    const plain = Object.entries(schema.inputProperties)
      .filter(([, p]) => p.plain)
      .map(([name]) => name)
      .sort();
    expect(plain).to.deep.equal([
      "adoptAliases",
      "adoptKeyId",
      "adoptReplicaKeyId",
      "alertEmails",
      "backupRegion",
      "monitorAccessDenied",
      "preventDestroy",
    ]);
  });

  it("has every output, documented", async () => {
    const schema = await componentSchema();
    expect(Object.keys(schema.properties).sort()).to.deep.equal(OUTPUTS.map((o) => o.name).sort());
    for (const [name, property] of Object.entries(schema.properties))
      expect(property.description, name).to.be.a("string").and.not.equal("");
    for (const output of OUTPUTS) expect(schema.required.includes(output.name), output.name).to.equal(!output.optional);
    expect(schema.description).to.include("Camunda 8 SaaS Bring Your Own Key");
  });

  describe("construct, as another language's SDK calls it", () => {
    const typescriptPath = async (args: Record<string, unknown>): Promise<RegisteredResource[]> => {
      const registered = installPulumiMocks();
      const component = new CamundaByokKey("byok", args as never);
      await settledValue(component.keyArn);
      await settle();
      return registered;
    };
    const constructPath = async (inputs: Record<string, unknown>) => {
      const registered = installPulumiMocks();
      const result = await provider().construct("byok", CAMUNDA_BYOK_KEY_TYPE, inputs as pulumi.Inputs, {});
      const keyArn = await settledValue(pulumi.output(result.state.keyArn as pulumi.Input<string>));
      await settle();
      return { registered, keyArn, state: result.state };
    };
    const summary = (registered: RegisteredResource[]) =>
      registered
        .filter((r) => r.type.startsWith("aws:"))
        .map((r) => `${r.type} ${r.name} ${JSON.stringify(r.inputs)}`)
        .sort();
    const plainInputs = {
      camundaClusterRoleArn: CAMUNDA_ROLE_ARN,
      clusterRegion: "eu-central-1",
      clusterName: "payments-prod",
      alertEmails: ["oncall@example.com"],
      backupRegion: "eu-west-1",
      tags: { team: "payments" },
    };

    it("registers the same resources with the same settings as the TypeScript path, from plain inputs", async () => {
      const viaConstruct = await constructPath(plainInputs);
      const viaTypeScript = await typescriptPath(plainInputs);
      expect(summary(viaConstruct.registered)).to.deep.equal(summary(viaTypeScript));
      const key = viaConstruct.registered.find((r) => r.type === "aws:kms/key:Key")!;
      expect(JSON.parse(key.inputs.policy)).to.deep.equal(
        buildKeyPolicy({ camundaClusterRoleArn: CAMUNDA_ROLE_ARN, keyAccountId: "111122223333" }),
      );
      expect(viaConstruct.keyArn).to.equal(key.state.arn);
      expect(Object.keys(viaConstruct.state).sort()).to.deep.equal(OUTPUTS.map((o) => o.name).sort());
    });

    it("takes a secret role ARN (sent as a secret Output) and keeps the policy secret", async () => {
      const { registered, state } = await constructPath({ ...plainInputs, camundaClusterRoleArn: pulumi.secret(CAMUNDA_ROLE_ARN) });
      expect(await (pulumi.output(state.keyPolicyJson) as any).isSecret).to.equal(true);
      expect(await (pulumi.output(state.aliasName) as any).isSecret).to.equal(false);
      expect(summary(registered)).to.deep.equal(
        summary(await typescriptPath({ ...plainInputs, camundaClusterRoleArn: pulumi.secret(CAMUNDA_ROLE_ARN) })),
      );
    });

    it("registers every resource while an input is still unknown (a preview), as the TypeScript path does", async () => {
      // What the provider server makes of a value another resource has not produced yet.
      const unknown = new (pulumi.Output as any)(
        new Set(),
        Promise.resolve(undefined),
        Promise.resolve(false),
        Promise.resolve(false),
        Promise.resolve([]),
      );
      const registered = installPulumiMocks({ preview: true });
      await provider().construct("byok", CAMUNDA_BYOK_KEY_TYPE, { ...plainInputs, aliasName: unknown } as pulumi.Inputs, {});
      await settle();
      const typescript = installPulumiMocks({ preview: true });
      new CamundaByokKey("byok", { ...plainInputs, aliasName: unknown } as never);
      await settle();
      expect(registered.map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal(typescript.map((r) => `${r.type} ${r.name}`).sort());
      // Each site: key, alias, topic, subscription, three rules and their targets, five alarms, topic policy.
      expect(registered.filter((r) => r.type.startsWith("aws:"))).to.have.length(32);
    });

    it("fails bad input with the same message as the TypeScript path, registering nothing", async () => {
      const bad = { ...plainInputs, camundaClusterRoleArn: "arn:aws:iam::123456789012:user/bob", deletionWindowInDays: 90 };
      const registered = installPulumiMocks();
      const viaConstruct = await provider()
        .construct("byok", CAMUNDA_BYOK_KEY_TYPE, bad as pulumi.Inputs, {})
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      let viaTypeScript: unknown;
      try {
        new CamundaByokKey("byok2", bad as never);
      } catch (error) {
        viaTypeScript = error;
      }
      expect(viaConstruct).to.be.instanceOf(ByokValidationError);
      expect((viaConstruct as Error).message).to.equal((viaTypeScript as Error).message);
      expect(registered.filter((r) => r.type.startsWith("aws:"))).to.deep.equal([]);
    });
  });

  describe("the examples for Python and YAML, against the inferred schema", () => {
    const propertyType = (value: unknown): string =>
      Array.isArray(value) ? "array" : typeof value === "object" && value !== null ? "object" : typeof value;

    it("examples/pulumi-yaml sets only properties the schema has, with their types", async () => {
      const schema = await componentSchema();
      const program = parse(readFileSync(path.join(REPO_ROOT, "examples", "pulumi-yaml", "Pulumi.yaml"), "utf8"));
      expect(Object.keys(program.packages ?? {})).to.deep.equal(["camunda-byok-kms"]);
      const byok = Object.values(program.resources as Record<string, { type: string; properties: Record<string, unknown> }>).filter(
        (r) => r.type === CAMUNDA_BYOK_KEY_TYPE,
      );
      expect(byok).to.have.length(1);
      const config = parse(readFileSync(path.join(REPO_ROOT, "examples", "pulumi-yaml", "Pulumi.dev.yaml"), "utf8")).config as Record<
        string,
        unknown
      >;
      for (const [name, value] of Object.entries(byok[0].properties)) {
        expect(schema.inputProperties, name).to.have.property(name);
        // ${...} references config: check the config value's type.
        const configKey = typeof value === "string" && /^\$\{([\w.]+)\}$/.exec(value)?.[1];
        const resolved = configKey ? config[`camunda-byok-yaml:${configKey}`] : value;
        expect(resolved, `${name} (${String(value)})`).to.not.equal(undefined);
        expect(propertyType(resolved), name).to.equal(schema.inputProperties[name].type);
      }
      for (const required of schema.requiredInputs) expect(byok[0].properties, required).to.have.property(required);
    });

    it("examples/pulumi-python passes only arguments the generated SDK has, with their types", async () => {
      const schema = await componentSchema();
      const program = readFileSync(path.join(REPO_ROOT, "examples", "pulumi-python", "__main__.py"), "utf8");
      const call = /camunda_byok_kms\.CamundaByokKey\(\s*"[\w-]+",([\s\S]*?)\n\)/.exec(program);
      expect(call, "a CamundaByokKey(...) call").to.not.equal(null);
      const snakeToCamel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      const pythonType = (source: string): string => {
        if (/^["']/.test(source) || /^config\.(require|get)(_secret)?\(/.test(source)) return "string";
        if (/^config\.(require|get)_int\(/.test(source) || /^\d+$/.test(source)) return "number";
        if (/^(True|False)$/.test(source) || /^config\.(require|get)_bool\(/.test(source)) return "boolean";
        if (/^\[/.test(source) || (/^config\.(require|get)_object\(/.test(source) && source.includes("emails"))) return "array";
        if (/^\{/.test(source)) return "object";
        return "unknown";
      };
      const args = [...call![1].matchAll(/^\s*(\w+)=(.+?),?\s*(?:#.*)?$/gm)].map(
        (m) => [snakeToCamel(m[1]), m[2].trim().replace(/,$/, "")] as const,
      );
      expect(args.length).to.be.greaterThan(3);
      for (const [name, source] of args) {
        expect(schema.inputProperties, name).to.have.property(name);
        expect(pythonType(source), `${name} = ${source}`).to.equal(schema.inputProperties[name].type);
      }
      for (const required of schema.requiredInputs)
        expect(
          args.map(([name]) => name),
          required,
        ).to.include(required);
    });
  });
});
