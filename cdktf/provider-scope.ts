// Which AWS provider a construct deploys with, what it says about its region at synth, and the
// registry of AWS names taken on it (see shared/aws-names.ts).
import { TerraformProvider, type TerraformStack, Token } from "cdktf";

/** The AWS provider a key uses: the one it was given, else the stack's default (unaliased) one. */
export function awsProviderOf(stack: TerraformStack, provider: TerraformProvider | undefined): TerraformProvider | undefined {
  if (provider) return provider;
  return stack.node.children.find(
    (child): child is TerraformProvider =>
      child instanceof TerraformProvider && child.terraformResourceType === "aws" && (child as { alias?: string }).alias === undefined,
  );
}

/** The provider's region when it is a literal; a token or a default from the environment is known only at plan time. */
export function literalRegion(provider: TerraformProvider | undefined): string | undefined {
  const region = (provider as { region?: string } | undefined)?.region;
  return typeof region === "string" && !Token.isUnresolved(region) ? region : undefined;
}

const registries = new WeakMap<TerraformStack, Map<TerraformProvider | undefined, Map<string, string>>>();

/** The AWS names taken by keys of `stack` on `provider`. */
export function nameRegistry(stack: TerraformStack, provider: TerraformProvider | undefined): Map<string, string> {
  const byProvider = registries.get(stack) ?? new Map<TerraformProvider | undefined, Map<string, string>>();
  registries.set(stack, byProvider);
  const names = byProvider.get(provider) ?? new Map<string, string>();
  byProvider.set(provider, names);
  return names;
}
