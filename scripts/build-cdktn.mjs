// Part of `npm run build`: camunda-byok-kms/cdktn is the cdktf construct, compiled once from the
// same source (cdktf/), with its engine swapped: CDK Terrain (cdktn, @cdktn/provider-aws) keeps
// cdktf's class names and module paths, so only the package names in the compiled files change.
// Nothing is kept twice in the repository; tests/cdktn.test.ts proves both synthesize the same.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), "..");
const from = path.join(root, "dist", "cdktf");
const to = path.join(root, "dist", "cdktn");

/** Module specifiers in compiled JavaScript and declarations: cdktf's packages become cdktn's. */
export function toCdktn(text) {
  return text
    .replace(/(["'])cdktf\1/g, "$1cdktn$1")
    .replace(/(["'])@cdktf\/provider-aws(\/[^"']*)?\1/g, (_, quote, rest) => `${quote}@cdktn/provider-aws${rest ?? ""}${quote}`);
}

rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
for (const file of readdirSync(from)) {
  const text = readFileSync(path.join(from, file), "utf8");
  // Source maps keep pointing at cdktf/ (sources inlined): it is the source of both.
  writeFileSync(path.join(to, file), file.endsWith(".map") ? text : toCdktn(text));
}
const leftovers = readdirSync(to)
  .filter((file) => !file.endsWith(".map"))
  .filter((file) => /["'](cdktf|@cdktf\/provider-aws[^"']*)["']/.test(readFileSync(path.join(to, file), "utf8")));
if (leftovers.length > 0) throw new Error(`dist/cdktn still names cdktf in ${leftovers.join(", ")}`);
