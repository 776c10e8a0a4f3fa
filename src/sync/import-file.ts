// Imports one recorded file into the store: recognise its format, fingerprint it, stream its records through
// the save path in resumable batches. The same content is imported once; a killed import resumes.

import { detectEdgeColumns, type EdgeColumns } from "../ingest/edges-csv-items.js";
import { statSync } from "node:fs";
import { detectFormat, itemsOf, type ImportFormat } from "../ingest/import-formats.js";
import { fingerprintFile, peekText } from "../ingest/source-file.js";
import { numberedModels } from "../store/bulk-write.js";
import type { Store } from "../store/open-store.js";
import { importItems, type ImportOptions, type ImportSummary } from "./import-items.js";
import { batchesOf } from "./import-batches.js";
import { batchesParsedInWorker } from "./parse-in-worker.js";

export interface ImportFileOptions extends ImportOptions {
  format?: ImportFormat;
  columns?: Partial<EdgeColumns>;
  /**
   * Read and prepare the file in a worker thread while this one writes (default: for a file of 10,000 records or
   * more).
   */
  parseInWorker?: boolean;
}

export interface FileImportSummary extends ImportSummary {
  file: string;
  format: ImportFormat;
  /** The columns an edge list was read by (found from its header unless named). */
  columns?: EdgeColumns;
}

/**
 * An import of at least a quarter as many records as the database has models writes in bulk: the share beyond which
 * the lineage index is built whole rather than brought up to date anyway.
 */
const BULK_SHARE = 4;

/**
 * From about this many records on, the file is read in a worker thread: starting one costs some 50 ms, reading,
 * normalising and staging are about half of an import's work, and they then overlap writing.
 */
const WORKER_RECORDS = 10_000;

/** How a gzip file's size compares with its text, at least (edge lists and JSON lines compress four- to tenfold). */
const GZIP_RATIO = 4;

/** About how many records (lines) the file holds: its size over the mean line length of its first 64 KB of text. */
async function estimatedRecords(path: string): Promise<number> {
  const start = await peekText(path, 65_536);
  const lines = Math.max(1, start.split("\n").length - 1);
  const size = statSync(path).size * (path.endsWith(".gz") ? GZIP_RATIO : 1);
  return Math.ceil(size / Math.max(1, start.length / lines));
}

export async function importFile(
  store: Store,
  path: string,
  options: ImportFileOptions = {},
): Promise<FileImportSummary> {
  const format = options.format ?? (await detectFormat(path));
  const columns = format === "edges-csv" ? await detectEdgeColumns(path, options.columns) : undefined;
  const fingerprint = await fingerprintFile(path);
  const records = await estimatedRecords(path);
  const bulk = options.bulk ?? records * BULK_SHARE >= numberedModels(store);
  const inWorker = options.parseInWorker ?? records >= WORKER_RECORDS;
  const source = inWorker
    ? batchesParsedInWorker(path, format, columns ?? options.columns)
    : batchesOf(itemsOf(path, format, columns ?? options.columns));
  const summary = await importItems(store, { source: path, format, fingerprint }, source, { ...options, bulk });
  return { file: path, format, ...(columns === undefined ? {} : { columns }), ...summary };
}
