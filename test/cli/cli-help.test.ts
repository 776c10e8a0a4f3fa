// The command line's help: the overview names every command, each command's --help lists every option it accepts
// (and the shared ones), and an unknown or missing command is bad usage (exit 2) with a pointer to --help. The
// built dist/cli.js is run as a process for --help, --version and an unknown command; the rest runs in-process.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/all-commands.js";
import { runBuiltCli } from "../support/built-cli.js";
import { runCliInProcess } from "../support/in-process-cli.js";

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
  quants: ["--format", "--bits", "--through", "--limit"],
  adapters: ["--through", "--limit"],
  licenses: ["--csv", "--limit"],
  path: ["--max-paths"],
  siblings: ["--limit"],
};
const SHARED = ["--db", "--json", "--debug", "--help"];

describe("the command line's help", () => {
  it("lists every command in the overview of the built file, exit 0 when asked for, as in-process", async () => {
    const result = runBuiltCli(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    for (const name of [...Object.keys(PROMISED), ...COMMANDS.map((command) => command.name)])
      expect(result.stdout).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
    expect(await runCliInProcess(["--help"])).toEqual(result);
  });

  it("prints the version of package.json from the built file", () => {
    const { version } = JSON.parse(readFileSync(resolve(process.cwd(), "package.json"), "utf8")) as { version: string };
    expect(runBuiltCli(["--version"])).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    "lists every option of `%s --help`",
    async (name, command) => {
      const result = await runCliInProcess([name, "--help"]);
      expect(result.status).toBe(0);
      expect(result.stdout.startsWith(`Usage: hf-lineage ${name}`)).toBe(true);
      const listed = [...result.stdout.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]);
      const accepted = [...command.options.map((option) => `--${option.name}`), ...SHARED];
      expect(new Set(listed)).toEqual(new Set([...accepted, ...(PROMISED[name] ?? [])]));
    },
  );

  it("exits with 2 on an unknown command, naming it and pointing to the commands on stderr", () => {
    const result = runBuiltCli(["frobnicate"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.startsWith('hf-lineage: unknown command "frobnicate"\n')).toBe(true);
    expect(result.stderr).toContain("Run `hf-lineage --help` for the commands.");
  });

  it("exits with 2 and names the commands when given none", async () => {
    const result = await runCliInProcess([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`give a command: ${COMMANDS.map((command) => command.name).join(", ")}\n`);
  });
});
