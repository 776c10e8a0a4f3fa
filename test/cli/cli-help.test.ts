// The built command line's help: the overview names every command, each command's --help lists every option it
// accepts (and the shared ones), and an unknown or missing command is bad usage (exit 2) with a pointer to --help.
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/all-commands.js";
import { runCli } from "./run-cli.js";

/** The options of the lineage commands as their usage lines promise them, written out by hand. */
const PROMISED: Record<string, string[]> = {
  import: ["--format", "--child-column", "--parent-column", "--relation-column", "--force"],
  summary: ["--limit"],
  stats: [],
  family: [],
  ancestors: ["--max-paths"],
  tree: ["--depth", "--relations", "--max-nodes"],
  top: ["--by", "--limit"],
  check: ["--examples"],
};
const SHARED = ["--db", "--json", "--help"];

describe("the command line's help", () => {
  it("lists every command in the overview, exit 0 when asked for", () => {
    const result = runCli(["--help"]);
    expect(result.code).toBe(0);
    for (const name of [...Object.keys(PROMISED), ...COMMANDS.map((command) => command.name)])
      expect(result.stdout).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
  });

  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    "lists every option of `%s --help`",
    (name, command) => {
      const result = runCli([name, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout.startsWith(`Usage: hf-lineage ${name}`)).toBe(true);
      const listed = [...result.stdout.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]);
      const accepted = [...command.options.map((option) => `--${option.name}`), ...SHARED];
      expect(new Set(listed)).toEqual(new Set([...accepted, ...(PROMISED[name] ?? [])]));
    },
  );

  it("exits with 2 on an unknown command, naming it and pointing to the commands on stderr", () => {
    const result = runCli(["frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.startsWith('hf-lineage: unknown command "frobnicate"\n')).toBe(true);
    expect(result.stderr).toContain("Run `hf-lineage --help` for the commands.");
  });

  it("exits with 2 and names the commands when given none", () => {
    const result = runCli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`give a command: ${COMMANDS.map((command) => command.name).join(", ")}\n`);
  });
});
