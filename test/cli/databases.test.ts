// Which database a command reads: a mistyped --db or an empty file is refused (only import and crawl create one),
// and a name that is both an org and an org-less model id is answered as both, the org first. Expected figures by
// hand.

import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBuiltCli } from "../support/built-cli.js";
import { runCliInProcess } from "../support/in-process-cli.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-databases-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("a --db that does not exist", () => {
  it.each([["stats"], ["summary"], ["check"], ["top"], ["family", "a/b"], ["serve", "--port", "0"]])(
    "%s refuses it, exits 1 and creates nothing",
    async (...args) => {
      const db = join(folder, "typo.db");
      const result = await runCliInProcess([...args, "--db", db]);
      expect(result).toEqual({
        status: 1,
        stdout: "",
        stderr:
          `hf-lineage ${args[0]}: no database at "${db}": check the path, or create one with ` +
          "`hf-lineage import` or `hf-lineage crawl`\n",
      });
      expect(existsSync(db)).toBe(false);
    },
  );
  it.each([["stats"], ["top"], ["check"], ["export", "-o", "-"]])(
    "%s refuses an empty file, exits 1 and leaves it empty",
    async (...args) => {
      const db = join(folder, `empty-${args[0]}.db`);
      writeFileSync(db, "");
      const result = await runCliInProcess([...args, "--db", db]);
      expect(result).toEqual({
        status: 1,
        stdout: "",
        stderr: `hf-lineage ${args[0]}: store: "${db}" is empty, not an hf-lineage database\n`,
      });
      expect(statSync(db).size).toBe(0);
    },
  );
  it("in a folder the user may not write is refused in one line saying what to do", async () => {
    const shared = join(folder, "read-only");
    mkdirSync(shared);
    const db = join(shared, "lineage.db");
    const file = join(folder, "one-edge-read-only.csv");
    writeFileSync(file, "child,parent\na/b,c/d\n");
    expect((await runCliInProcess(["import", file, "--db", db])).status).toBe(0);
    chmodSync(db, 0o444);
    chmodSync(shared, 0o555);
    chmodSync(folder, 0o755); // made private by mkdtemp: the other user must reach the database
    // Root writes anywhere, so as root the command runs as the unprivileged user nobody.
    const asUser = process.getuid?.() === 0 ? { uid: 65_534, gid: 65_534 } : {};
    const result = runBuiltCli(["stats", "--db", db], asUser);
    expect(result.stderr, "the built command line must be readable by the user it runs as").not.toContain(
      "Cannot find module",
    );
    expect([result.status, result.stdout, result.stderr]).toEqual([
      1,
      "",
      `hf-lineage stats: store: "${db}" cannot be written (attempt to write a readonly database): hf-lineage ` +
        "writes to it and beside it (its journal and lineage index); check its and its folder's permissions, or " +
        "copy it to a folder you may write\n",
    ]);
    chmodSync(shared, 0o755);
  });
  it("is created by import", async () => {
    const db = join(folder, "new.db");
    const file = join(folder, "one-edge.csv");
    writeFileSync(file, "child,parent\na/b,c/d\n");
    expect((await runCliInProcess(["import", file, "--db", db])).status).toBe(0);
    expect(existsSync(db)).toBe(true);
  });
});

describe("an org and an org-less model of the same name", () => {
  // Records: the org-less model `x` and x/a; edges x → x/a → y/b (no relation column: unknown).
  // Org x: own model x/a; its family is y/b (depth 1). Model x: x/a (1) and y/b (2); x declares no base.
  const db = join(folder, "same-name.db");
  const models = join(folder, "models.csv");
  const edges = join(folder, "edges.csv");
  writeFileSync(models, "id,architecture\nx,llama\nx/a,llama\n");
  writeFileSync(edges, "child,parent\nx/a,x\ny/b,x/a\n");

  it("are both reported, the org first", async () => {
    expect((await runCliInProcess(["import", models, edges, "--db", db])).status).toBe(0);
    const text = await runCliInProcess(["family", "x", "--db", db]);
    expect(text).toEqual({
      status: 0,
      stdout: [
        "org x",
        "own models   1",
        "descendants  1 (unknown 1)",
        "by depth     1: 1",
        "",
        "model x",
        "direct children  1 (unknown 1)",
        "descendants      2 (unknown 2)",
        "by depth         1: 1, 2: 1",
        "ancestors        none (a root)",
        "",
      ].join("\n"),
      stderr: "",
    });
    const json = JSON.parse((await runCliInProcess(["family", "x", "--json", "--db", db])).stdout) as {
      kind: string;
      query: string;
      alsoModel?: { kind: string; query: string; descendants: { total: number } };
    };
    expect([json.kind, json.query, json.alsoModel?.kind, json.alsoModel?.query]).toEqual(["org", "x", "model", "x"]);
    expect(json.alsoModel?.descendants.total).toBe(2);
  });
});
