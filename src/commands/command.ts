// What every command of the command line is: a name, its options in node:util parseArgs form, and a run
// function that gets parsed arguments and an output channel. Only src/cli.ts turns these into a process.

import type { ParseArgsConfig } from "node:util";
import type { Store } from "../store/open-store.js";

export interface CommandOutput {
  /** Writes text to standard output as is (add the newline yourself). */
  out(text: string): void;
  /** Writes diagnostics and progress to standard error. */
  err(text: string): void;
  /** Whether standard error is a terminal (show progress only then). */
  interactive: boolean;
}

export interface CommandContext {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  output: CommandOutput;
  /** The environment variables the command line passes on (HF_TOKEN, HF_ENDPOINT). */
  env: Readonly<Record<string, string | undefined>>;
  /** Opens the database named by --db, or the bundled default (building it on first use). */
  openStore(): Promise<Store>;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The usage line(s) after `hf-lineage`, for --help. */
  usage: string;
  /** Options beyond the shared --db, --json and --help. */
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Help text for the options, one line each. */
  optionHelp: string[];
  /** Returns the exit code (0 when omitted). */
  run(context: CommandContext): Promise<number | void>;
}

/** Bad usage: the command line prints the message and the usage, and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A failure to report in one line and exit with 1 (an unknown id, an unreadable file). */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandError";
  }
}
