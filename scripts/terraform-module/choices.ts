// The choices a module user makes per cluster that the core makes at build time (which resources
// exist, which statements the policy has). The generator builds the core's spec once per
// combination (a variant, a bit per choice) and states where each thing appears as a condition.

export interface Choice {
  /** What the choice is called in the generator's messages. */
  name: string;
  /** HCL that is true where the choice is taken, and its negation. */
  when: string;
  unless: string;
  /** Taken, this list is empty: a `for_each` over it makes nothing, whatever its condition says. */
  emptyList?: string;
}

export type Variant = number;

export class ChoiceSpace {
  constructor(readonly choices: readonly Choice[]) {}

  variants(): Variant[] {
    return Array.from({ length: 2 ** this.choices.length }, (_, variant) => variant);
  }

  taken(variant: Variant, name: string): boolean {
    const index = this.choices.findIndex((choice) => choice.name === name);
    if (index < 0) throw new Error(`no choice ${name}`);
    return (variant & (1 << index)) !== 0;
  }

  /** Which choices decide between these variants: those not all set the same way. */
  varying(variants: readonly Variant[]): number[] {
    return this.choices
      .map((_, index) => index)
      .filter((index) => {
        const bits = new Set(variants.map((variant) => (variant >> index) & 1));
        return bits.size > 1;
      });
  }

  /**
   * The HCL condition that holds in exactly the `members` among `domain`, or undefined when they
   * are all of it. A conjunction of choices where one does; otherwise a disjunction by splitting.
   */
  condition(members: readonly Variant[], domain: readonly Variant[], minimal = true): string | undefined {
    const inside = new Set(members);
    if (domain.every((variant) => inside.has(variant))) return undefined;
    if (inside.size === 0) throw new Error("a condition for nothing");
    const conjunction = this.conjunction(inside, domain, minimal);
    if (conjunction) return conjunction.length === 0 ? undefined : conjunction.map(([index, bit]) => this.literal(index, bit)).join(" && ");
    const [split] = this.varying([...inside]).length > 0 ? this.varying([...inside]) : this.varying(domain);
    const side = (bit: number) => {
      const sideDomain = domain.filter((variant) => ((variant >> split) & 1) === bit);
      const sideMembers = members.filter((variant) => ((variant >> split) & 1) === bit);
      if (sideMembers.length === 0) return undefined;
      const rest = this.condition(sideMembers, sideDomain);
      if (rest === undefined) return this.literal(split, bit);
      return `${this.literal(split, bit)} && ${rest.includes("||") ? `(${rest})` : rest}`;
    };
    return [side(1), side(0)]
      .filter((part): part is string => part !== undefined)
      .map((part) => `(${part})`)
      .join(" || ");
  }

  /**
   * Choices whose settings select exactly `inside` from `domain`, or undefined: the fewest, or
   * (not `minimal`) every one its members share, which also holds outside `domain`.
   */
  private conjunction(inside: ReadonlySet<Variant>, domain: readonly Variant[], minimal: boolean): [number, number][] | undefined {
    const members = [...inside];
    let literals: [number, number][] = this.choices
      .map((_, index): [number, number] => [index, (members[0] >> index) & 1])
      .filter(([index, bit]) => members.every((variant) => ((variant >> index) & 1) === bit));
    const exact = (chosen: [number, number][]) =>
      domain.every((variant) => chosen.every(([index, bit]) => ((variant >> index) & 1) === bit) === inside.has(variant));
    if (!exact(literals)) return undefined;
    if (!minimal) return literals;
    for (const literal of [...literals]) {
      const without = literals.filter((other) => other !== literal);
      if (exact(without)) literals = without;
    }
    return literals;
  }

  private literal(index: number, bit: number): string {
    return bit === 1 ? this.choices[index].when : this.choices[index].unless;
  }
}
