// Reading and preparing a file in a worker thread gives the batches preparing it in the importing thread gives: the
// same staged rows, findings and problems in the same order for every bundled real file, resumed or with renames,
// and the same failure after the same rows.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { detectEdgeColumns } from "../../src/ingest/edges-csv-items.js";
import { detectFormat, itemsOf } from "../../src/ingest/import-formats.js";
import { SourceFileError } from "../../src/ingest/source-file.js";
import type { PreparedItems } from "../../src/store/prepared-items.js";
import { batchesOf, type BatchPlan } from "../../src/sync/import-batches.js";
import { batchesParsedInWorker } from "../../src/sync/parse-in-worker.js";
import { ALL_DATA_FILES, bundledText, EDGES_CSV } from "../support/bundled-data.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-parse-in-worker-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const PLAN: BatchPlan = { resumedFrom: 0, firstBatch: 2000, largestBatch: 128_000, renames: new Map() };

/** Every batch of a reading, and the error that ended it (null when it ended normally). */
async function readAll(
  batches: AsyncIterable<PreparedItems>,
): Promise<{ batches: PreparedItems[]; error: Error | null }> {
  const read: PreparedItems[] = [];
  try {
    for await (const batch of batches) read.push(batch);
  } catch (error) {
    return { batches: read, error: error as Error };
  }
  return { batches: read, error: null };
}

const sum = (batches: PreparedItems[], key: "records" | "positions") =>
  batches.reduce((total, batch) => total + batch[key], 0);

describe("a file read in a worker thread", () => {
  it("gives the batches of each bundled file that preparing it here gives", async () => {
    for (const file of ALL_DATA_FILES) {
      const format = await detectFormat(file);
      const columns = format === "edges-csv" ? await detectEdgeColumns(file) : {};
      const here = await readAll(batchesOf(itemsOf(file, format, columns))(PLAN));
      const inWorker = await readAll(batchesParsedInWorker(file, format, columns)(PLAN));
      expect(inWorker.error).toBeNull();
      expect(inWorker.batches.length).toBe(here.batches.length);
      expect(inWorker.batches).toEqual(here.batches);
    }
    // edges.csv.gz holds 30,383 rows (data/README.md): one record each, none skipped; batches of 2,000, 4,000,
    // 8,000 and 16,000 rows, then the last 383.
    const edges = await readAll(
      batchesParsedInWorker(EDGES_CSV, "edges-csv", await detectEdgeColumns(EDGES_CSV))(PLAN),
    );
    expect(edges.batches.map((batch) => batch.records)).toEqual([2000, 4000, 8000, 16_000, 383]);
  });

  it("starts where a resumed run stopped and saves renamed ids under the current one, as here", async () => {
    const columns = await detectEdgeColumns(EDGES_CSV);
    const plan: BatchPlan = { ...PLAN, resumedFrom: 5000, renames: new Map([["qwen/qwen2.5-7b", "Qwen/Renamed-7B"]]) };
    const here = await readAll(batchesOf(itemsOf(EDGES_CSV, "edges-csv", columns))(plan));
    const inWorker = await readAll(batchesParsedInWorker(EDGES_CSV, "edges-csv", columns)(plan));
    expect(inWorker.batches).toEqual(here.batches);
    expect(sum(inWorker.batches, "records")).toBe(30_383 - 5000);
    // The file names Qwen/Qwen2.5-7B as a parent 136 times, all after its 5,000th row (counted with awk).
    const edges = inWorker.batches.flatMap((batch) =>
      batch.steps.flatMap((step) => ("rows" in step && step.rows.edges !== null ? JSON.parse(step.rows.edges) : [])),
    ) as string[][];
    const renamed = edges.filter((edge) => edge[4] === "Qwen/Qwen2.5-7B");
    expect(renamed).toHaveLength(136);
    expect(new Set(renamed.map((edge) => edge[1]))).toEqual(new Set(["Qwen/Renamed-7B"]));
  });

  it("gives the rows before a gzip file's cut, then fails with the message preparing it here gives", async () => {
    // The first 20,000 real rows, gzipped and cut short: more than one batch is read before the cut.
    const lines = bundledText(EDGES_CSV).split("\r\n");
    const gzip = gzipSync(lines.slice(0, 20_001).join("\r\n") + "\r\n");
    const path = join(folder, "cut.csv.gz");
    writeFileSync(path, gzip.subarray(0, gzip.length - 500));
    const columns = await detectEdgeColumns(path);
    const here = await readAll(batchesOf(itemsOf(path, "edges-csv", columns))(PLAN));
    const inWorker = await readAll(batchesParsedInWorker(path, "edges-csv", columns)(PLAN));
    expect(here.error).toBeInstanceOf(SourceFileError);
    expect(inWorker.error).toBeInstanceOf(SourceFileError);
    expect(inWorker.error?.message).toBe(here.error?.message);
    expect(inWorker.error?.message).toMatch(/^ingest: ".*cut\.csv\.gz" could not be read past line \d+ /);
    expect(inWorker.batches).toEqual(here.batches);
    // 2,000 + 4,000 + 8,000 rows whole, then the rows read before the cut in a last batch.
    expect(inWorker.batches.slice(0, 3).map((batch) => batch.records)).toEqual([2000, 4000, 8000]);
    expect(sum(inWorker.batches, "records")).toBeGreaterThan(14_000);
  });

  it("hands over the first batch and ends when the importer stops taking them", async () => {
    const columns = await detectEdgeColumns(EDGES_CSV);
    const taken: PreparedItems[] = [];
    for await (const batch of batchesParsedInWorker(EDGES_CSV, "edges-csv", columns)(PLAN)) {
      taken.push(batch);
      break;
    }
    const first = (await readAll(batchesOf(itemsOf(EDGES_CSV, "edges-csv", columns))(PLAN))).batches[0];
    expect(taken).toEqual([first]);
  });
});
