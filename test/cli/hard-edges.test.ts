// Failures at the edges: a wrong --format is recorded as failed and the right one then imports the file; SQLite
// and file-system failures are one line naming the file and what to do (the stack only with --debug); a file
// that is not an hf-lineage database is refused before anything is written to it.

import { createHash } from "node:crypto";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundledText, EDGES_CSV } from "../support/bundled-data.js";
import { runCliInProcess } from "../support/in-process-cli.js";
import { failureLine } from "../../src/commands/failure-line.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-hard-edges-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const sqlite = (file: string, sql: string) =>
  execFileSync("python3", [
    "-c",
    "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(sys.argv[2]).fetchall()); c.commit()",
    file,
    sql,
  ])
    .toString()
    .trim();
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("a wrong --format", () => {
  it("is recorded as failed and does not block the right import of the same file", async () => {
    // The first 201 lines of the real edge list: 200 rows; children and edges counted by splitting the lines.
    const lines = bundledText(EDGES_CSV).split("\r\n").slice(0, 201);
    const pairs = lines.slice(1).map((line) => line.split(","));
    const children = new Set(pairs.map(([, child]) => child)).size;
    const edges = new Set(pairs.map(([parent, child]) => `${parent} ${child}`)).size;
    const file = join(folder, "edges.csv");
    writeFileSync(file, lines.join("\r\n") + "\r\n");
    const db = join(folder, "format.db");
    const wrong = await runCliInProcess(["import", file, "--format", "hub-json", "--db", db]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/^ingest: ".*edges\.csv": none of its 201 records could be read \(first: .*\)\n$/);
    expect(sqlite(db, "SELECT status, records_read, records, skipped FROM runs")).toBe("[('failed', 0, 0, 0)]");
    expect(sqlite(db, "SELECT count(*) FROM run_problems")).toBe("[(0,)]");
    const right = await runCliInProcess(["import", file, "--db", db]);
    expect(right.status, right.stderr).toBe(0);
    expect(right.stdout.split("\n")[0]).toMatch(
      new RegExp(
        `^.*edges\\.csv \\(edges-csv\\): 200 records, \\d+ models, ${edges} edges, 0 unresolved bases, 0 skipped`,
      ),
    );
    expect(sqlite(db, "SELECT count(*) FROM models WHERE placeholder = 0")).toBe(`[(${children},)]`);
    expect(sqlite(db, "SELECT count(*) FROM edges")).toBe(`[(${edges},)]`);
    // The wrong format again: still refused, still not blocking.
    expect((await runCliInProcess(["import", file, "--format", "hub-json", "--db", db])).status).toBe(1);
    expect((await runCliInProcess(["import", file, "--db", db])).stdout).toContain("already imported");
  });
});

describe("SQLite and file-system failures", () => {
  it("a lock held by another writer for longer than 5 s: one line naming the database, exit 1", async () => {
    const db = join(folder, "locked.db");
    const file = join(folder, "one.csv");
    writeFileSync(file, "child,parent\na/b,c/d\n");
    expect((await runCliInProcess(["import", file, "--db", db])).status).toBe(0);
    const other = join(folder, "two.csv");
    writeFileSync(other, "child,parent\ne/f,g/h\n");
    // Another process takes the write lock and keeps it for 14 s; each import waits 5 s, then gives up.
    const holder = spawn("python3", [
      "-c",
      "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); " +
        "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(14); c.execute('ROLLBACK')",
      db,
    ]);
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    const result = await runCliInProcess(["import", other, "--db", db]);
    const debug = await runCliInProcess(["import", other, "--db", db, "--debug"]);
    holder.kill();
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `hf-lineage import: the database "${db}" another process holds a lock on it (database is locked); ` +
        "wait for that import or crawl to finish and try again\n",
    );
    // With --debug, the same line and then the stack.
    expect(debug.status).toBe(1);
    expect(debug.stderr.startsWith(result.stderr)).toBe(true);
    expect(debug.stderr).toMatch(/\n {4}at /);
  }, 40_000);

  it("turns each SQLite and file-system error code into its line", () => {
    const sqliteError = (code: string, message: string) =>
      Object.assign(new Error(message), { name: "SqliteError", code });
    expect(failureLine(sqliteError("SQLITE_FULL", "database or disk is full"), "x.db")).toBe(
      'the database "x.db" the disk is full (database or disk is full); free some space and run the command again',
    );
    expect(failureLine(sqliteError("SQLITE_BUSY", "database is locked"), "x.db")).toBe(
      'the database "x.db" another process holds a lock on it (database is locked); ' +
        "wait for that import or crawl to finish and try again",
    );
    expect(failureLine(sqliteError("SQLITE_CORRUPT_INDEX", "database disk image is malformed"), "x.db")).toBe(
      'the database "x.db" is damaged (database disk image is malformed); ' +
        "restore it from a copy, or build a new one with import or crawl",
    );
    const enospc = Object.assign(new Error("ENOSPC: no space left on device, write"), {
      code: "ENOSPC",
      path: "/o.gexf",
    });
    expect(failureLine(enospc, "x.db")).toBe(
      '"/o.gexf" cannot be written: the disk is full; free some space and run the command again',
    );
    expect(failureLine(new Error("plain"), "x.db")).toBeNull();
    expect(failureLine(Object.assign(new Error("odd"), { code: "EWHATEVER" }), "x.db")).toBeNull();
  });

  it("an export to a path through a file: one line naming it", async () => {
    const db = join(folder, "export.db");
    const file = join(folder, "three.csv");
    writeFileSync(file, "child,parent\na/b,c/d\n");
    expect((await runCliInProcess(["import", file, "--db", db])).status).toBe(0);
    const target = join(file, "all.gexf");
    const result = await runCliInProcess(["export", "-o", target, "--db", db]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toBe(`hf-lineage export: "${target}" has a part that is not a folder; check the path\n`);
  });
});

describe("a file that is not an hf-lineage database", () => {
  it.each([
    ["another program's database", "CREATE TABLE t (x)"],
    ["a database with a table named meta", "CREATE TABLE meta (k, v)"],
  ])("%s is refused and left exactly as it was (journal mode too)", async (_label, sql) => {
    const db = join(folder, `foreign-${sql.length}.db`);
    sqlite(db, sql);
    const before = sha(db);
    for (const args of [["stats"], ["import", join(folder, "one.csv")]]) {
      const result = await runCliInProcess([...args, "--db", db]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /^hf-lineage (stats|import): store: ".*" is an SQLite database but not an hf-lineage one\n$/,
      );
    }
    expect(sha(db)).toBe(before);
    expect(sqlite(db, "PRAGMA journal_mode")).toBe("[('delete',)]");
  });
});
