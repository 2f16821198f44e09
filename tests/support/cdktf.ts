import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { CamundaByokKey, type CamundaByokKeyProps } from "../../cdktf";

export interface Synthesized {
  byok: CamundaByokKey;
  stack: TerraformStack;
  json: Record<string, any>;
}

/** Synthesizes one construct in a stack with an AWS provider, as `cdktf synth` would. */
export function synthByok(props: CamundaByokKeyProps, region = "eu-central-1"): Synthesized {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  new AwsProvider(stack, "aws", { region });
  const byok = new CamundaByokKey(stack, "byok", props);
  return { byok, stack, json: JSON.parse(Testing.synth(stack)) };
}

/** The one resource of a Terraform type whose address contains the logical id. */
export function tfResource(json: Record<string, any>, type: string, logicalId: string): Record<string, any> {
  const matches = Object.entries(json.resource?.[type] ?? {}).filter(([address]) => address.startsWith(`byok_${logicalId}_`));
  if (matches.length !== 1) throw new Error(`expected one ${type} for ${logicalId}, found ${matches.length}`);
  return matches[0][1] as Record<string, any>;
}

export function tfAddress(json: Record<string, any>, type: string, logicalId: string): string {
  const address = Object.keys(json.resource?.[type] ?? {}).find((a) => a.startsWith(`byok_${logicalId}_`));
  if (!address) throw new Error(`no ${type} for ${logicalId}`);
  return `${type}.${address}`;
}

/**
 * Replaces Terraform references in synthesized strings with values a deployment would give them,
 * so documents can be compared byte for byte with other engines' output.
 */
export function resolveTerraformReferences(text: string, values: (reference: string) => string): string {
  return text.replace(/\$\{([a-z_.\-A-Z0-9]+)\}/g, (_, reference: string) => values(reference));
}

const snakeToCamel = (key: string) => key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

export function camelKeys(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [snakeToCamel(key), value]));
}
