// The text of --help: the overview that lists the commands, and one command's usage, summary and options, with
// every option's help starting in one column.

import { COMMANDS, HELP_OPTION, SHARED_OPTIONS } from "./all-commands.js";
import type { CommandSpec, OptionSpec } from "./command.js";

/** The option as --help shows it: `-f, --format F`, `--force`. */
export function optionFlags(option: OptionSpec): string {
  const long = `--${option.name}${option.value === undefined ? "" : ` ${option.value}`}`;
  return option.short === undefined ? long : `-${option.short}, ${long}`;
}

export function overviewHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    "hf-lineage: how models on the Hugging Face Hub derive from one another",
    "",
    "Usage: hf-lineage COMMAND [options]",
    "",
    "Commands:",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    "Run `hf-lineage COMMAND --help` for a command's options; `hf-lineage --version` prints the version.",
    "",
  ].join("\n");
}

export function commandHelp(command: CommandSpec): string {
  const options = [...command.options, ...SHARED_OPTIONS, HELP_OPTION];
  const column = Math.max(15, ...options.map((option) => optionFlags(option).length + 2));
  const optionLines = options.flatMap((option) => {
    const [first, ...more] = option.help.split("\n");
    return [`${optionFlags(option).padEnd(column)}${first}`, ...more.map((line) => `${" ".repeat(column)}${line}`)];
  });
  const usage = command.usage
    .split("\n")
    .map((line) => `hf-lineage ${line}`)
    .join("\n       ");
  const lines = [`Usage: ${usage}`, "", command.summary, "", "Options:", ...optionLines.map((line) => `  ${line}`)];
  return `${lines.join("\n")}\n`;
}
