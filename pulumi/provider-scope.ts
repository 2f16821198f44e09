// Which AWS provider a component's children use, and the registry of AWS names taken on it in this
// program (see shared/aws-names.ts).
import * as pulumi from "@pulumi/pulumi";

/** The AWS provider named by the component's options or inherited from its parent; undefined for the default one. */
export function awsProviderOf(opts: pulumi.ComponentResourceOptions): pulumi.ProviderResource | undefined {
  // getPackage() is public in @pulumi/pulumi's JavaScript since 3.0 but marked internal in its typings.
  const isAws = (provider: pulumi.ProviderResource | undefined) =>
    (provider as unknown as { getPackage(): string } | undefined)?.getPackage() === "aws";
  if (isAws(opts.provider)) return opts.provider;
  const providers = opts.providers;
  const listed = Array.isArray(providers) ? providers.find(isAws) : providers?.aws;
  return listed ?? opts.parent?.getProvider("aws::Key");
}

// One registry per program: under mocks each `setMocks` starts a new program with a new monitor.
const registries = new WeakMap<object, Map<pulumi.ProviderResource | undefined, Map<string, string>>>();
const withoutMonitor = new Map<pulumi.ProviderResource | undefined, Map<string, string>>();

/** The AWS names taken by components of this program on `provider`. */
export function nameRegistry(provider: pulumi.ProviderResource | undefined): Map<string, string> {
  const monitor = pulumi.runtime.getMonitor();
  const byProvider = monitor ? (registries.get(monitor) ?? new Map()) : withoutMonitor;
  if (monitor) registries.set(monitor, byProvider);
  const names = byProvider.get(provider) ?? new Map<string, string>();
  byProvider.set(provider, names);
  return names;
}
