// @cdktf/provider-aws 21 writes for AWS provider 6, whose resources take a `region` argument
// (the backup-region resources use it). Provider 5, the one in this machine's mirror, has no such
// argument: the same placement is an aliased provider configured for that region. This rewrite is
// the only difference between what the package synthesizes and what the Terraform suite runs.

type Config = Record<string, any>;

/** The alias standing for `<provider>` pinned to `region`. */
export function regionalAlias(provider: string | undefined, region: string): string {
  const base = provider ? provider.replace(/^aws\./, "") : "default";
  return `${base}_${region.replace(/-/g, "_")}`;
}

/**
 * A copy of `config` in which every resource with a `region` argument uses an aliased provider
 * configured like its own provider but for that region, and has no `region` argument.
 */
export function rewriteForProviderV5(config: Config): Config {
  const rewritten = structuredClone(config);
  const providers: Config[] = rewritten.provider?.aws ?? [];
  const added = new Set<string>();
  for (const byAddress of Object.values<Config>(rewritten.resource ?? {})) {
    for (const resource of Object.values<Config>(byAddress)) {
      if (resource.region === undefined) continue;
      const alias = regionalAlias(resource.provider, resource.region);
      if (!added.has(alias)) {
        const ownAlias = resource.provider?.replace(/^aws\./, "");
        const base = providers.find((p) => p.alias === ownAlias) ?? {};
        providers.push({ ...base, alias, region: resource.region });
        added.add(alias);
      }
      resource.provider = `aws.${alias}`;
      delete resource.region;
    }
  }
  if (added.size > 0) rewritten.provider = { ...rewritten.provider, aws: providers };
  return rewritten;
}
