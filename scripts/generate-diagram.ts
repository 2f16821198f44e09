// `npm run generate:diagram`: writes the README's Mermaid diagram from the core's spec.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withCurrentDiagram } from "./diagram";

const file = path.resolve(__dirname, "../README.md");
writeFileSync(file, withCurrentDiagram(readFileSync(file, "utf8")));
console.log("wrote the diagram into README.md");
