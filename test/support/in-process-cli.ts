// Runs the command line in this process through runCommandLine, capturing what it writes and its exit code, for
// the tests where a child process of dist/cli.js would add nothing but its start-up time (built-cli.ts spawns one).

import { resolve } from "node:path";
import { runCommandLine } from "../../src/commands/command-line.js";
import type { CliResult } from "./built-cli.js";

export interface InProcessCliOptions {
  /** The environment handed to the commands (default: none, so no HF_TOKEN or HF_ENDPOINT). */
  env?: Record<string, string>;
  /**
   * Where a command without --db builds and keeps the bundled database, as src/cli.ts passes
   * `$XDG_CACHE_HOME/hf-lineage`. The default is a path that cannot be created: a test that forgets --db fails.
   */
  cacheDirectory?: string;
}

const PACKAGE_ROOT = resolve(process.cwd());
const NO_CACHE_DIRECTORY = "/dev/null/hf-lineage";

/** Runs `hf-lineage ARGS...` to the end; an unexpected error (exit code 1 and a stack in a process) is thrown. */
export async function runCliInProcess(args: string[], options: InProcessCliOptions = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const status = await runCommandLine(args, {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    interactive: false,
    env: options.env ?? {},
    packageRoot: PACKAGE_ROOT,
    cacheDirectory: options.cacheDirectory ?? NO_CACHE_DIRECTORY,
  });
  return { status, stdout, stderr };
}

/** Runs a command with --json in this process, requires exit code 0, and parses what it printed. */
export async function inProcessCliJson<T>(args: string[], options: InProcessCliOptions = {}): Promise<T> {
  const result = await runCliInProcess([...args, "--json"], options);
  if (result.status !== 0) {
    throw new Error(`hf-lineage ${args.join(" ")} exited with ${result.status}: ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as T;
}
