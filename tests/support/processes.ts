import { spawnSync } from "node:child_process";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "../..");

export interface ProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a Node.js script of the repo as its own process, with the Node.js running the tests. */
export function runNode(args: string[], options: { cwd?: string } = {}): ProcessResult {
  const result = spawnSync(process.execPath, args, { cwd: options.cwd ?? REPO_ROOT, encoding: "utf8", timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
