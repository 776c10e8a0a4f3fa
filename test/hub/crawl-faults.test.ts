// Every fault the stand-in can raise, met in the middle of a crawl, ends either in a retried success with the
// rows of a clean crawl, or in a clear error that keeps every page committed before it and resumes from there.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HubRequestError } from "../../src/hub/hub-fetch.js";
import type { HubStandIn } from "../../tools/hub-stand-in/stand-in-server.js";
import { crawlFamily } from "../../src/sync/crawl-family.js";
import { crawlListing } from "../../src/sync/crawl-listing.js";
import { lineageRows, type LineageRows } from "../support/lineage-table-rows.js";
import { sessionOf, standInOf } from "../support/hub-stand-in.js";
import { connectionOf } from "../../src/store/database-handle.js";

let standIn: HubStandIn;
let clean: LineageRows;
beforeAll(async () => {
  standIn = await standInOf({ maxPageSize: 200 });
  const session = sessionOf(standIn);
  await crawlListing(session, "all");
  clean = lineageRows(session.store);
});
afterAll(() => standIn.close());
beforeEach(() => standIn.faults.clear());

const LIST = "/api/models?";

describe("a full crawl meeting faults", () => {
  const retriesTitle =
    "retries through a 429, 500, 503, a dropped connection, truncated and malformed pages and a slow answer";
  it(retriesTitle, async () => {
    standIn.faults.add({ kind: "rate-limit", resetSeconds: 55 }, { pathIncludes: LIST, after: 1 });
    standIn.faults.add({ kind: "status", status: 500 }, { pathIncludes: LIST, after: 3 });
    standIn.faults.add({ kind: "status", status: 503, retryAfterSeconds: 30 }, { pathIncludes: LIST, after: 5 });
    standIn.faults.add({ kind: "drop" }, { pathIncludes: LIST, after: 7 });
    standIn.faults.add({ kind: "truncate" }, { pathIncludes: LIST, after: 9 });
    standIn.faults.add({ kind: "malformed" }, { pathIncludes: LIST, after: 11, times: 2 });
    standIn.faults.add({ kind: "slow", delayMs: 50 }, { pathIncludes: LIST, after: 14 });
    const session = sessionOf(standIn);
    const result = await crawlListing(session, "all");
    expect(lineageRows(session.store)).toEqual(clean);
    expect(result.run.pagesRead).toBe(10); // 1,865 records at 200 a page
    // 429: the announced 55 s; 500: 1 s; 503: its Retry-After; drop, truncated: 1 s each; malformed twice: 1 s, 2 s.
    expect(session.clock.waits).toEqual([55_000, 1_000, 30_000, 1_000, 1_000, 1_000, 2_000]);
    // 10 pages plus one more request for each of the 7 refused or broken answers.
    expect(session.traffic).toEqual({ requests: 17, retries: 7, rateLimitWaitMs: 55_000 });
  });

  const stopsTitle =
    "stops with a clear error on a page that stays malformed, keeps the pages before it, and resumes there";
  it(stopsTitle, async () => {
    standIn.faults.add({ kind: "malformed" }, { pathIncludes: LIST, after: 3, times: 5 });
    const session = sessionOf(standIn);
    const error = await crawlListing(session, "all").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubRequestError);
    expect((error as Error).message).toMatch(
      /^hub: GET http:\/\/127\.0\.0\.1:\d+\/api\/models\?limit=500&.*cursor=\S+ failed 5 times; last: malformed JSON/,
    );
    const state = connectionOf(session.store)
      .prepare(`SELECT status, pages_read AS position, records, next_url AS cursor FROM runs`)
      .get() as { status: string; position: number; records: number; cursor: string };
    expect(state).toMatchObject({ status: "failed", position: 3, records: 600 });
    expect(connectionOf(session.store).prepare(`SELECT count(*) FROM models WHERE placeholder = 0`).pluck().get()).toBe(
      600,
    );

    const requestsBefore = standIn.requests.length;
    const resumed = await crawlListing(sessionOf(standIn, { db: session.store }), "all");
    expect(resumed.run.resumed).toBe(true);
    expect(standIn.requests[requestsBefore]?.path).toBe(state.cursor.slice(standIn.url.length));
    expect(lineageRows(session.store)).toEqual(clean);
    expect(resumed.run.totals.records).toBe(1865);
  });

  it("gives a family crawl the same rows through dropped connections and server errors", async () => {
    const reference = sessionOf(standIn);
    await crawlFamily(reference, "family", "deepseek-ai/DeepSeek-R1");
    standIn.faults.add({ kind: "drop" }, { after: 5, times: 3 });
    standIn.faults.add({ kind: "status", status: 502 }, { after: 40, times: 4 });
    standIn.faults.add({ kind: "truncate" }, { after: 100, times: 2 });
    const session = sessionOf(standIn);
    await crawlFamily(session, "family", "deepseek-ai/DeepSeek-R1");
    expect(lineageRows(session.store)).toEqual(lineageRows(reference.store));
    expect(session.traffic.retries).toBe(9);
  });
});
