// Every value lands once, as an edge or a finding with its reason, and the counts an import reports are the rows
// the database holds. Records are real Hub records (the Kokoro-82M dump) with hostile values written into them.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importFile } from "../../src/sync/import-file.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { runChecks } from "../../src/graph/checks.js";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { KOKORO_DUMP } from "../support/bundled-data.js";
import { hubRecordOf, withoutBaseModelTags } from "../support/real-hub-records.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-findings-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}
const count = (db: Store, table: string) =>
  (connectionOf(db).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function card(id: string, baseModel: unknown, tags: string[] = []) {
  const record = withoutBaseModelTags(hubRecordOf(KOKORO_DUMP, id));
  return { ...record, tags: [...record.tags, ...tags], cardData: { ...record.cardData, base_model: baseModel } };
}

describe("findings are counted as stored", () => {
  it("counts each raw value of a record once, the same in the summary and the table", async () => {
    // ThornoDen/Sonya: N/A twice, "null" and null, a dataset URL twice (6 values, 4 distinct raw values);
    // Oscuridad/aaaa: placeholder tags (base_model:N/A, base_model:finetune:null) and a Space path on the card.
    const lines = [
      card("ThornoDen/Sonya", ["N/A", "N/A", "null", null, "datasets/x", "datasets/x"]),
      card("Oscuridad/aaaa", "spaces/x", ["base_model:N/A", "base_model:finetune:null"]),
    ];
    const db = openStore(":memory:");
    const summary = await importFile(db, write("dup.jsonl", lines.map((l) => JSON.stringify(l)).join("\n")));
    const stored = connectionOf(db)
      .prepare(`SELECT child, raw, reason FROM unresolved ORDER BY child, raw`)
      .raw()
      .all();
    expect(stored).toEqual([
      ["Oscuridad/aaaa", "base_model:N/A", "placeholder-text"],
      ["Oscuridad/aaaa", "base_model:finetune:null", "placeholder-text"],
      ["Oscuridad/aaaa", "spaces/x", "space"],
      ["ThornoDen/Sonya", "(null)", "empty"],
      ["ThornoDen/Sonya", "N/A", "placeholder-text"],
      ["ThornoDen/Sonya", "datasets/x", "dataset"],
      ["ThornoDen/Sonya", "null", "placeholder-text"],
    ]);
    expect(summary.unresolved).toBe(7);
    expect(count(db, "edges")).toBe(0);
    // Imported again (forced): the same rows, none new.
    const again = await importFile(db, write("dup-again.jsonl", lines.map((l) => JSON.stringify(l)).join("\n")));
    expect(again.unresolved).toBe(0);
    expect(count(db, "unresolved")).toBe(7);
  });

  it("turns a malformed escape into a finding and imports the rest of the edge list", async () => {
    const db = openStore(":memory:");
    const summary = await importFile(
      db,
      write("escape.csv", "child,parent\na/one,https://huggingface.co/%ZZ/x\na/two,https://huggingface.co/b/c\n"),
    );
    expect([summary.records, summary.edges, summary.unresolved, summary.skipped]).toEqual([2, 1, 1, 0]);
    expect(connectionOf(db).prepare(`SELECT reason FROM unresolved`).pluck().all()).toEqual(["malformed-escape"]);
  });

  it("keeps a record whose base_model is nested 100,000 deep", async () => {
    // Written by hand: JSON.stringify itself overflows the stack on such a value.
    const deep = `${"[".repeat(100_000)}"hexgrad/Kokoro-82M"${"]".repeat(100_000)}`;
    const db = openStore(":memory:");
    const line = `{"id":"a/deep","cardData":{"base_model":${deep}}}`;
    const summary = await importFile(db, write("deep.jsonl", `${line}\n`));
    expect([summary.records, summary.models, summary.unresolved, summary.skipped]).toEqual([1, 1, 1, 0]);
    expect(connectionOf(db).prepare(`SELECT base_model_raw FROM models WHERE id = 'a/deep'`).pluck().get()).toBe(
      JSON.stringify("(value too deep or too large to keep)"),
    );
  });

  it("lists skipped records in check with their reason", async () => {
    const db = openStore(":memory:");
    const path = write("skips.csv", "child,parent\nspaces/x,a/b\nN/A,a/b\nc/d,a/b\n");
    await importFile(db, path);
    const report = runChecks(openIndexedLineage(db));
    expect(report.skippedRecords).toEqual({
      description: "records that imports and crawls skipped, with the reason (not stored)",
      count: 2,
      examples: [
        { message: `${path} line 2: child "spaces/x" is not a model id (space)` },
        { message: `${path} line 3: child "N/A" is not a model id (placeholder-text)` },
      ],
    });
  });
});

describe("stored text is valid UTF-8", () => {
  it("replaces unpaired surrogates on ingest, so another SQLite client reads every table", async () => {
    const file = join(folder, "surrogates.db");
    const db = openStore(file);
    const lone = "a/b\ud800";
    const base = card("ThornoDen/Sonya", [lone, "\udc00x"]);
    const record = { ...base, cardData: { ...base.cardData, license: "mit\ud83d" } };
    await importFile(db, write("surrogates.jsonl", JSON.stringify(record) + "\n"));
    db.close();
    // Python's sqlite3 decodes TEXT as strict UTF-8 and fails on the encoding of a lone surrogate.
    const read = execFileSync("python3", [
      "-c",
      "import sqlite3,sys,json; c=sqlite3.connect(sys.argv[1]); " +
        "print(json.dumps([list(r) for r in c.execute('SELECT child, raw, reason FROM unresolved ORDER BY raw')]));" +
        "print(json.dumps(c.execute('SELECT license FROM models WHERE id = ?', ('ThornoDen/Sonya',)).fetchone()[0]))",
      file,
    ]).toString();
    expect(
      read
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      [
        ["ThornoDen/Sonya", "a/b\ufffd", "bad-syntax"],
        ["ThornoDen/Sonya", "\ufffdx", "bad-syntax"],
      ],
      "mit\ufffd",
    ]);
  });
});
