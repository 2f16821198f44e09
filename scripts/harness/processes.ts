import { spawn, spawnSync } from "node:child_process";
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

/** Runs a command without blocking the test process (which may be serving it, as the fake AWS does). */
export function runAsync(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
