// The worker thread that reads a recorded file for an import (parse-in-worker.ts starts it): it reads, normalises
// and prepares the file's records in the import's batches and posts them, no further ahead than the importer allows.

import { parentPort, workerData } from "node:worker_threads";
import { itemsOf } from "../ingest/import-formats.js";
import { preparedBatches } from "./import-batches.js";
import type { ParseRequest, ParsedMessage } from "./parse-in-worker.js";

const port = parentPort;
if (port === null) throw new Error("sync/parse-worker-entry: to be started as a worker thread");
const { path, format, columns, plan, batchesAhead } = workerData as ParseRequest;

/** Batches the importing thread can take before it asks for more: it grants one each time it takes one. */
let credit = batchesAhead;
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

try {
  // A failure comes after the batch of the records read before it: the importing thread keeps them, then fails alike.
  for await (const batch of preparedBatches(itemsOf(path, format, columns), plan)) await post({ batch });
  port.postMessage({ end: true } satisfies ParsedMessage);
} catch (error) {
  port.postMessage({
    failure: { name: (error as Error).name, message: (error as Error).message },
  } satisfies ParsedMessage);
}
port.close();
