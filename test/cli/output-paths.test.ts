// An output path that cannot be written (its folder missing or a file, or the path a folder) is refused by `export`
// and `report` in one line naming the path given, before any work, leaving nothing behind.

import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { fixturePath } from "../support/fixture-databases.js";
import { runCliInProcess } from "../support/in-process-cli.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

afterAll(removeScratchFolders);

it.each([
  ["export", "Qwen", "--format", "gexf", "-o"],
  ["report", "--format", "markdown", "-o"],
])("%s refuses an output it cannot write, naming the path given", async (...command) => {
  const dir = scratchFolder();
  writeFileSync(join(dir, "a-file"), "");
  const cases: [path: string, line: string][] = [
    [join(dir, "missing", "out.md"), `"${join(dir, "missing")}" does not exist; check the path`],
    [
      join(dir, "a-file", "out.md"),
      `"${join(dir, "a-file", "out.md")}" has a part that is not a folder; check the path`,
    ],
    [dir, `"${dir}" is a folder, not a file; give the path of a file`],
  ];
  for (const [path, line] of cases) {
    const result = await runCliInProcess([...command, path, "--db", fixturePath("bundle")]);
    expect(result).toEqual({ status: 1, stdout: "", stderr: `hf-lineage ${command[0]}: ${line}\n` });
  }
  expect(readdirSync(dir)).toEqual(["a-file"]);
});
