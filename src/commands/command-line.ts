// The command line as a function of its arguments: answers --help and --version from the command specs alone,
// loads and runs the chosen command, and turns errors into messages and exit codes (0 ok, 1 failure, 2 bad usage).
// Arguments are read with commander: it suggests the closest option or command, throws instead of exiting, and loads
// in a few milliseconds.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Command as Program, CommanderError, Option } from "commander";
import type { Store } from "../store/open-store.js";
import { COMMANDS, HELP_OPTION, SHARED_OPTIONS } from "./all-commands.js";
import { quoteValue } from "../vocabulary/option-values.js";
import { printableLines } from "../vocabulary/safe-text.js";
import {
  CommandError,
  UsageError,
  type CommandContext,
  type CommandOutput,
  type CommandSpec,
  type OptionSpec,
} from "./command.js";
import { commandHelp, overviewHelp } from "./command-help.js";
import { failureLine } from "./failure-line.js";

export interface CommandLineIo extends Omit<CommandOutput, "raw"> {
  /** The environment variables handed to the commands (HF_TOKEN, HF_ENDPOINT). */
  env: CommandContext["env"];
  /** The folder of package.json and data/ (the bundled snapshot). */
  packageRoot: string;
  /** Where the default database is built and kept. */
  cacheDirectory: string;
}

const USAGE_EXIT_CODE = 2;
const FAILURE_EXIT_CODE = 1;

/**
 * Failures reported in one line with exit code 1. They are told by name, not by class, so that --help loads none
 * of the modules that define them (the store, the graph).
 */
const REPORTED_FAILURES: ReadonlySet<string> = new Set([
  "CommandError",
  "StoreError",
  "UnknownQueryError",
  "AmbiguousQueryError",
]);

interface Invocation {
  command: CommandSpec;
  values: CommandContext["values"];
  positionals: string[];
}

function commanderOption(option: OptionSpec): Option {
  const long = `--${option.name}${option.value === undefined ? "" : ` <${option.value}>`}`;
  const parsed = new Option(option.short === undefined ? long : `-${option.short}, ${long}`, option.help);
  // A repeated list option gathers its values as one comma-separated list.
  if (option.list === true)
    parsed.argParser((value: string, previous: string | undefined) =>
      previous === undefined ? value : `${previous},${value}`,
    );
  return parsed;
}

/**
 * commander's message as one line in the house style: `error: unknown option '--depht'\n(Did you mean --depth?)`
 * becomes `unknown option "--depht"; did you mean "--depth"?`.
 */
function commanderMessage(error: CommanderError): string {
  return error.message
    .replace(/^error: /, "")
    .replace(/'([^'\n]*)'/g, (_quoted, text: string) => quoteValue(text))
    .replace(/\n\(Did you mean ([^\s,]+)\?\)$/, (_suggestion, name: string) => `; did you mean ${quoteValue(name)}?`)
    .replace(/\n\(Did you mean (.*)\?\)$/, "; did you mean $1?");
}

function packageVersion(packageRoot: string): string {
  return (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
}

/** The parser of every command; `onCommand` gets the command chosen and its arguments, and nothing runs yet. */
function buildProgram(io: CommandLineIo, onCommand: (invocation: Invocation) => void): Program {
  const program = new Program("hf-lineage")
    .version(packageVersion(io.packageRoot), "--version", "print the version")
    .helpOption(`-${HELP_OPTION.short}, --${HELP_OPTION.name}`, HELP_OPTION.help)
    .helpCommand(false)
    .exitOverride()
    // Errors are thrown (exitOverride) and reported below in the house format, not printed by commander.
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text), outputError: () => {} })
    .configureHelp({ formatHelp: () => overviewHelp() });
  for (const command of COMMANDS) {
    const options = [...command.options, ...SHARED_OPTIONS];
    const subcommand = program
      .command(command.name)
      .allowExcessArguments()
      .configureHelp({ formatHelp: () => commandHelp(command) });
    const parsers = options.map((option) => [option.name, commanderOption(option)] as const);
    for (const [, parser] of parsers) subcommand.addOption(parser);
    subcommand.action((_options, self: Program) => {
      const values = Object.fromEntries(
        parsers.map(([name, parser]) => [name, self.getOptionValue(parser.attributeName()) as string | boolean]),
      );
      onCommand({ command, values, positionals: self.args });
    });
  }
  return program;
}

function reportUsageError(io: CommandLineIo, command: string | undefined, message: string): number {
  const prefix = command === undefined ? "hf-lineage" : `hf-lineage ${command}`;
  const topic = command === undefined ? "the commands" : "its usage";
  io.err(`${prefix}: ${message}\nRun \`${prefix} --help\` for ${topic}.\n`);
  return USAGE_EXIT_CODE;
}

async function openStoreFor(command: CommandSpec, values: CommandContext["values"], io: CommandLineIo): Promise<Store> {
  if (typeof values.db === "string") {
    // A mistyped --db must not become a new, empty database that answers zeros.
    if (command.createsDatabase !== true && !existsSync(values.db))
      throw new CommandError(
        `no database at "${values.db}": check the path, ` +
          "or create one with `hf-lineage import` or `hf-lineage crawl`",
      );
    // Nor may an empty file (one SQLite would take as a new database).
    return (await import("../store/open-store.js")).openStore(values.db, {
      existing: command.createsDatabase !== true,
    });
  }
  const { openDefaultStore } = await import("../sync/bundled-database.js");
  const dataDirectory = join(io.packageRoot, "data");
  return openDefaultStore({ dataDirectory, cacheDirectory: io.cacheDirectory, onProgress: io.err });
}

async function runInvocation({ command, values, positionals }: Invocation, io: CommandLineIo): Promise<number> {
  let store: Store | undefined;
  const output: CommandOutput = {
    out: values.json === true ? io.out : (text) => io.out(printableLines(text)),
    raw: io.out,
    err: io.err,
    interactive: io.interactive,
  };
  const context: CommandContext = {
    values,
    positionals,
    output,
    env: io.env,
    packageRoot: io.packageRoot,
    openStore: async () => (store ??= await openStoreFor(command, values, io)),
  };
  try {
    const { run } = await command.load();
    return (await run(context)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) return reportUsageError(io, command.name, error.message);
    if (error instanceof Error && REPORTED_FAILURES.has(error.name)) {
      io.err(`hf-lineage ${command.name}: ${printableLines(error.message)}\n`);
      if (values.debug === true && error.stack !== undefined) io.err(`${error.stack}\n`);
      return FAILURE_EXIT_CODE;
    }
    const line = failureLine(error, typeof values.db === "string" ? values.db : "bundled (default)");
    if (line !== null) {
      io.err(`hf-lineage ${command.name}: ${printableLines(line)}\n`);
      if (values.debug === true && error instanceof Error && error.stack !== undefined) io.err(`${error.stack}\n`);
      return FAILURE_EXIT_CODE;
    }
    throw error;
  } finally {
    store?.close();
  }
}

/** Runs `hf-lineage ARGV...` and returns its exit code; unexpected errors are thrown for the caller to report. */
export async function runCommandLine(argv: readonly string[], io: CommandLineIo): Promise<number> {
  if (argv.length === 0) {
    return reportUsageError(io, undefined, `give a command: ${COMMANDS.map((command) => command.name).join(", ")}`);
  }
  // `help` and `help COMMAND` are --help said another way.
  const args = argv[0] === "help" ? [...argv.slice(1, 2), "--help"] : [...argv];
  let invocation: Invocation | undefined;
  let commandName: string | undefined;
  const program = buildProgram(io, (chosen) => {
    invocation = chosen;
  }).hook("preSubcommand", (_program, subcommand) => {
    commandName = subcommand.name();
  });
  try {
    program.parse(args, { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help and --version have written their text already.
    return error.exitCode === 0 ? 0 : reportUsageError(io, commandName, commanderMessage(error));
  }
  if (invocation === undefined) throw new Error("commands/command-line: the arguments named no command");
  // An empty argument (`family ""`, an unset shell variable) names nothing: bad usage, not an unknown id.
  if (invocation.positionals.some((positional) => positional.trim().length === 0))
    return reportUsageError(
      io,
      invocation.command.name,
      "an argument is empty; give what it names (an id, an org or a file)",
    );
  return runInvocation(invocation, io);
}
