// What both modules (the root, and the monitoring submodule it calls per site) print the same way:
// resource blocks from the spec's resources, the locals its named values become, and how a
// reference reads a resource that exists only under a condition.
import type { ResourceSpec } from "../../shared";
import { type Condition, EACH_VALUE, nameOf, referencedResource, STATEMENT_SOURCES } from "../../shared/internal";
import { conditionHcl, type InputReader, variableOf } from "./conditions-hcl";
import { type BlockItem, type Hcl, hclExpression, printBlock, printHcl } from "./hcl";
import { RESOURCE_TYPES, snakeCase } from "./names";
import { HclConverter, type Scope } from "./values-hcl";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether a block that exists where `within` holds may read `[0]` of a resource that exists where `when` does. */
export function implies(within: Condition | undefined, when: Condition): boolean {
  if (within === undefined) return false;
  if (same(within, when)) return true;
  return "$all" in within && within.$all.some((part) => implies(part, when));
}

export interface PrinterOptions {
  resources: readonly ResourceSpec[];
  /** Each resource's Terraform name, by logical id. */
  names: Readonly<Record<string, string>>;
  /** How the module reads the deployment (`account.id`, ...): a data source's attribute. */
  deployment?(name: string): string | undefined;
  /** Values read from elsewhere, by identity (a site's outputs, from the root). */
  replacements?: ReadonlyMap<unknown, (within: Condition | undefined) => string>;
  read?: InputReader;
}

export class ModulePrinter {
  /** Named values, in the order first met: the module's locals. */
  readonly locals = new Map<string, unknown>();
  /** Deployment references the module reads (which data sources it needs). */
  readonly deploymentRead = new Set<string>();
  private readonly byId: Map<string, ResourceSpec>;

  readonly scope: Scope;

  constructor(private readonly options: PrinterOptions) {
    this.byId = new Map(options.resources.map((resource) => [resource.logicalId, resource]));
    this.scope = {
      read: options.read ?? variableOf,
      reference: (name, within) => this.reference(name, within),
      expressionFor: (value, within) => this.expressionFor(value, within),
      commentFor: (element) => {
        const sid = (element as { Sid?: unknown } | null)?.Sid;
        return typeof sid === "string" ? STATEMENT_SOURCES[sid] : undefined;
      },
    };
  }

  address(logicalId: string): string {
    const resource = this.byId.get(logicalId);
    if (!resource) throw new Error(`no resource ${logicalId} in this module`);
    return `${RESOURCE_TYPES[resource.kind]}.${this.options.names[logicalId]}`;
  }

  private reference(name: string, within: Condition | undefined): string {
    if (name === EACH_VALUE.$ref) return "each.value";
    const target = referencedResource(name);
    if (!target) {
      const read = this.options.deployment?.(name);
      if (read === undefined) throw new Error(`the module cannot read ${name}`);
      this.deploymentRead.add(name);
      return read;
    }
    const resource = this.byId.get(target.logicalId);
    const address = this.address(target.logicalId);
    const attribute = snakeCase(target.attribute);
    if (!resource?.when) return `${address}.${attribute}`;
    return implies(within, resource.when) ? `${address}[0].${attribute}` : `one(${address}[*].${attribute})`;
  }

  private expressionFor(value: unknown, within: Condition | undefined): string | undefined {
    const replacement = this.options.replacements?.get(value);
    if (replacement) return replacement(within);
    const name = nameOf(value);
    if (name === undefined) return undefined;
    if (!this.locals.has(name)) this.locals.set(name, value);
    return `local.${snakeCase(name)}`;
  }

  converter(within?: Condition): HclConverter {
    return new HclConverter(this.scope, within);
  }

  /** A resource block: count or for_each from its condition, its settings, then `lifecycle`. */
  resourceBlock(resource: ResourceSpec, extra: { provider?: string; lifecycle?: BlockItem[]; comment?: string } = {}): string {
    const convert = this.converter(resource.when);
    const head: BlockItem[] = [];
    const when = resource.when === undefined ? undefined : conditionHcl(resource.when, this.scope.read);
    if (resource.forEach !== undefined) {
      const list = `toset(${printHcl(convert.convert(resource.forEach))})`;
      head.push({ attribute: "for_each", value: hclExpression(when === undefined ? list : `${when} ? ${list} : []`) });
    } else if (when !== undefined) {
      head.push({ attribute: "count", value: hclExpression(`${when} ? 1 : 0`) });
    }
    if (extra.provider) head.push({ attribute: "provider", value: hclExpression(extra.provider) });
    const body: BlockItem[] = [...head, ...(head.length > 0 ? [{ blank: true } as const] : [])];
    for (const [name, value] of Object.entries(resource.settings)) {
      if (value === undefined) continue;
      body.push({ attribute: snakeCase(name), value: convert.convert(value) });
    }
    if (extra.lifecycle && extra.lifecycle.length > 0) body.push({ blank: true }, { block: "lifecycle", body: extra.lifecycle });
    const block = printBlock("resource", [RESOURCE_TYPES[resource.kind], this.options.names[resource.logicalId]], body);
    return extra.comment ? `# ${extra.comment}\n${block}` : block;
  }

  /** The locals block: every named value met so far (and those its values name in turn). */
  localsBlock(): string {
    const printed = new Map<string, Hcl>();
    for (let done = 0; done < this.locals.size; done = printed.size) {
      for (const [name, value] of [...this.locals]) {
        if (!printed.has(name)) printed.set(name, this.converter().convert(value, true));
      }
    }
    if (printed.size === 0) return "";
    return printBlock(
      "locals",
      [],
      [...printed].map(([name, value]) => ({ attribute: snakeCase(name), value })),
    );
  }
}
