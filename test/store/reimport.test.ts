// Importing the same real files again changes nothing: without --force they are recognised by content and
// skipped; with --force they are read again and every models, edges and unresolved row comes out the same.

import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importFile } from "../../src/sync/import-file.js";
import { openStore } from "../../src/store/open-store.js";
import { runBuiltCli as runCli } from "../support/built-cli.js";
import { DEEPSEEK_R1_DUMP, EDGES_CSV, KOKORO_DUMP, METADATA_CSV } from "../support/bundled-data.js";
import { lineageRows, lineageRowsOfFile } from "../support/lineage-table-rows.js";
import { connectionOf } from "../../src/store/database-handle.js";

const FILES = [EDGES_CSV, METADATA_CSV, DEEPSEEK_R1_DUMP, KOKORO_DUMP];

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-reimport-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("importing the same files again", () => {
  // Thirteen imports of the real files, each with SQLite's quick_check before it (and after it, when it writes).
  it("skips content already imported and leaves every row as it was", { timeout: 120_000 }, async () => {
    const db = openStore(":memory:");
    const first = [];
    for (const file of FILES) first.push(await importFile(db, file));
    expect(first.map((summary) => summary.status)).toEqual(["complete", "complete", "complete", "complete"]);
    const before = lineageRows(db);
    for (const file of FILES) expect((await importFile(db, file)).status).toBe("already-imported");
    // The same content under another name is the same content: recognised by its SHA-256, not its path.
    const renamed = join(folder, "copy-of-kokoro.json.gz");
    copyFileSync(KOKORO_DUMP, renamed);
    expect((await importFile(db, renamed)).status).toBe("already-imported");
    expect(lineageRows(db)).toEqual(before);

    const forced = [];
    for (const file of FILES) forced.push(await importFile(db, file, { force: true }));
    expect(forced.map((summary) => summary.status)).toEqual(["complete", "complete", "complete", "complete"]);
    // Read again record by record: the same records, skips and warnings as the first time ...
    expect(forced.map((s) => [s.records, s.skipped, s.warnings])).toEqual(
      first.map((s) => [s.records, s.skipped, s.warnings]),
    );
    // ... and not one row of models, edges or unresolved differs.
    const after = lineageRows(db);
    expect(after.models).toEqual(before.models);
    expect(after.edges).toEqual(before.edges);
    expect(after.unresolved).toEqual(before.unresolved);
    expect((connectionOf(db).prepare(`SELECT count(*) AS n FROM runs`).get() as { n: number }).n).toBe(8);
    db.close();
  });

  it("does the same through the command line, --force included", () => {
    const path = join(folder, "cli.db");
    const first = runCli(["import", KOKORO_DUMP, "--db", path]);
    expect(first.status, first.stderr).toBe(0);
    const before = lineageRowsOfFile(path);
    const again = runCli(["import", KOKORO_DUMP, "--db", path]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(`${KOKORO_DUMP}: already imported (same content); use --force to import it again\n`);
    const forced = runCli(["import", KOKORO_DUMP, "--db", path, "--force"]);
    expect(forced.status, forced.stderr).toBe(0);
    // The Kokoro dump has 14 entries in "models" (counted with python3 json.load).
    expect(forced.stdout).toContain(`${KOKORO_DUMP} (family-trees): 14 records`);
    expect(lineageRowsOfFile(path)).toEqual(before);
  });
});
