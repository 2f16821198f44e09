import { expect } from "chai";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CamundaByokKeyProps } from "../../cdktf";
import type { CamundaByokKeyArgs } from "../../pulumi";
import { buildByokSpec, type ByokInput } from "../../shared";
import { INPUT_NAMES } from "../../shared/internal";
import { validInput } from "../support/fixtures";
import { REPO_ROOT } from "../../scripts/harness/processes";

// Compile-time: every front end takes exactly the core's inputs. `npm test` type-checks this file,
// so an input missing or renamed anywhere fails the build.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const pulumiTakesEveryInput: Equal<keyof CamundaByokKeyArgs, keyof ByokInput> = true;
const cdktfTakesEveryInput: Equal<Exclude<keyof CamundaByokKeyProps, "provider">, keyof ByokInput> = true;

/** Each input's `@default`, as written in its one declaration (shared/inputs.ts). */
function documentedDefaults(): Record<string, string> {
  const source = readFileSync(path.join(REPO_ROOT, "shared", "inputs.ts"), "utf8");
  const body = source.slice(source.indexOf("export interface ByokInputs"), source.indexOf("export interface ByokInput extends"));
  const defaults: Record<string, string> = {};
  for (const match of body.matchAll(/@default ([^\n]*?)\s*(?:\*\/)?\n(?:\s*\*\/\n)?\s*(\w+)\??:/g)) defaults[match[2]] = match[1].trim();
  return defaults;
}

describe("inputs", () => {
  it("are declared once, and every front end takes exactly them", () => {
    expect(pulumiTakesEveryInput && cdktfTakesEveryInput).to.equal(true);
    const defaults = documentedDefaults();
    const optional = INPUT_NAMES.filter((name) => !["camundaClusterRoleArn", "clusterRegion", "clusterName"].includes(name));
    expect(Object.keys(defaults).sort(), "every optional input documents its default").to.deep.equal([...optional].sort());
  });

  it("use every documented default when left out", () => {
    const base = validInput({ alertEmails: undefined });
    delete base.alertEmails;
    const spec = JSON.stringify(buildByokSpec(base));
    for (const [name, text] of Object.entries(documentedDefaults())) {
      if (text.startsWith("- none")) {
        expect((base as unknown as Record<string, unknown>)[name], name).to.equal(undefined);
        continue;
      }
      const value = text === "`alias/camunda-byok-<clusterName>`" ? `alias/camunda-byok-${base.clusterName}` : JSON.parse(text);
      expect(JSON.stringify(buildByokSpec({ ...base, [name]: value })), `${name} = ${text}`).to.equal(spec);
    }
  });

  it("say their default in the text too, where the Pulumi schema carries it", () => {
    const source = readFileSync(path.join(REPO_ROOT, "shared", "inputs.ts"), "utf8");
    for (const name of Object.keys(documentedDefaults())) {
      const declaration = source.slice(0, source.search(new RegExp(`\\n\\s*${name}\\??:`)));
      const comment = declaration.slice(declaration.lastIndexOf("/**"));
      expect(comment, name).to.match(/Default: /);
    }
  });
});
