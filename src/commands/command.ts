// What every command of the command line is: a spec (name, usage, options, help) light enough for --help, and a
// run function, loaded only when the command runs, that gets parsed arguments and an output channel.

import type { Store } from "../store/open-store.js";

export interface CommandOutput {
  /**
   * Writes an answer to standard output (add the newline yourself). Text answers (no --json) pass through
   * `printableLines`: control characters and bidirectional overrides from the data are shown as `\u202e` escapes.
   */
  out(text: string): void;
  /** Writes bytes of a file format (an export to `-o -`) to standard output exactly as given. */
  raw(text: string): void;
  /** Writes diagnostics and progress to standard error. */
  err(text: string): void;
  /** Whether standard error is a terminal (show progress only then). */
  interactive: boolean;
}

export interface CommandContext {
  /** Option values by long name (`max-paths`): a string, true for a switch, undefined when not given. */
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  output: CommandOutput;
  /** The environment variables the command line passes on (HF_TOKEN, HF_ENDPOINT). */
  env: Readonly<Record<string, string | undefined>>;
  /** Where the package is installed: its `data/` and the built viewer in `web/dist/`. */
  packageRoot: string;
  /** Opens the database named by --db, or the bundled default (building it on first use). */
  openStore(): Promise<Store>;
}

/** A command's work; returns the exit code (0 when omitted). */
export type RunCommand = (context: CommandContext) => Promise<number | void>;

export interface OptionSpec {
  /** The long name without its dashes (`max-paths`), also the key of its value in CommandContext.values. */
  name: string;
  /** The one-letter short form (`f` for -f), if any. */
  short?: string;
  /** What --help calls the value (`N`, `LIST`); none for a switch such as --force. */
  value?: string;
  /** A list: the option may be given several times, and each value may list several items separated by commas. */
  list?: boolean;
  /** What the option does, for --help; a line break starts a line that continues under the first. */
  help: string;
}

export interface CommandSpec {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The usage line(s) after `hf-lineage`, for --help. */
  usage: string;
  /** Options beyond the shared --db, --json and --help. */
  options: OptionSpec[];
  /** Whether the command creates the database named by --db when there is none (the others refuse it). */
  createsDatabase?: boolean;
  /** Loads the module that does the command's work. */
  load(): Promise<{ run: RunCommand }>;
}

/** Bad usage: the command line prints the message and where to read the usage, and exits with 2. */
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
