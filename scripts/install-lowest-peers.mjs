// Installs, without saving, the lowest version of each peer dependency that package.json declares
// (the first version in its range), so the suite can run against what a user with old pins has.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const { peerDependencies } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const lowest = Object.entries(peerDependencies).map(([name, range]) => {
  const floor = /(\d+\.\d+\.\d+)/.exec(range);
  if (!floor) throw new Error(`cannot read the lowest version of ${name} from "${range}"`);
  return `${name}@${floor[1]}`;
});
console.log(`lowest declared peers: ${lowest.join(" ")}`);
execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", ...lowest], { stdio: "inherit" });
