// What every crawl mode shares: the connection to the Hub (endpoint, token, the retrying fetch and its
// counters), the store, progress reporting and cancellation; and turning a Hub record into a save-path item.

import type { HubTraffic } from "../hub/hub-fetch.js";
import { rowsFromHubRecord } from "../ingest/hub-record-rows.js";
import type { SourceItem } from "../ingest/record-rows.js";
import type { Store } from "../store/open-store.js";
import type { Run } from "../store/runs.js";
import type { CrawlCounts } from "./crawl-progress.js";

export interface CrawlSession {
  store: Store;
  /** The Hub's base URL, without a trailing slash. */
  hubUrl: string;
  accessToken?: string;
  /** The retrying, validating fetch (src/hub/hub-fetch.ts) sharing `traffic`. */
  fetch: typeof fetch;
  traffic: HubTraffic;
  /** Listings and lookups in flight at most (family and org crawls). */
  concurrency: number;
  onProgress?: (counts: CrawlCounts) => void;
  /** Aborting stops the crawl after the page being saved; running it again resumes. */
  signal?: AbortSignal;
}

export interface CrawlResult {
  run: Run;
  /** Incremental crawls: records modified before this were not fetched again. */
  watermark?: string;
  /** Family and org crawls: parents the Hub answered 404 for. */
  missing?: number;
}

export class CrawlAbortedError extends Error {
  constructor(run: Run) {
    super(`crawl: stopped after ${run.pagesRead} pages; run the same crawl again to continue`);
    this.name = "CrawlAbortedError";
  }
}

/**
 * A Hub record as a save-path item; a record without a usable id is skipped with the reason, and so is a private
 * model (listed to its owner's token), which the crawl does not store.
 */
export function itemOfRecord(record: unknown): SourceItem {
  if ((record as { private?: unknown } | null)?.private === true) {
    return { skipped: `crawl: ${String((record as { id?: unknown }).id)} is private; not stored` };
  }
  try {
    return { rows: rowsFromHubRecord(record) };
  } catch (error) {
    return { skipped: `crawl: ${(error as Error).message}` };
  }
}
