import * as pulumi from "@pulumi/pulumi";

/** Stands for a value Pulumi knows only later, so the static checks skip it. */
const UNRESOLVED = "\u0000camunda-byok-kms:unresolved\u0000";

function isPending(value: unknown): boolean {
  return pulumi.Output.isInstance(value) || (typeof value === "object" && value !== null && typeof (value as Promise<unknown>).then === "function");
}

/** For the core's static checks: skip what Pulumi knows only later. */
export function isUnresolved(value: unknown): boolean {
  return value === UNRESOLVED;
}

/** Whether a planned setting involves an input that was pending at construction. */
export function dependsOnPending(value: unknown): boolean {
  if (value === UNRESOLVED) return true;
  if (typeof value === "string") return value.includes(UNRESOLVED);
  if (Array.isArray(value)) return value.some(dependsOnPending);
  if (typeof value === "object" && value !== null) return Object.values(value).some(dependsOnPending);
  return false;
}

/** The args as far as they are known at construction; pending values become UNRESOLVED. */
export function knownNow(value: unknown): unknown {
  if (isPending(value)) return UNRESOLVED;
  if (Array.isArray(value)) return value.map(knownNow);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, knownNow(item)]));
  }
  return value;
}
