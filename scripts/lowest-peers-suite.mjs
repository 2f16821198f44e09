// Part of `npm run test:lowest-peers`: the suite again, on the lowest peer versions just installed,
// less what loads no peer dependency (it ran on the pinned peers a moment before, and a peer's
// version cannot change it): the core's unit tests, the CLI and verify/adopt over HTTP, and the
// Terraform module's own tests. CI's budget is the reason; each suite left out says why.
import { spawnSync } from "node:child_process";

const NO_PEER = [
  "tests/unit/!(provider-v5).test.ts",
  "tests/system/adopt-http.test.ts",
  "tests/system/adopt-terraform.test.ts",
  "tests/system/cli.test.ts",
  "tests/system/retire-recipe.test.ts",
  "tests/system/verify-http.test.ts",
];
console.log(`lowest peers: leaving out what loads no peer dependency: ${NO_PEER.join(", ")}`);
const result = spawnSync("npx", ["mocha", "tests/**/*.test.ts", ...NO_PEER.flatMap((pattern) => ["--ignore", pattern])], {
  stdio: "inherit",
  env: { ...process.env, CAMUNDA_BYOK_LOWEST_PEERS: "1" },
});
process.exitCode = result.status ?? 1;
