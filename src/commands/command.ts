// What a command of the command line is: a name, its help text, its options (node:util parseArgs), and a run
// function that gets parsed arguments and an output sink. Only cli.ts touches process, argv and env.

import type { ParseArgsConfig } from "node:util";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface CommandContext {
  /** Parsed `--option` values. */
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  /** Positional arguments after the command name. */
  positionals: string[];
  /** The database path (`--db`, else the bundled database, built on first use). */
  openDatabasePath: () => Promise<string>;
  /** Environment variables the command may read (HF_TOKEN, HF_ENDPOINT), handed in by cli.ts. */
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when standard error is a terminal: show progress there. */
  isTTY: boolean;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Usage and options, shown by `hf-lineage help NAME` and `hf-lineage NAME --help`. */
  usage: string;
  options: OptionSpec;
  /** Returns the exit code: 0 ok, 1 failure (unknown id, failed run), 2 bad usage. */
  run(context: CommandContext): Promise<number>;
}

/** Thrown for bad usage; cli.ts prints the message and the command's usage, and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
