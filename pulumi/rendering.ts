import * as pulumi from "@pulumi/pulumi";

/**
 * A document as a JSON string: plain when it holds no Output, else one Output over the Outputs it
 * holds (cheaper than lifting every node of the document into an Output of its own).
 */
export function jsonString(document: unknown): pulumi.Input<string> {
  const outputs: pulumi.Output<unknown>[] = [];
  const collect = (value: unknown): void => {
    if (pulumi.Output.isInstance(value)) outputs.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(collect);
  };
  collect(document);
  if (outputs.length === 0) return JSON.stringify(document);
  return pulumi.all(outputs).apply((values) => {
    const resolved = new Map<unknown, unknown>(outputs.map((output, index) => [output, values[index]]));
    const substitute = (value: unknown): unknown => {
      if (resolved.has(value)) return resolved.get(value);
      if (Array.isArray(value)) return value.map(substitute);
      if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item)]));
      }
      return value;
    };
    return JSON.stringify(substitute(document));
  });
}
