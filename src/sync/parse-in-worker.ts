// Reads and prepares a recorded file's records on a second thread (node:worker_threads), so that reading,
// normalising and staging the next batch overlaps writing the one before: the same batches, in the same order, as
// preparing them in this thread (import-batches.ts), leaving this thread the SQL alone.

import { Worker } from "node:worker_threads";
import type { EdgeColumns } from "../ingest/edges-csv-items.js";
import type { ImportFormat } from "../ingest/import-formats.js";
import { SourceFileError } from "../ingest/source-file.js";
import type { PreparedItems } from "../store/prepared-items.js";
import type { BatchPlan, BatchSource } from "./import-batches.js";

export interface ParseRequest {
  path: string;
  format: ImportFormat;
  columns: Partial<EdgeColumns>;
  plan: BatchPlan;
  /** Batches the worker may post before the first is taken: one, prepared while the one before is written. */
  batchesAhead: number;
}

/** A prepared batch (passed as a structured clone: its rows are JSON text already), the end, or why reading failed. */
export type ParsedMessage = { batch: PreparedItems } | { end: true } | { failure: { name: string; message: string } };

const BATCHES_AHEAD = 1;

/**
 * The worker's own file beside this one, built JavaScript; run from the sources (tests, benchmarks), the TypeScript
 * file, read through tsx's loader registered in the worker first (worker threads do not take `--import` in Node 20).
 */
function startWorker(request: ParseRequest): Worker {
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./parse-worker-entry.js", import.meta.url), { workerData: request });
  const entry = new URL("./parse-worker-entry.ts", import.meta.url).href;
  const start = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(start, { eval: true, workerData: request });
}

/** The batches of `batchesOf(itemsOf(path, format, columns))`, prepared in a worker thread; failures thrown alike. */
export function batchesParsedInWorker(
  path: string,
  format: ImportFormat,
  columns: Partial<EdgeColumns> = {},
): BatchSource {
  return (plan) => preparedInWorker({ path, format, columns, plan, batchesAhead: BATCHES_AHEAD });
}

async function* preparedInWorker(request: ParseRequest): AsyncGenerator<PreparedItems> {
  const worker = startWorker(request);
  const received: ParsedMessage[] = [];
  let arrived: (() => void) | null = null;
  const receive = (message: ParsedMessage) => {
    received.push(message);
    arrived?.();
  };
  worker.on("message", receive);
  worker.on("error", (error) => receive({ failure: { name: "Error", message: error.message } }));
  worker.on("exit", (code) => receive({ failure: { name: "Error", message: `the reading thread stopped (${code})` } }));
  try {
    for (;;) {
      while (received.length === 0) await new Promise<void>((done) => (arrived = done));
      const message = received.shift() as ParsedMessage;
      if ("end" in message) return;
      if ("failure" in message) {
        const { name, message: text } = message.failure;
        throw name === "SourceFileError" ? new SourceFileError(text) : new Error(`sync/parse-in-worker: ${text}`);
      }
      worker.postMessage("more");
      yield message.batch;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
