// Runs the built command line (dist/cli.js, made by `npm run build`) as a child process, the way a user does,
// so tests see its real exit code, standard output and standard error.

import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export const CLI = resolve(process.cwd(), "dist/cli.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function requireBuild(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
}

/** Runs the CLI to the end; a query that loops forever fails the test through the timeout. */
export function runCli(args: string[], { timeoutMs = 60_000, uid, gid }: { timeoutMs?: number; uid?: number; gid?: number } = {}): CliResult {
  requireBuild();
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: timeoutMs, ...(uid === undefined ? {} : { uid }), ...(gid === undefined ? {} : { gid }) });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the CLI in the background, for tests that kill it. */
export function startCli(args: string[]) {
  requireBuild();
  return spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}
