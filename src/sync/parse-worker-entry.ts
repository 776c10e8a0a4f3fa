// The worker thread that reads a recorded file for an import (parse-in-worker.ts starts it): it reads and normalises
// the file's records and posts them in chunks, as JSON text, no further ahead of the importing thread than it allows.

import { parentPort, workerData } from "node:worker_threads";
import { itemsOf } from "../ingest/import-formats.js";
import type { SourceItem } from "../ingest/record-rows.js";
import type { ParseRequest, ParsedMessage } from "./parse-in-worker.js";

const port = parentPort;
if (port === null) throw new Error("sync/parse-worker-entry: to be started as a worker thread");
const { path, format, columns, chunkSize, chunksAhead } = workerData as ParseRequest;

/** Chunks the importing thread can take before it asks for more: it grants one each time it takes one. */
let credit = chunksAhead;
let granted: (() => void) | null = null;
port.on("message", () => {
  credit++;
  granted?.();
});

const post = async (message: ParsedMessage): Promise<void> => {
  while (credit === 0) await new Promise<void>((done) => (granted = done));
  credit--;
  port.postMessage(message);
};

let chunk: SourceItem[] = [];
try {
  for await (const item of itemsOf(path, format, columns)) {
    chunk.push(item);
    if (chunk.length >= chunkSize) {
      await post({ items: JSON.stringify(chunk) });
      chunk = [];
    }
  }
  if (chunk.length > 0) await post({ items: JSON.stringify(chunk) });
  port.postMessage({ end: true } satisfies ParsedMessage);
} catch (error) {
  // The records read before the failure were posted first: the importing thread keeps them, then fails the same way.
  if (chunk.length > 0) await post({ items: JSON.stringify(chunk) });
  port.postMessage({
    failure: { name: (error as Error).name, message: (error as Error).message },
  } satisfies ParsedMessage);
}
port.close();
