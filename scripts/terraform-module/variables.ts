// The modules' variables: the root's one per input (but NOT_VARIABLES), typed, documented and
// defaulted from the one declaration in shared/inputs.ts; the monitoring submodule's one per field
// of MonitoringInput (shared/site.ts). Each carries the validations the core hands it.
import { CONSTANT_DEFAULTS, INPUT_NAMES } from "../../shared/internal";
import type { PrintedCheck } from "./checks-hcl";
import { type BlockItem, hclExpression, hclValue, printBlock } from "./hcl";
import { type Declared, declaredMembers } from "./declarations";
import { defaultsToNull, NOT_VARIABLES } from "./module-inputs";
import { snakeCase, terraformWords } from "./names";
import { plainHcl } from "./values-hcl";

const ROOT_TYPES: Record<string, string> = {
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
  /** The input or field it stands for. */
  input: string;
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

export function rootVariables(): ModuleVariable[] {
  const declared = new Map(declaredMembers("inputs.ts", "ByokInputs").map((member) => [member.name, member]));
  return INPUT_NAMES.filter((name) => NOT_VARIABLES[name] === undefined).map((name) => {
    const member = declared.get(name) as Declared;
    const type = ROOT_TYPES[member.type];
    if (!type) throw new Error(`no Terraform type for ${name}: ${member.type}`);
    const value = !member.optional ? undefined : defaultsToNull(name) ? null : CONSTANT_DEFAULTS[name];
    return {
      name: snakeCase(name),
      input: name,
      description: terraformText(member.text, value !== undefined && value !== null),
      type,
      default: value,
    };
  });
}

/** A field's Terraform type, from its TypeScript type. */
function monitoringType(member: Declared): string {
  if (member.type.includes("[]")) return "list(string)";
  if (member.type.startsWith("boolean")) return "bool";
  if (member.type === "Tags") return "map(string)";
  return "string";
}

export function monitoringVariables(): ModuleVariable[] {
  return declaredMembers("site.ts", "MonitoringInput").map((member) => ({
    name: snakeCase(member.name),
    input: member.name,
    description: member.text,
    type: monitoringType(member),
    default: member.optional ? null : undefined,
  }));
}

/** variables.tf: each variable with its validations, in declaration order. */
export function variablesFile(header: string, variables: ModuleVariable[], validations: ReadonlyMap<string, PrintedCheck[]>): string {
  return (
    header +
    variables
      .map((variable) => {
        const body: BlockItem[] = [
          { attribute: "description", value: hclValue(variable.description) },
          { attribute: "type", value: hclExpression(variable.type) },
        ];
        if (variable.default !== undefined) body.push({ attribute: "default", value: plainHcl(variable.default) });
        if (variable.default !== undefined && variable.default !== null) body.push({ attribute: "nullable", value: hclValue(false) });
        for (const check of validations.get(variable.name) ?? []) {
          body.push(
            { blank: true },
            {
              block: "validation",
              body: [
                { attribute: "condition", value: hclExpression(check.condition) },
                { attribute: "error_message", value: hclValue(check.message) },
              ],
            },
          );
        }
        return `\n${printBlock("variable", [variable.name], body)}`;
      })
      .join("")
  );
}
