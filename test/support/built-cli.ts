// Runs the built command line (dist/cli.js, made by `npm run build`) as a child process, the way a user does,
// for the tests that need a real process: exit codes, a kill -9 part-way, a query that must not loop forever.

import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export const BUILT_CLI = resolve(process.cwd(), "dist/cli.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** A query that loops forever fails the test through this timeout (default 60 s). */
  timeoutMs?: number;
  /** Runs the command as this user and group (a test that needs an unprivileged reader). */
  uid?: number;
  gid?: number;
  /** Environment variables set on top of this process's own (XDG_CACHE_HOME for the bundled database). */
  env?: Record<string, string>;
}

function requireBuild(): void {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` first`);
}

/** Runs the CLI to the end. */
export function runBuiltCli(args: string[], { timeoutMs = 60_000, uid, gid, env }: CliRunOptions = {}): CliResult {
  requireBuild();
  const result = spawnSync(process.execPath, [BUILT_CLI, ...args], {
    encoding: "utf8",
    ...(env === undefined ? {} : { env: { ...process.env, ...env } }),
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
    ...(uid === undefined ? {} : { uid }),
    ...(gid === undefined ? {} : { gid }),
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the CLI in the background, for tests that kill it. */
export function startBuiltCli(args: string[], env: Record<string, string> = {}) {
  requireBuild();
  const stdio: ["ignore", "pipe", "pipe"] = ["ignore", "pipe", "pipe"];
  return spawn(process.execPath, [BUILT_CLI, ...args], { stdio, env: { ...process.env, ...env } });
}

/** Runs a command with --json, requires exit code 0, and parses what it printed. */
export function builtCliJson<T>(args: string[]): T {
  const result = runBuiltCli([...args, "--json"]);
  if (result.status !== 0) {
    throw new Error(`hf-lineage ${args.join(" ")} exited with ${result.status}: ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as T;
}
