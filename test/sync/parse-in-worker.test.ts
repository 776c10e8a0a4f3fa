// Reading a file in a worker thread gives the items reading it in the importing thread gives: the same rows,
// findings and problems in the same order for every bundled real file, and the same failure after the same rows.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { detectEdgeColumns } from "../../src/ingest/edges-csv-items.js";
import { detectFormat, itemsOf } from "../../src/ingest/import-formats.js";
import type { SourceItem } from "../../src/ingest/record-rows.js";
import { SourceFileError } from "../../src/ingest/source-file.js";
import { itemsParsedInWorker } from "../../src/sync/parse-in-worker.js";
import { ALL_DATA_FILES, bundledText, EDGES_CSV } from "../support/bundled-data.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-parse-in-worker-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every item of a reading, and the error that ended it (null when it ended normally). */
async function readAll(items: AsyncIterable<SourceItem>): Promise<{ items: SourceItem[]; error: Error | null }> {
  const read: SourceItem[] = [];
  try {
    for await (const item of items) read.push(item);
  } catch (error) {
    return { items: read, error: error as Error };
  }
  return { items: read, error: null };
}

describe("a file read in a worker thread", () => {
  it("gives the items of each bundled file that reading it here gives", async () => {
    for (const file of ALL_DATA_FILES) {
      const format = await detectFormat(file);
      const columns = format === "edges-csv" ? await detectEdgeColumns(file) : {};
      const here = await readAll(itemsOf(file, format, columns));
      const inWorker = await readAll(itemsParsedInWorker(file, format, columns));
      expect(inWorker.error).toBeNull();
      expect(inWorker.items.length).toBe(here.items.length);
      expect(inWorker.items).toEqual(here.items);
    }
    // edges.csv.gz holds 30,383 rows (data/README.md): one item each, none skipped.
    const edges = await readAll(itemsParsedInWorker(EDGES_CSV, "edges-csv", await detectEdgeColumns(EDGES_CSV)));
    expect(edges.items.filter((item) => "rows" in item)).toHaveLength(30_383);
  });

  it("gives the rows before a gzip file's cut, then fails with the message reading it here gives", async () => {
    // The first 20,000 real rows, gzipped and cut short: more than one chunk is read before the cut.
    const lines = bundledText(EDGES_CSV).split("\r\n");
    const gzip = gzipSync(lines.slice(0, 20_001).join("\r\n") + "\r\n");
    const path = join(folder, "cut.csv.gz");
    writeFileSync(path, gzip.subarray(0, gzip.length - 500));
    const columns = await detectEdgeColumns(path);
    const here = await readAll(itemsOf(path, "edges-csv", columns));
    const inWorker = await readAll(itemsParsedInWorker(path, "edges-csv", columns));
    expect(here.error).toBeInstanceOf(SourceFileError);
    expect(inWorker.error).toBeInstanceOf(SourceFileError);
    expect(inWorker.error?.message).toBe(here.error?.message);
    expect(inWorker.error?.message).toMatch(/^ingest: ".*cut\.csv\.gz" could not be read past line \d+ /);
    expect(inWorker.items.length).toBeGreaterThan(4000);
    expect(inWorker.items).toEqual(here.items);
  });

  it("hands over the first items and ends when the importer stops taking them", async () => {
    const columns = await detectEdgeColumns(EDGES_CSV);
    const taken: SourceItem[] = [];
    for await (const item of itemsParsedInWorker(EDGES_CSV, "edges-csv", columns)) {
      taken.push(item);
      if (taken.length === 3) break;
    }
    const firstThree = (await readAll(itemsOf(EDGES_CSV, "edges-csv", columns))).items.slice(0, 3);
    expect(taken).toEqual(firstThree);
  });
});
