// What the generator hands the core: every input as the module's variable, known only at plan
// time. A variable whose default is null may be null; one with a constant default never is.
import type { ByokInput } from "../../shared";
import { CONSTANT_DEFAULTS, INPUT_NAMES, type MonitoringInput } from "../../shared/internal";
import { snakeCase } from "./names";
import { expression } from "./unknowns";

/**
 * Inputs that are not module variables, with what the module uses instead and why. (`prevent_destroy`
 * is a variable for the key policy's DenyKeyDeletion, while the keys' `lifecycle.prevent_destroy`
 * is always true: Terraform takes only a literal there.)
 */
export const NOT_VARIABLES: Partial<Record<keyof ByokInput, { value: unknown; why: string }>> = {
  adoptAliases: {
    value: undefined,
    why: "Terraform allows import blocks only in the root module: an existing alias is imported there, by the block the README gives",
  },
};

/** Which inputs are required (no default at all). */
const REQUIRED: readonly (keyof ByokInput)[] = ["camundaClusterRoleArn", "clusterRegion", "clusterName"];

/** An input whose variable defaults to null: optional, with no constant default. */
export function defaultsToNull(name: string): boolean {
  return !REQUIRED.includes(name as keyof ByokInput) && !(name in CONSTANT_DEFAULTS);
}

/** The root module's input: `var.<name>` for every variable. */
export function rootModuleInput(): ByokInput {
  const input: Record<string, unknown> = {};
  for (const name of INPUT_NAMES) {
    const fixed = NOT_VARIABLES[name];
    input[name] = fixed ? fixed.value : expression(`var.${snakeCase(name)}`, { nullable: defaultsToNull(name) });
  }
  return input as unknown as ByokInput;
}

/** The monitoring submodule's input: `var.<name>` for each of its variables (null where optional). */
export function monitoringModuleInput(fields: readonly { name: string; optional: boolean }[]): MonitoringInput {
  const input: Record<string, unknown> = {};
  for (const field of fields) input[field.name] = expression(`var.${snakeCase(field.name)}`, { nullable: field.optional });
  return input as unknown as MonitoringInput;
}
