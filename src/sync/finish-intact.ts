// The end of a crawl: the database is checked (SQLite's quick_check) before the run is recorded complete, so a crawl
// into a file with damaged pages is recorded failed and reported as one line, never as a success.

import { assertIntact } from "../store/integrity.js";
import type { RunWriter } from "../store/runs.js";
import type { Store } from "../store/open-store.js";

/** Runs `finish` (which records the run's end) when the database is intact; else records the run failed and throws. */
export function finishIntact(store: Store, writer: RunWriter, moment: string, finish: () => void): void {
  try {
    assertIntact(store, moment);
  } catch (error) {
    try {
      writer.finish("failed");
    } catch {
      // A file too damaged to record the failure in: the message below says what to do.
    }
    throw error;
  }
  finish();
}
