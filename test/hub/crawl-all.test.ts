// `crawl --all` against the stand-in stores exactly the records served: the 1,865 records of the dumps and their
// 1,855 tag edges (counted by test/hub/derive_expected.py), row for row what the file importer stores from
// the same records written as JSONL; the token is sent on every request and stored nowhere.

import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HubStandIn } from "../../tools/hub-stand-in/stand-in-server.js";
import { crawlListing } from "../../src/sync/crawl-listing.js";
import { importFile } from "../../src/sync/import-file.js";
import { openStore } from "../../src/store/open-store.js";
import { lineageRows } from "../support/lineage-table-rows.js";
import { recordIds, recordedRecords, sessionOf, standInOf } from "../support/hub-stand-in.js";
import { connectionOf } from "../../src/store/database-handle.js";

const TOKEN = "hf_test_crawl_all_secret_0123456789";
const folder = mkdtempSync(join(tmpdir(), "hf-lineage-crawl-all-"));
let standIn: HubStandIn;
beforeAll(async () => {
  standIn = await standInOf();
});
afterAll(async () => {
  await standIn.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("crawl --all against the stand-in", () => {
  it("stores every served record once, as the file importer stores the same records", async () => {
    const path = join(folder, "crawl.db");
    const session = sessionOf(standIn, { db: openStore(path), accessToken: TOKEN });
    const result = await crawlListing(session, "all");
    const db = session.store;

    expect(result.run.pagesRead).toBe(4); // 1,865 records at 500 a page
    expect(result.run.totals.records).toBe(1865);
    const served = (await recordedRecords()).map((record) => record.id).sort();
    expect(recordIds(db)).toEqual(served);
    expect(connectionOf(db).prepare(`SELECT count(*) FROM edges WHERE source = 'tag'`).pluck().get()).toBe(1855);
    expect(
      connectionOf(db)
        .prepare(
          "SELECT count(*) FROM runs WHERE kind = 'crawl' AND status = 'complete' " +
            "AND next_url IS NULL AND pages_read = 4",
        )
        .pluck()
        .get(),
    ).toBe(1);

    const jsonl = join(folder, "served.jsonl");
    writeFileSync(jsonl, (await recordedRecords()).map((record) => JSON.stringify(record)).join("\n"));
    const imported = openStore(":memory:");
    await importFile(imported, jsonl);
    expect(lineageRows(db)).toEqual(lineageRows(imported));

    // A second full crawl finds the same records and changes no row.
    const before = lineageRows(db);
    await crawlListing(sessionOf(standIn, { db, accessToken: TOKEN }), "all");
    expect(lineageRows(db)).toEqual(before);
    db.close();

    expect(new Set(standIn.requests.map((request) => request.authorization))).toEqual(new Set([`Bearer ${TOKEN}`]));
    for (const file of readdirSync(folder).filter((name) => name.startsWith("crawl.db"))) {
      expect(readFileSync(join(folder, file)).includes(TOKEN)).toBe(false);
    }
  });

  it("does not store a private model that the token's owner sees listed", async () => {
    const own = await standInOf();
    try {
      own.catalog.upsert({
        _id: "e".repeat(24),
        id: "token-owner/private-tune",
        private: true,
        tags: ["base_model:deepseek-ai/DeepSeek-R1"],
      });
      const session = sessionOf(own, { accessToken: TOKEN });
      const result = await crawlListing(session, "all");
      expect(result.run.totals).toMatchObject({ records: 1865, skipped: 1 });
      expect(
        connectionOf(session.store)
          .prepare(`SELECT count(*) FROM models WHERE id = 'token-owner/private-tune'`)
          .pluck()
          .get(),
      ).toBe(0);
      expect(
        connectionOf(session.store).prepare(`SELECT message FROM run_problems WHERE level = 'skipped'`).pluck().all(),
      ).toEqual(["crawl: token-owner/private-tune is private; not stored"]);
    } finally {
      await own.close();
    }
  });
});
