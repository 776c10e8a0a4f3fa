// Reads a recorded file's records on a second thread (node:worker_threads), so that reading and normalising the next
// records overlaps writing the previous ones: the same items, in the same order, as reading them in this thread.

import { Worker } from "node:worker_threads";
import type { EdgeColumns } from "../ingest/edges-csv-items.js";
import type { ImportFormat } from "../ingest/import-formats.js";
import type { SourceItem } from "../ingest/record-rows.js";
import { SourceFileError } from "../ingest/source-file.js";

export interface ParseRequest {
  path: string;
  format: ImportFormat;
  columns: Partial<EdgeColumns>;
  /** Items a message carries. */
  chunkSize: number;
  /** Messages the worker may post before the first is taken: enough to keep it busy while a batch is written. */
  chunksAhead: number;
}

/** A chunk of items as JSON (cheaper to pass and read back than a structured clone), the end, or why reading failed. */
export type ParsedMessage = { items: string } | { end: true } | { failure: { name: string; message: string } };

const CHUNK_SIZE = 4000;
/** 32 chunks of 4,000: a whole largest batch (128,000 records), read while the one before is written. */
const CHUNKS_AHEAD = 32;

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

/** The items of `itemsOf(path, format, columns)`, read in a worker thread; a failure to read is thrown here alike. */
export async function* itemsParsedInWorker(
  path: string,
  format: ImportFormat,
  columns: Partial<EdgeColumns> = {},
): AsyncGenerator<SourceItem> {
  const worker = startWorker({ path, format, columns, chunkSize: CHUNK_SIZE, chunksAhead: CHUNKS_AHEAD });
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
      yield* JSON.parse(message.items) as SourceItem[];
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
