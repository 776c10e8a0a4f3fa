#!/usr/bin/env node
// The hf-lineage command line: the one place that reads argv and the environment, turns errors into messages
// and exit codes (0 ok, 1 failure, 2 bad usage), and hands each command its parsed arguments.

import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CommandError, UsageError, type Command, type CommandContext, type CommandOutput } from "./commands/command.js";
import { COMMANDS } from "./commands/all-commands.js";
import { UnknownQueryError } from "./graph/resolve-query.js";
import { openDefaultStore } from "./sync/bundled-database.js";
import { openStore, StoreError, type Store } from "./store/open-store.js";

const SHARED_OPTIONS = {
  db: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const SHARED_HELP: [string, string][] = [
  ["--db PATH", "the database to use (default: the bundled snapshot, built on first use)"],
  ["--json", "print JSON for scripts"],
  ["-h, --help", "show this help"],
];

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    "hf-lineage: how models on the Hugging Face Hub derive from one another",
    "",
    "Usage: hf-lineage COMMAND [options]",
    "",
    "Commands:",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    "Run `hf-lineage COMMAND --help` for a command's options.",
    "",
  ].join("\n");
}

function commandHelp(command: Command): string {
  // The shared options line up with the command's own: their text starts where the command's does.
  const column = Math.max(15, ...command.optionHelp.map((line) => /^\S.*?\s{2,}(?=\S)/.exec(line)?.[0].length ?? 0));
  const shared = SHARED_HELP.map(([flag, text]) => `${flag.padEnd(column)}${text}`);
  return [`Usage: ${command.usage.split("\n").map((line) => `hf-lineage ${line}`).join("\n       ")}`, "", command.summary, "", "Options:", ...[...command.optionHelp, ...shared].map((line) => `  ${line}`), ""].join("\n");
}

function cacheDirectory(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "hf-lineage");
}

async function main(argv: string[]): Promise<number> {
  const output: CommandOutput = {
    out: (text) => {
      process.stdout.write(text);
    },
    err: (text) => {
      process.stderr.write(text);
    },
    interactive: process.stderr.isTTY === true,
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    output.out(overview());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    output.err(`hf-lineage: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  let store: Store | undefined;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...SHARED_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (parsed.values.help === true) {
      output.out(commandHelp(command));
      return 0;
    }
    const dbPath = parsed.values.db;
    const context: CommandContext = {
      values: parsed.values as CommandContext["values"],
      positionals: parsed.positionals,
      output,
      env: { HF_TOKEN: process.env.HF_TOKEN, HF_ENDPOINT: process.env.HF_ENDPOINT },
      openStore: async () => {
        const opened = store ?? (typeof dbPath === "string" ? openStore(dbPath) : await openDefaultStore({ dataDirectory: join(PACKAGE_ROOT, "data"), cacheDirectory: cacheDirectory(), onProgress: output.err }));
        store = opened;
        return opened;
      },
    };
    return (await command.run(context)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`hf-lineage ${command.name}: ${error.message}\n\n${commandHelp(command)}`);
      return 2;
    }
    if (error instanceof UnknownQueryError || error instanceof CommandError || error instanceof StoreError) {
      output.err(`hf-lineage ${command.name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    store?.close();
  }
}

// A reader that stops early (`hf-lineage tree X | head`) closes the pipe: that ends the output, not in a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`hf-lineage: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
