// The texts and types of the inputs and outputs, read from their one declaration in shared/
// (`ByokInputs`, `ByokOutputsSpec`) with the TypeScript compiler, as the Pulumi schema is.
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface Declared {
  name: string;
  /** The JSDoc text, without tags, on one line. */
  text: string;
  /** The declared type as written (`S`, `L`, `boolean`, ...). */
  type: string;
  optional: boolean;
}

const SHARED = path.join(__dirname, "..", "..", "shared");

export function declaredMembers(file: string, interfaceName: string): Declared[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(SHARED, file), "utf8"), ts.ScriptTarget.ES2022, true);
  let found: ts.InterfaceDeclaration | undefined;
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === interfaceName) found = node;
  });
  if (!found) throw new Error(`no interface ${interfaceName} in shared/${file}`);
  return found.members.filter(ts.isPropertySignature).map((member) => {
    const docs = ts.getJSDocCommentsAndTags(member).filter(ts.isJSDoc);
    const text = docs
      .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? "")
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
    if (!text) throw new Error(`${interfaceName}.${member.name.getText(source)} has no documentation`);
    return { name: member.name.getText(source), text, type: member.type!.getText(source), optional: member.questionToken !== undefined };
  });
}
