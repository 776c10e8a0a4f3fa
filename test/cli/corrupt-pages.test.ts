// A database with damaged pages (garbage written on purpose into a page of the edges' parent index of a copy of the
// real edge list's database): an import into it fails with one line naming the file and what to do, records no
// success, and `check --integrity` reports the damage; an intact copy passes the same check.

import { execFileSync } from "node:child_process";
import { closeSync, copyFileSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/in-process-cli.js";
import { fixturePath } from "../support/fixture-databases.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

/** Runs one statement with Python's own sqlite3 (an independent reader) and prints its rows. */
const sqlite = (file: string, sql: string) =>
  execFileSync("python3", [
    "-c",
    "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall())",
    file,
    sql,
  ])
    .toString()
    .trim();

let folder: string;
let intact: string;
let damaged: string;
let edgeList: string;

beforeAll(() => {
  folder = scratchFolder();
  intact = join(folder, "intact.db");
  damaged = join(folder, "damaged.db");
  copyFileSync(fixturePath("edges"), intact);
  copyFileSync(fixturePath("edges"), damaged);
  const pageSize = Number(/\d+/.exec(sqlite(damaged, "PRAGMA page_size"))?.[0]);
  const rootPage = Number(
    /\d+/.exec(sqlite(damaged, "SELECT rootpage FROM sqlite_master WHERE name = 'edges_parent'"))?.[0],
  );
  // The index's root page (pages are numbered from 1) becomes 512 bytes of 0xA5 from its start.
  const handle = openSync(damaged, "r+");
  writeSync(handle, Buffer.alloc(512, 0xa5), 0, 512, (rootPage - 1) * pageSize);
  closeSync(handle);
  edgeList = join(folder, "two-edges.csv");
  writeFileSync(edgeList, "parent,child\nsome-org/base,some-org/tune\nsome-org/tune,other-org/quant\n");
});
afterAll(removeScratchFolders);

describe("a database with damaged pages", () => {
  it("refuses an import with one line naming the file and what to do, and records no success", async () => {
    const runsBefore = sqlite(damaged, "SELECT count(*), count(*) FILTER (WHERE status = 'complete') FROM runs");
    const result = await runCliInProcess(["import", edgeList, "--db", damaged]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n").length).toBe(2);
    expect(result.stderr).toContain(`the database "${damaged}" is damaged (before the import: `);
    expect(result.stderr).toMatch(/; restore it from a copy, or build a new one with import or crawl\n$/);
    expect(sqlite(damaged, "SELECT count(*), count(*) FILTER (WHERE status = 'complete') FROM runs")).toBe(runsBefore);
    expect(sqlite(damaged, "SELECT count(*) FROM models WHERE id = 'some-org/tune'")).toBe("[(0,)]");
  });

  it("is reported by check --integrity (exit 1), as SQLite's own integrity_check finds it", async () => {
    const result = await runCliInProcess(["check", "--integrity", "--db", damaged]);
    expect(result.status).toBe(1);
    expect(result.stdout.split("\n")[0]).toBe(`integrity: damaged (SQLite integrity_check of "${damaged}")`);
    // Python's sqlite3 (another build of SQLite) finds the same file damaged.
    expect(sqlite(damaged, "PRAGMA integrity_check")).not.toBe("[('ok',)]");
    const json = await runCliInProcess(["check", "--integrity", "--json", "--db", damaged]);
    expect(json.status).toBe(1);
    const { integrity } = JSON.parse(json.stdout) as { integrity: { check: string; ok: boolean; problems: string[] } };
    expect([integrity.check, integrity.ok, integrity.problems.length > 0]).toEqual(["full", false, true]);
  });

  it("an intact copy passes the same check and imports", async () => {
    expect(sqlite(intact, "PRAGMA integrity_check")).toBe("[('ok',)]");
    const checked = await runCliInProcess(["check", "--integrity", "--db", intact]);
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout.split("\n")[0]).toBe("integrity: ok (SQLite integrity_check: every page and index entry)");
    const imported = await runCliInProcess(["import", edgeList, "--db", intact]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(sqlite(intact, "SELECT count(*) FROM edges WHERE child IN ('some-org/tune', 'other-org/quant')")).toBe(
      "[(2,)]",
    );
  });
});
