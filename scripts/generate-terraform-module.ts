// Writes the Terraform module (terraform/) from the core: `npm run generate:terraform`.
// With --check, writes nothing and fails when the committed module differs from what it generates.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateModule } from "./terraform-module/files";
import { withTerraformDocs } from "./terraform-module/readme";

export const MODULE_DIR = path.join(__dirname, "..", "terraform");

/** The folders whose .tf files are all generated: the root module's and its submodules'. */
const GENERATED_DIRS = ["", "modules/monitoring"];

/** Every generated file with its text, the README with its generated tables included. */
export function expectedModuleFiles(dir = MODULE_DIR): Record<string, string> {
  const module = generateModule();
  const readmePath = path.join(dir, "README.md");
  const readme = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : "";
  return { ...module.files, "README.md": withTerraformDocs(readme, module) };
}

/** The module's files that differ from what the generator makes (missing, changed or extra). */
export function staleModuleFiles(dir = MODULE_DIR): string[] {
  const files = expectedModuleFiles(dir);
  const present = GENERATED_DIRS.flatMap((sub) =>
    existsSync(path.join(dir, sub))
      ? readdirSync(path.join(dir, sub))
          .filter((name) => name.endsWith(".tf"))
          .map((name) => path.posix.join(sub, name))
      : [],
  );
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
    const files = expectedModuleFiles();
    for (const sub of GENERATED_DIRS) {
      const dir = path.join(MODULE_DIR, sub);
      mkdirSync(dir, { recursive: true });
      for (const name of readdirSync(dir)) if (name.endsWith(".tf") && !(path.posix.join(sub, name) in files)) rmSync(path.join(dir, name));
    }
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(MODULE_DIR, name), text);
    console.log(`wrote ${Object.keys(files).length} files to terraform/`);
  }
}
