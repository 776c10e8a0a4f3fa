// The batch writer against the row writer it replaces: real files imported in big batches store exactly the rows,
// findings, model numbers and changed models that writing each record by itself stores, with the same counts.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectEdgeColumns } from "../../src/ingest/edges-csv-items.js";
import { detectFormat, itemsOf } from "../../src/ingest/import-formats.js";
import type { RecordRows } from "../../src/ingest/record-rows.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { createRowWriter } from "../../src/store/row-writer.js";
import { transaction } from "../../src/store/transaction.js";
import { importFile } from "../../src/sync/import-file.js";
import { ALL_DATA_FILES, FAMILY_TREES } from "../support/bundled-data.js";
import { dumpEntries, hubRecordOf } from "../support/real-hub-records.js";

const SHARED = resolve(process.cwd(), "../shared/data");
const SHARED_FILES = [
  join(SHARED, "lineage-top50k-textgen/edges.csv"),
  join(SHARED, "lineage-top50k-textgen/metadata.csv"),
  ...readdirSync(join(SHARED, "family-trees-2025-04"))
    .sort()
    .map((name) => join(SHARED, "family-trees-2025-04", name)),
];
const BAD_VALUES = (
  JSON.parse(readFileSync(resolve(process.cwd(), "test/fixtures/bad-base-models.json"), "utf8")) as {
    value: unknown;
  }[]
).map((entry) => entry.value);

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-batch-writer-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Every family-tree record in the Hub's JSONL shape, with its gguf, safetensors and config facts, then each record
 * again with its card naming one of the 453 bad `base_model` shapes (URLs, paths, org-less words, markup, control
 * characters) instead of its tags, and with expert counts (every third one), a dtype map of its own (every fifth) and
 * no gguf facts: the same model twice in one batch, details merged, replaced bases, org-less parents and findings of
 * every reason.
 */
function writeHubJsonl(path: string): number {
  const records = FAMILY_TREES.flatMap((dump) =>
    dumpEntries(dump)
      .filter((entry) => entry.metadata !== "N/A")
      .map((entry) => {
        const { gguf, safetensors, config } = JSON.parse(entry.metadata) as Record<string, unknown>;
        return { ...hubRecordOf(dump, entry.model_id), gguf, safetensors, config };
      }),
  );
  const again = records.map(({ gguf: _gguf, ...record }, index) => ({
    ...record,
    tags: record.tags.filter((tag) => !tag.startsWith("base_model:")),
    cardData: { ...record.cardData, base_model: BAD_VALUES[index % BAD_VALUES.length] },
    ...(index % 3 === 0 ? { config: { num_local_experts: index % 17, num_experts_per_tok: index % 4 } } : {}),
    ...(index % 5 === 0 ? { safetensors: { parameters: { U16: index, I8: "junk" }, total: index } } : {}),
  }));
  const lines = [...records, ...again].map((record) => JSON.stringify(record));
  writeFileSync(path, `${lines.join("\n")}\n`);
  return lines.length;
}

/** The files written one record at a time through the row writer, each file in one transaction. */
async function importRowByRow(store: Store, files: readonly string[]) {
  const writer = createRowWriter(store);
  const counts = { records: 0, models: 0, edges: 0, unresolved: 0 };
  for (const file of files) {
    const format = await detectFormat(file);
    const columns = format === "edges-csv" ? await detectEdgeColumns(file) : undefined;
    const rows: RecordRows[] = [];
    for await (const item of itemsOf(file, format, columns)) if ("rows" in item) rows.push(item.rows);
    transaction(store, () => {
      for (const one of rows) {
        const written = writer.write(one);
        counts.records++;
        counts.models += written.models;
        counts.edges += written.edges;
        counts.unresolved += written.unresolved;
      }
    });
  }
  return counts;
}

/** The positions of model_details' columns added in schema version 6, in `SELECT *` rows. */
const DETAIL_COLUMNS = { safetensors_parameters: 13, gguf_context_length: 14, experts: 15, experts_per_token: 16 };
const nonNull = (rows: unknown[][], column: number) => rows.filter((row) => row[column] !== null).length;

/** Every row the lineage reads or reports, with the model numbers, and the models marked as changed. */
function storedRows(store: Store) {
  const db = connectionOf(store);
  const all = (sql: string) => db.prepare(sql).raw().all();
  return {
    models: all(`SELECT * FROM models ORDER BY node`),
    details: all(`SELECT * FROM model_details ORDER BY node`) as unknown[][],
    edges: all(`SELECT * FROM edges ORDER BY child, parent, source`),
    unresolved: all(`SELECT * FROM unresolved ORDER BY child, raw`),
    changed: all(`SELECT node FROM changed_models ORDER BY node`),
  };
}

async function compare(files: readonly string[], batchSize?: number) {
  const oneByOne = openStore(":memory:");
  const expected = await importRowByRow(oneByOne, files);
  const batched = openStore(":memory:");
  const got = { records: 0, models: 0, edges: 0, unresolved: 0 };
  for (const file of files) {
    // Not in bulk: the changed models are compared too (bulk-write.test.ts compares bulk writes).
    const summary = await importFile(batched, file, { bulk: false, ...(batchSize === undefined ? {} : { batchSize }) });
    expect(summary.status, file).toBe("complete");
    for (const key of Object.keys(got) as (keyof typeof got)[]) got[key] += summary[key];
  }
  const want = storedRows(oneByOne);
  const have = storedRows(batched);
  // Table by table, so that a difference names its table.
  for (const table of Object.keys(want) as (keyof typeof want)[]) expect(have[table], table).toEqual(want[table]);
  expect(got).toEqual(expected);
  oneByOne.close();
  batched.close();
  return { expected, rows: want };
}

describe("the batch writer stores what the row writer stores", () => {
  it("imports the shared real files in growing batches", async () => {
    const { expected, rows } = await compare(SHARED_FILES);
    // The edge list's 30,383 rows (data README), its model list's 29,075 rows, and the dumps' records.
    expect(expected.records).toBeGreaterThan(30_383 + 29_075);
    expect(rows.changed.length).toBe(rows.models.length);
    // Every column of model_details was compared, the counts by dtype (678 records) and gguf context lengths (4) too.
    expect(nonNull(rows.details, DETAIL_COLUMNS.safetensors_parameters)).toBe(678);
    expect(nonNull(rows.details, DETAIL_COLUMNS.gguf_context_length)).toBe(4);
  }, 600_000);

  it("imports the bundled snapshot's files, each in one batch", async () => {
    const { rows } = await compare(ALL_DATA_FILES, 1_000_000);
    expect(rows.unresolved.length).toBeGreaterThan(0);
  }, 600_000);

  it("imports real records twice in one batch, the second time with bad base_model values", async () => {
    const path = join(folder, "records.jsonl");
    const lines = writeHubJsonl(path);
    const { expected, rows } = await compare([path], 1_000_000);
    expect(expected.records).toBe(lines);
    const reasons = new Set(rows.unresolved.map((row) => (row as unknown[])[2]));
    // Org-less words with no record of that id, written by the row writer inside the batch, are among them.
    expect(reasons).toContain("no-org");
    expect(reasons.size).toBeGreaterThanOrEqual(10);
    // The second records' expert counts were merged into the first ones' details (every third of 1,865 records),
    // their dtype maps replaced the first ones' (every fifth), and the gguf context lengths they lacked were kept.
    expect(nonNull(rows.details, DETAIL_COLUMNS.experts)).toBe(Math.ceil(1865 / 3));
    expect(nonNull(rows.details, DETAIL_COLUMNS.experts_per_token)).toBe(Math.ceil(1865 / 3));
    expect(nonNull(rows.details, DETAIL_COLUMNS.gguf_context_length)).toBe(4);
    const fifths = rows.details.filter((row) =>
      /^\{"U16":\d+\}$/.test(String(row[DETAIL_COLUMNS.safetensors_parameters])),
    );
    expect(fifths.length).toBe(Math.ceil(1865 / 5));
  }, 600_000);
});
