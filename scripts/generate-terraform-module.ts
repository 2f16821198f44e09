// Writes the Terraform module (terraform/) from the core: `npm run generate:terraform`.
// With --check, writes nothing and fails when the committed module differs from what it generates.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { moduleFiles } from "./terraform-module/files";

export const MODULE_DIR = path.join(__dirname, "..", "terraform");

/** The module's files that differ from what the generator makes (missing, changed or extra). */
export function staleModuleFiles(dir = MODULE_DIR): string[] {
  const files = moduleFiles();
  const present = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".tf") || name === "README.md") : [];
  const changed = Object.entries(files).filter(
    ([name, text]) => !existsSync(path.join(dir, name)) || readFileSync(path.join(dir, name), "utf8") !== text,
  );
  return [...changed.map(([name]) => name), ...present.filter((name) => !(name in files))];
}

if (require.main === module) {
  if (process.argv.includes("--check")) {
    const stale = staleModuleFiles();
    if (stale.length > 0) {
      console.error(`terraform/ is not what the core generates: ${stale.join(", ")}. Run npm run generate:terraform.`);
      process.exit(1);
    }
    console.log("terraform/ is up to date");
  } else {
    mkdirSync(MODULE_DIR, { recursive: true });
    const files = moduleFiles();
    for (const name of readdirSync(MODULE_DIR))
      if ((name.endsWith(".tf") || name === "README.md") && !(name in files)) rmSync(path.join(MODULE_DIR, name));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(MODULE_DIR, name), text);
    console.log(`wrote ${Object.keys(files).length} files to terraform/`);
  }
}
