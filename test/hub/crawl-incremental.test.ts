// The incremental crawl after a full one: newest first by lastModified, it fetches only what changed since the
// full crawl started, drops a base removed from a card, adds a new model, and leaves the store equal to a
// fresh full crawl of the changed Hub. Without a full crawl it refuses with a clear message.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HubModelRecord } from "../../src/hub/api-types.js";
import type { HubStandIn } from "../../tools/hub-stand-in/stand-in-server.js";
import { crawlListing, NoFullCrawlError } from "../../src/sync/crawl-listing.js";
import { lineageRows } from "../support/lineage-table-rows.js";
import { sessionOf, standInOf } from "../support/hub-stand-in.js";
import { connectionOf } from "../../src/store/database-handle.js";

let standIn: HubStandIn;
beforeAll(async () => {
  standIn = await standInOf({ maxPageSize: 100 });
});
afterAll(() => standIn.close());

describe("crawl with no mode (incremental)", () => {
  it("refuses to run before a full crawl", async () => {
    await expect(crawlListing(sessionOf(standIn), "incremental")).rejects.toBeInstanceOf(NoFullCrawlError);
  });

  it("fetches what changed since the last full crawl and updates rows and edges", async () => {
    const session = sessionOf(standIn);
    await crawlListing(session, "all");
    const edgesOf = (id: string) =>
      connectionOf(session.store).prepare(`SELECT parent, relation, source FROM edges WHERE child = ?`).raw().all(id);
    expect(edgesOf("perplexity-ai/r1-1776")).toEqual([["deepseek-ai/DeepSeek-R1", "finetune", "tag"]]);

    // The card of perplexity-ai/r1-1776 loses its base_model, and a new fine-tune of it appears.
    const now = new Date().toISOString();
    const edited = standIn.catalog.get("perplexity-ai/r1-1776") as HubModelRecord;
    standIn.catalog.upsert({
      ...edited,
      lastModified: now,
      tags: (edited.tags ?? []).filter((tag) => !tag.startsWith("base_model:")),
      cardData: { license: "mit" },
    });
    standIn.catalog.upsert({
      _id: "f".repeat(24),
      id: "new-org/r1-1776-tuned",
      author: "new-org",
      lastModified: now,
      createdAt: now,
      tags: ["base_model:perplexity-ai/r1-1776", "base_model:finetune:perplexity-ai/r1-1776"],
      cardData: { base_model: "perplexity-ai/r1-1776" },
    });
    const requestsBefore = standIn.requests.length;
    const result = await crawlListing(sessionOf(standIn, { db: session.store }), "incremental");

    expect(result.run.totals.records).toBe(2);
    expect(result.run.pagesRead).toBe(1);
    const asked = standIn.requests.slice(requestsBefore).map((request) => request.path);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^\/api\/models\?limit=500&sort=lastModified&.*&direction=-1$/);
    expect(edgesOf("perplexity-ai/r1-1776")).toEqual([]);
    expect(edgesOf("new-org/r1-1776-tuned")).toEqual([["perplexity-ai/r1-1776", "finetune", "tag"]]);

    const fresh = sessionOf(standIn);
    await crawlListing(fresh, "all");
    expect(lineageRows(session.store)).toEqual(lineageRows(fresh.store));
  });
});
