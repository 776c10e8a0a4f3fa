#!/usr/bin/env node
// The hf-lineage command line as a process: the one place that reads argv and the environment, binds standard output
// and error, and sets the exit code; src/commands/command-line.ts does the rest.

import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runCommandLine } from "./commands/command-line.js";

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function cacheDirectory(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "hf-lineage");
}

// A reader that stops early (`hf-lineage tree X | head`) closes the pipe: that ends the output, not in a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(0);
});

runCommandLine(process.argv.slice(2), {
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
  interactive: process.stderr.isTTY === true,
  env: { HF_TOKEN: process.env.HF_TOKEN, HF_ENDPOINT: process.env.HF_ENDPOINT },
  packageRoot: PACKAGE_ROOT,
  cacheDirectory: cacheDirectory(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`hf-lineage: unexpected failure: ${text}\n`);
    process.exitCode = 1;
  },
);
