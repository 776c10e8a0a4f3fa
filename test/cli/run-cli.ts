// Runs the built command line (dist/cli.js) as a user would, in a child process, and returns its exit code and
// output; tests of the command line use it so they check what ships, not the sources.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const CLI = resolve(process.cwd(), "dist/cli.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): CliResult {
  if (!existsSync(CLI)) throw new Error(`test/cli: "${CLI}" is missing; run \`npm run build\` first`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command with --json, requires exit code 0, and parses what it printed. */
export function cliJson<T>(args: string[], env: Record<string, string> = {}): T {
  const result = runCli([...args, "--json"], env);
  if (result.code !== 0) throw new Error(`hf-lineage ${args.join(" ")} exited with ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

const folders: string[] = [];

/** A fresh temporary folder, removed by removeTemporaryFolders (call it in afterAll). */
export function temporaryFolder(prefix = "hf-lineage-cli-"): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

export function removeTemporaryFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** A fresh database file path in a temporary folder, filled with `files` through `hf-lineage import`. */
export function importedDatabase(files: string[]): string {
  const db = join(temporaryFolder(), "lineage.db");
  const result = runCli(["import", ...files, "--db", db]);
  if (result.code !== 0) throw new Error(`hf-lineage import exited with ${result.code}: ${result.stderr}`);
  return db;
}
