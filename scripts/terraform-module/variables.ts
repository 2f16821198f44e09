// The module's variables: one per input (but those NOT_VARIABLES names), typed, documented and
// defaulted from the one declaration in shared/inputs.ts.
import type { ByokInput } from "../../shared";
import { INPUT_NAMES, withDefaults } from "../../shared/internal";
import { declaredMembers, type Declared } from "./declarations";
import { snakeCase, terraformWords } from "./names";
import { NOT_VARIABLES } from "./variants";

const HCL_TYPES: Record<string, string> = {
  S: "string",
  string: "string",
  N: "number",
  B: "bool",
  boolean: "bool",
  L: "list(string)",
  "S[]": "list(string)",
  M: "map(string)",
};

export interface ModuleVariable {
  name: string;
  input: keyof ByokInput;
  description: string;
  type: string;
  /** undefined: required; null: optional without a value. */
  default: unknown;
}

/**
 * A declaration's text for a Terraform reader: variable names, no asides about Pulumi's plain
 * inputs, and no default where the variable's own default says it (a null one needs the words).
 */
function terraformText(text: string, literalDefault: boolean): string {
  const sentences = (literalDefault ? text.replace(/\s*Default: .*$/, "") : text).split(/(?<=\.)\s+(?=[A-Z])/);
  return terraformWords(sentences.filter((sentence) => !/Pulumi|\bplain\b/.test(sentence)).join(" "));
}

export function moduleVariables(): ModuleVariable[] {
  const declared = new Map(declaredMembers("inputs.ts", "ByokInputs").map((member) => [member.name, member]));
  // A default that follows another input (the alias) is null here and resolved in a local.
  const base = { camundaClusterRoleArn: "", clusterRegion: "", clusterName: "" };
  const one = withDefaults({ ...base, clusterName: "one" }) as Record<string, unknown>;
  const other = withDefaults({ ...base, clusterName: "other" }) as Record<string, unknown>;
  return INPUT_NAMES.filter((name) => NOT_VARIABLES[name] === undefined).map((name) => {
    const member = declared.get(name) as Declared;
    const type = HCL_TYPES[member.type];
    if (!type) throw new Error(`no Terraform type for ${name}: ${member.type}`);
    const follows = JSON.stringify(one[name]) !== JSON.stringify(other[name]);
    const defaultValue = !member.optional ? undefined : follows || one[name] === undefined ? null : one[name];
    return {
      name: snakeCase(name),
      input: name,
      description: terraformText(member.text, defaultValue !== undefined && defaultValue !== null),
      type,
      default: defaultValue,
    };
  });
}
