// Installs, without saving, the lowest version of each peer dependency that package.json declares
// (the first version in its range), so the suite can run against what a user with old pins has.
// cdktn stays at its pinned version: it needs constructs >=10.6 <10.8, and one node_modules cannot
// also hold cdktf's floor, constructs 10.4.2 (the cdktn suite then says it did not run).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const { peerDependencies } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const lowest = Object.entries(peerDependencies)
  .filter(([name]) => !/^(@cdktn\/|cdktn$)/.test(name))
  .map(([name, range]) => {
    const floor = /(\d+\.\d+\.\d+)/.exec(range);
    if (!floor) throw new Error(`cannot read the lowest version of ${name} from "${range}"`);
    return `${name}@${floor[1]}`;
  });
console.log(`lowest declared peers: ${lowest.join(" ")} (cdktn and @cdktn/provider-aws stay pinned)`);
execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", "--legacy-peer-deps", ...lowest], {
  stdio: "inherit",
});
