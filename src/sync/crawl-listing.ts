// The listing crawls: `crawl --all` (every public model, 500 a page) and the incremental crawl (newest first by
// lastModified, stopping at the previous crawl's start), each page committed with its next-page URL.

import { modelPages } from "../hub/model-pages.js";
import type { SourceItem } from "../ingest/record-rows.js";
import { beginCrawlRun, createRunWriter, lastListingCrawlStart } from "../store/runs.js";
import { CrawlAbortedError, itemOfRecord, type CrawlResult, type CrawlSession } from "./crawl-session.js";
import { assertIntact } from "../store/integrity.js";
import { finishIntact } from "./finish-intact.js";

/** How far before the previous crawl's start an incremental crawl looks, for clocks that disagree. */
export const WATERMARK_MARGIN_MS = 10 * 60 * 1000;

export class NoFullCrawlError extends Error {
  constructor(hubUrl: string) {
    super(
      `crawl: no complete crawl of ${hubUrl} in this database yet; run \`crawl --all\` first ` +
        "(an incremental crawl fetches only what changed since)",
    );
    this.name = "NoFullCrawlError";
  }
}

export async function crawlListing(session: CrawlSession, mode: "all" | "incremental"): Promise<CrawlResult> {
  const { store } = session;
  let watermark: string | undefined;
  let watermarkMs = -Infinity;
  if (mode === "incremental") {
    const previous = lastListingCrawlStart(store, session.hubUrl);
    if (previous === null) throw new NoFullCrawlError(session.hubUrl);
    watermarkMs = Date.parse(previous) - WATERMARK_MARGIN_MS;
    watermark = new Date(watermarkMs).toISOString();
  }
  assertIntact(store, "before the crawl");
  const run = beginCrawlRun(store, { mode, scope: mode, source: session.hubUrl });
  const writer = createRunWriter(store, run);
  const finished = run.resumed && run.pagesRead > 0 && run.nextUrl === null;
  if (!finished) {
    const pages = modelPages({
      hubUrl: session.hubUrl,
      fetch: session.fetch,
      ...(session.accessToken === undefined ? {} : { accessToken: session.accessToken }),
      resumeUrl: run.nextUrl,
      // An incremental crawl stops at the watermark, so it does not ask for pages ahead.
      ...(mode === "incremental" ? { sort: "lastModified", descending: true } : { lookAhead: true }),
    });
    try {
      for await (const page of pages) {
        const items: SourceItem[] = [];
        let reachedWatermark = false;
        for (const record of page.records) {
          const lastModified = (record as { lastModified?: unknown }).lastModified;
          if (typeof lastModified === "string" && Date.parse(lastModified) < watermarkMs) {
            reachedWatermark = true;
            break;
          }
          items.push(itemOfRecord(record));
        }
        writer.commit(items, { nextUrl: reachedWatermark ? null : page.nextUrl });
        session.onProgress?.({ pages: run.pagesRead, records: run.totals.records, edges: run.totals.edges });
        if (reachedWatermark) break;
        if (session.signal?.aborted === true && page.nextUrl !== null) throw new CrawlAbortedError(run);
      }
    } catch (error) {
      writer.finish("failed");
      throw error;
    }
  }
  finishIntact(store, writer, "after the crawl", () => writer.finish("complete"));
  return { run, ...(watermark === undefined ? {} : { watermark }) };
}
