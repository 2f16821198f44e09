import * as pulumi from "@pulumi/pulumi";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { installPulumiMocks, settle, settledValue, type MockOptions, type RegisteredResource } from "./pulumi-mocks";

export const PULUMI_EXAMPLE_DIR = path.resolve(__dirname, "../../examples/pulumi");

/** The example's stack config as `pulumi config` hands it to a program: every value a string. */
export function loadStackConfig(stack = "dev"): Record<string, string> {
  const file = parse(readFileSync(path.join(PULUMI_EXAMPLE_DIR, `Pulumi.${stack}.yaml`), "utf8")) as {
    config: Record<string, unknown>;
  };
  return Object.fromEntries(
    Object.entries(file.config).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]),
  );
}

/** The project name Pulumi.yaml declares: the namespace of the example's config keys. */
export function exampleProjectName(): string {
  return (parse(readFileSync(path.join(PULUMI_EXAMPLE_DIR, "Pulumi.yaml"), "utf8")) as { name: string }).name;
}

export interface ExampleRun {
  registered: RegisteredResource[];
  outputs: Record<string, unknown>;
  /** Resource options each resource was registered with, by resource name. */
  options: Map<string, pulumi.CustomResourceOptions>;
}

/** Runs examples/pulumi/index.ts under mocks, as `pulumi up` would run it, and collects what it did. */
export async function runPulumiExample(overrides: Record<string, string> = {}, mock: MockOptions = {}): Promise<ExampleRun> {
  const config = { ...loadStackConfig(), ...overrides };
  const registered = installPulumiMocks({ project: exampleProjectName(), providerRegion: config["aws:region"], config, ...mock });
  const options = new Map<string, pulumi.CustomResourceOptions>();
  const program = require.resolve(path.join(PULUMI_EXAMPLE_DIR, "index.ts"));
  delete require.cache[program];
  let exports: Record<string, pulumi.Output<unknown>> = {};
  await pulumi.runtime.runInPulumiStack(async () => {
    pulumi.runtime.registerStackTransformation((args) => {
      options.set(args.name, args.opts);
      return undefined;
    });
    exports = require(program);
    return exports;
  });
  const outputs: Record<string, unknown> = {};
  for (const [name, output] of Object.entries(exports)) outputs[name] = await settledValue(pulumi.output(output));
  await settle();
  return { registered, outputs, options };
}
