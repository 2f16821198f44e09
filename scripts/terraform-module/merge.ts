// One HCL expression for a value the core builds differently per variant: equal parts stay plain,
// a list element that only some variants have becomes `condition ? [element] : []` in a concat()
// (Terraform refuses a conditional whose two sides differ in shape, so elements never share one),
// and a value that takes two forms becomes `condition ? a : b`.
import type { ChoiceSpace, Variant } from "./choices";
import { fromValue, hclExpression, listWithSplices, type Hcl } from "./hcl";
import { listExpressionOf, mapExpressionOf } from "./symbols";

export interface Sample {
  variant: Variant;
  /** A value in the generator's form: plain JSON with stand-ins, `undefined` where absent. */
  value: unknown;
}

/** Where a value sits: a resource argument (absent = null) or inside a JSON document or map. */
export type Place = "argument" | "nested";

export function canonical(value: unknown): string {
  return value === undefined ? "undefined" : JSON.stringify(value);
}

const isScalar = (value: unknown) => value === undefined || value === null || typeof value !== "object";
const isDocument = (value: unknown) => typeof value === "object" && value !== null && "$json" in value;
const isPlainObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value) && !isDocument(value);

export function mergeSamples(space: ChoiceSpace, samples: readonly Sample[], place: Place, what: string): Hcl {
  const distinct = new Map<string, Sample[]>();
  for (const sample of samples) {
    const key = canonical(sample.value);
    distinct.set(key, [...(distinct.get(key) ?? []), sample]);
  }
  const groups = [...distinct.values()];
  if (groups.length === 1) return fromValue(groups[0][0].value);
  const domain = samples.map((sample) => sample.variant);

  if (groups.length === 2 && groups.every((group) => isScalar(group[0].value))) {
    if (place === "nested" && groups.some((group) => group[0].value === undefined)) {
      throw new Error(`${what}: present in some variants only, which Terraform cannot leave out of a document`);
    }
    // A boolean that follows a choice is that choice's condition.
    const absent = (group: Sample[]) => group[0].value === undefined || group[0].value === null || group[0].value === false;
    const [first, second] = absent(groups[0]) && !absent(groups[1]) ? [groups[1], groups[0]] : groups;
    const test = space.condition(
      first.map((sample) => sample.variant),
      domain,
    )!;
    if (first[0].value === true && second[0].value === false) return hclExpression(test);
    return { kind: "conditional", test, then: fromValue(first[0].value), else: fromValue(second[0].value) };
  }
  const values = samples.map((sample) => sample.value);
  if (values.every(Array.isArray)) {
    const length = (values[0] as unknown[]).length;
    if (values.every((value) => (value as unknown[]).length === length)) {
      // Lists that differ only inside their elements: element by element, where Terraform can.
      try {
        return {
          kind: "list",
          items: Array.from({ length }, (_, index) =>
            mergeSamples(
              space,
              samples.map((sample) => ({ variant: sample.variant, value: (sample.value as unknown[])[index] })),
              "nested",
              `${what}[${index}]`,
            ),
          ),
        };
      } catch {
        // Elements of different shapes: each is present where it is.
      }
    }
    return mergeLists(space, samples, what);
  }
  if (values.every(isDocument)) {
    const inner = samples.map((sample) => ({ variant: sample.variant, value: (sample.value as { $json: unknown }).$json }));
    return { kind: "call", name: "jsonencode", args: [mergeSamples(space, inner, "nested", what)] };
  }
  if (values.every(isPlainObject)) return mergeObjects(space, samples, what);
  return splitOnChoice(space, samples, place, what);
}

/** `choice ? (merged where taken) : (merged where not)`, on the first choice the samples differ in. */
function splitOnChoice(space: ChoiceSpace, samples: readonly Sample[], place: Place, what: string): Hcl {
  const [index] = space.varying(samples.map((sample) => sample.variant));
  const side = (bit: number) => samples.filter((sample) => ((sample.variant >> index) & 1) === bit);
  const choice = space.choices[index];
  return {
    kind: "conditional",
    test: choice.when,
    then: mergeSamples(space, side(1), place, what),
    else: mergeSamples(space, side(0), place, what),
  };
}

function mergeObjects(space: ChoiceSpace, samples: readonly Sample[], what: string): Hcl {
  const keys: string[] = [];
  for (const sample of [...samples].sort((a, b) => Object.keys(b.value as object).length - Object.keys(a.value as object).length)) {
    for (const key of Object.keys(sample.value as object)) if (!keys.includes(key)) keys.push(key);
  }
  let base: string | undefined;
  const entries: [string, Hcl][] = [];
  for (const key of keys) {
    const merged = mapExpressionOf(key);
    const column = samples.map((sample) => ({ variant: sample.variant, value: (sample.value as Record<string, unknown>)[key] }));
    if (merged !== undefined) {
      if (column.some((cell) => cell.value === undefined)) throw new Error(`${what}: a map merged in some variants only`);
      base = merged;
      continue;
    }
    entries.push([key, mergeSamples(space, column, "nested", `${what}.${key}`)]);
  }
  return { kind: "object", entries, ...(base !== undefined ? { base } : {}) };
}

/**
 * The elements of every variant's list in one order that keeps each variant's order; each element
 * present in the variants that have it.
 */
function mergeLists(space: ChoiceSpace, samples: readonly Sample[], what: string): Hcl {
  const domain = samples.map((sample) => sample.variant);
  const keyed = samples.map((sample) => {
    const seen = new Map<string, number>();
    return (sample.value as unknown[]).map((item) => {
      const key = canonical(item);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return { key: `${occurrence}:${key}`, item };
    });
  });
  const order: string[] = [];
  const items = new Map<string, unknown>();
  for (const list of [...keyed].sort((a, b) => b.length - a.length)) {
    let at = 0;
    for (const { key, item } of list) {
      const found = order.indexOf(key);
      if (found >= 0) at = found + 1;
      else {
        order.splice(at, 0, key);
        items.set(key, item);
        at += 1;
      }
    }
  }
  for (const list of keyed) {
    const positions = list.map(({ key }) => order.indexOf(key));
    if (positions.some((position, index) => index > 0 && position < positions[index - 1])) {
      throw new Error(`${what}: the variants order the list's elements differently`);
    }
  }
  const elements = order.map((key) => {
    const members = samples.filter((_, index) => keyed[index].some((entry) => entry.key === key)).map((sample) => sample.variant);
    return { item: items.get(key), condition: space.condition(members, domain) };
  });
  if (elements.every((element) => element.condition === undefined)) {
    return listWithSplices(
      elements.map(({ item }) => ({ splice: listExpressionOf(item), item })),
      fromValue,
    );
  }
  const parts: Hcl[] = [];
  let run: Hcl[] | undefined;
  for (const { item, condition } of elements) {
    const splice = listExpressionOf(item);
    const element: Hcl = splice !== undefined ? hclExpression(splice) : { kind: "list", items: [fromValue(item)] };
    if (condition === undefined && splice === undefined) {
      if (!run) parts.push({ kind: "list", items: (run = []) });
      run.push(fromValue(item));
      continue;
    }
    run = undefined;
    parts.push(
      condition === undefined ? element : { kind: "conditional", test: condition, then: element, else: { kind: "list", items: [] } },
    );
  }
  return parts.length === 1 ? parts[0] : { kind: "call", name: "concat", args: parts };
}
