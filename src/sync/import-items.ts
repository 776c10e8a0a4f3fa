// Runs one import: streams a source's items through the store's save path in growing batches, each committed in
// one transaction with how far the run has read, so a killed import resumes where it stopped and is not redone.

import type { Store } from "../store/open-store.js";
import { emptyRunCounts, type RunCounts } from "../store/run-counts.js";
import { endBulkWrite, setAsideForBulkWrite } from "../store/bulk-write.js";
import { assertIntact } from "../store/integrity.js";
import { beginImportRun, createRunWriter, type ImportTarget, type ProblemNote } from "../store/runs.js";
import type { BatchSource } from "./import-batches.js";

export interface ImportSummary extends RunCounts {
  runId: number;
  /** `failed`: not one record of the file could be read (say, the wrong --format); nothing was kept. */
  status: "complete" | "already-imported" | "failed";
  resumedFrom: number;
  problems: ProblemNote[];
}

export interface ImportOptions {
  /** The largest batch committed at once (default 128,000 records). */
  batchSize?: number;
  /** Import again even when the same content was imported completely before. */
  force?: boolean;
  onProgress?: (position: number) => void;
  /**
   * Write with the secondary indexes and change triggers set aside (store/bulk-write.ts), for an import large beside
   * the database; the lineage index is then built whole.
   */
  bulk?: boolean;
}

/**
 * Batches grow from the first to the largest, doubling: a small import commits often (a kill loses little work),
 * a big one spends its time writing rows rather than rewriting the same index pages at every commit.
 */
const FIRST_BATCH = 2000;
const LARGEST_BATCH = 128_000;

export async function importItems(
  store: Store,
  target: ImportTarget,
  source: BatchSource,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const largestBatch = options.batchSize ?? LARGEST_BATCH;
  assertIntact(store, "before the import");
  const begun = beginImportRun(store, target, options.force ?? false);
  const { run } = begun;
  if (begun.status === "complete") {
    return {
      runId: run.id,
      status: "already-imported",
      resumedFrom: run.recordsRead,
      ...emptyRunCounts(),
      problems: [],
    };
  }
  if (options.bulk === true) setAsideForBulkWrite(store);
  else endBulkWrite(store);
  const writer = createRunWriter(store, run);
  const resumedFrom = run.recordsRead;
  const plan = { resumedFrom, firstBatch: Math.min(FIRST_BATCH, largestBatch), largestBatch, renames: writer.renames };
  try {
    for await (const prepared of source(plan)) {
      writer.commitPrepared(prepared);
      options.onProgress?.(run.recordsRead);
    }
  } catch (error) {
    // The records read before the source failed (a truncated file) came whole in a last batch, committed above.
    writer.finish("failed");
    endBulkWrite(store);
    throw error;
  }
  endBulkWrite(store);
  options.onProgress?.(run.recordsRead);
  const added = { ...run.totals };
  for (const key of Object.keys(added) as (keyof RunCounts)[]) added[key] -= run.before[key];
  // A file none of whose records could be read failed, though it ended: recorded so, and read whole next time.
  const unreadable = resumedFrom === 0 && added.records === 0 && added.skipped > 0;
  // The pages were checked before the import wrote (assertIntact above), and since then only SQLite's own
  // transactions have written to the file: a second check here would find only damage done by something else
  // meanwhile, which could as well come a second after it. Unlike a crawl, an import is over in minutes.
  writer.finish(unreadable ? "failed" : "complete", { restart: unreadable });
  const status = unreadable ? "failed" : "complete";
  return { runId: run.id, status, resumedFrom, ...added, problems: writer.problems };
}
