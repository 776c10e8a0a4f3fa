// The command line called in-process through runCommandLine: help and the version without loading the store, the
// graph or any command's work; usage errors in one format (message, then a pointer to --help) with exit code 2.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { COMMANDS } from "../../src/commands/all-commands.js";
import { runCommandLine } from "../../src/commands/command-line.js";

// Loading any of these while answering --help or --version fails the test: help must stay light.
vi.mock("better-sqlite3", () => {
  throw new Error("test: --help loaded better-sqlite3");
});
vi.mock("graphology", () => {
  throw new Error("test: --help loaded graphology");
});
vi.mock("../../src/commands/family.js", () => {
  throw new Error("test: --help loaded the family command");
});

const PACKAGE_ROOT = resolve(process.cwd());

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCommandLine(argv, {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    interactive: false,
    env: {},
    packageRoot: PACKAGE_ROOT,
    cacheDirectory: "/nonexistent-cache",
  });
  return { code, stdout, stderr };
}

describe("runCommandLine", () => {
  it("answers --help, COMMAND --help and --version from the specs alone", async () => {
    const overview = await run("--help");
    expect(overview.code).toBe(0);
    expect(overview.stdout).toMatch(/^hf-lineage: how models on the Hugging Face Hub derive from one another\n/);
    for (const command of COMMANDS) {
      expect(overview.stdout).toContain(`\n  ${command.name.padEnd(9)}  ${command.summary}\n`);
    }
    expect(await run("family", "--help")).toEqual({
      code: 0,
      stdout: [
        "Usage: hf-lineage family ID_OR_ORG [--json]",
        "",
        "A model's or an org's family: direct children, descendants by relation and depth, ancestors",
        "",
        "Options:",
        "  --db PATH      the database to use (default: the bundled snapshot, built on first use)",
        "  --json         print JSON for scripts",
        "  --debug        on a failure, print the stack trace too",
        "  -h, --help     show this help",
        "",
      ].join("\n"),
      stderr: "",
    });
    const { version } = JSON.parse(readFileSync(resolve(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };
    expect(await run("--version")).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("reports a usage error in two lines, the message and a pointer to --help, with exit code 2", async () => {
    expect(await run("family", "a/b", "--json", "--limit", "3")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'hf-lineage family: unknown option "--limit"\nRun `hf-lineage family --help` for its usage.\n',
    });
    expect(await run()).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "hf-lineage: give a command: import, crawl, summary, stats, family, ancestors, tree, quants, adapters, " +
        "licenses, path, siblings, top, check, report, export, serve\nRun `hf-lineage --help` for the commands.\n",
    });
  });

  it("suggests the closest command or option", async () => {
    expect((await run("famly", "Qwen")).stderr).toBe(
      'hf-lineage: unknown command "famly"; did you mean "family"?\nRun `hf-lineage --help` for the commands.\n',
    );
    expect((await run("top", "--limt", "5")).stderr).toBe(
      'hf-lineage top: unknown option "--limt"; did you mean "--limit"?\nRun `hf-lineage top --help` for its usage.\n',
    );
  });
});
