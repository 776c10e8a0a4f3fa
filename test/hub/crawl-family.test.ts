// `crawl --family` and `--author` against the stand-in store exactly the family and every ancestor: compared
// with a recursive SQL query over the file importer's store of the same dumps, and with the counts of
// test/hub/derive_expected.py (networkx descendants and ancestors over the base_model tags).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HubStandIn } from "../../tools/hub-stand-in/stand-in-server.js";
import { crawlFamily } from "../../src/sync/crawl-family.js";
import type { Store } from "../../src/store/open-store.js";
import { openFixture } from "../support/fixture-databases.js";
import { recordIds, sessionOf, standInOf } from "../support/hub-stand-in.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { HubModelRecord } from "../../src/hub/api-types.js";
import { findModelId, resolveQuery } from "../../src/graph/resolve-query.js";
import { indexFamilyReport } from "../../src/graph/index-family.js";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { importFile } from "../../src/sync/import-file.js";
import { startHubStandIn } from "../../tools/hub-stand-in/stand-in-server.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

let standIn: HubStandIn;
let imported: Store;
beforeAll(async () => {
  standIn = await standInOf();
  // The file importer's store of the same dumps: the run's database of the eleven dumps, read-only.
  imported = openFixture("family-trees");
});
afterAll(async () => {
  removeScratchFolders();
  imported.close();
  await standIn.close();
});

/** The roots, their descendants along tag edges, and every ancestor of those: the crawl's reach, by SQL. */
function reachBySql(roots: string[]): string[] {
  const ids = connectionOf(imported)
    .prepare(
      `
      WITH RECURSIVE roots(id) AS (SELECT value FROM json_each(?)),
        down(id) AS (SELECT id FROM roots
                     UNION SELECT e.child FROM edges e JOIN down ON e.parent = down.id WHERE e.source = 'tag'),
        up(id) AS (SELECT id FROM down
                   UNION SELECT e.parent FROM edges e JOIN up ON e.child = up.id WHERE e.source = 'tag')
      SELECT id FROM up ORDER BY id`,
    )
    .pluck()
    .all(JSON.stringify(roots)) as string[];
  return ids.filter((id) => standIn.catalog.get(id) !== undefined);
}

describe("crawl --family against the stand-in", () => {
  it("stores the DeepSeek-R1 tree and its ancestors, nothing else", async () => {
    const session = sessionOf(standIn);
    const progress: { tasksDone?: number; tasksTotal?: number }[] = [];
    session.onProgress = (counts) => progress.push(counts);
    const result = await crawlFamily(session, "family", "deepseek-ai/DeepSeek-R1");
    expect(recordIds(session.store)).toEqual(reachBySql(["deepseek-ai/DeepSeek-R1"]));
    // Progress ends with every task done: a children listing for each of the 302 members, one lookup of the root.
    expect(progress.at(-1)).toMatchObject({ tasksDone: 303, tasksTotal: 303 });
    expect(recordIds(session.store).length).toBe(302);
    expect(connectionOf(session.store).prepare(`SELECT count(*) FROM models WHERE placeholder = 1`).pluck().get()).toBe(
      0,
    );
    expect(connectionOf(session.store).prepare(`SELECT count(*) FROM edges`).pluck().get()).toBe(301);
    expect(result.missing).toBe(0);
  });

  it("goes up to the roots from a model in the middle of a tree", async () => {
    const session = sessionOf(standIn);
    await crawlFamily(session, "family", "perplexity-ai/r1-1776");
    const ids = recordIds(session.store);
    expect(ids).toEqual(reachBySql(["perplexity-ai/r1-1776"]));
    expect(ids.length).toBe(13);
    expect(ids).toContain("deepseek-ai/DeepSeek-R1");
    // 12 models listed for children, one lookup for the model and one for its parent: 14 requests by hand.
    expect(session.traffic.requests).toBe(14);
  });

  it("crawls an org's own models, their descendants and ancestors with --author", async () => {
    const session = sessionOf(standIn);
    await crawlFamily(session, "author", "deepseek-ai");
    expect(recordIds(session.store)).toEqual(
      reachBySql(["deepseek-ai/DeepSeek-R1", "deepseek-ai/DeepSeek-V3", "deepseek-ai/Janus-Pro-7B"]),
    );
    expect(recordIds(session.store).length).toBe(407);
    expect(connectionOf(session.store).prepare(`SELECT count(*) FROM edges`).pluck().get()).toBe(404);
  });

  it("keeps at most --concurrency requests in flight, and more than one", async () => {
    const session = sessionOf(standIn, { concurrency: 3 });
    let inFlight = 0;
    let most = 0;
    const inner = session.fetch;
    session.fetch = async (input, init) => {
      most = Math.max(most, ++inFlight);
      try {
        return await inner(input, init);
      } finally {
        inFlight--;
      }
    };
    standIn.faults.add({ kind: "slow", delayMs: 5 }, { times: 1000 });
    try {
      await crawlFamily(session, "family", "perplexity-ai/r1-1776");
    } finally {
      standIn.faults.clear();
    }
    expect(most).toBe(3);
    expect(recordIds(session.store).length).toBe(13);
  });

  it("keeps a parent the Hub no longer has as a placeholder and reports it", async () => {
    const own = await standInOf();
    try {
      own.catalog.upsert({
        _id: "0".repeat(24),
        id: "test-org/r1-ghost-merge",
        tags: [
          "base_model:deepseek-ai/DeepSeek-R1",
          "base_model:merge:deepseek-ai/DeepSeek-R1",
          "base_model:ghost-org/deleted",
          "base_model:merge:ghost-org/deleted",
        ],
      });
      const session = sessionOf(own);
      const result = await crawlFamily(session, "family", "deepseek-ai/DeepSeek-R1");
      expect(result.missing).toBe(1);
      expect(connectionOf(session.store).prepare(`SELECT id FROM models WHERE placeholder = 1`).pluck().all()).toEqual([
        "ghost-org/deleted",
      ]);
      expect(recordIds(session.store).length).toBe(303);
      expect(
        connectionOf(session.store).prepare(`SELECT message FROM run_problems WHERE position = -1`).pluck().all(),
      ).toEqual(["ghost-org/deleted: named as a base model, but the Hub has no such model (404)"]);
    } finally {
      await own.close();
    }
  });

  const redirectTitle =
    "learns a rename from the Hub's redirect: both names are one model, stored under the current id";
  it(redirectTitle, async () => {
    const own = await standInOf();
    try {
      own.catalog.rename("deepseek-ai/DeepSeek-R1", "deepseek-ai/DeepSeek-R1-renamed");
      const session = sessionOf(own);
      const result = await crawlFamily(session, "family", "perplexity-ai/r1-1776");
      expect(result.missing).toBe(0);
      const db = connectionOf(session.store);
      // The lookup of the old id was answered with a redirect (a 307 from the stand-in), which fetch followed.
      const lookups = own.requests.map((request) => request.path).filter((path) => !path.startsWith("/api/models?"));
      expect(lookups.filter((path) => path.startsWith("/api/models/deepseek-ai/DeepSeek-R1")).length).toBe(2);
      expect(lookups.some((path) => path.startsWith("/api/models/deepseek-ai/DeepSeek-R1-renamed/revision/"))).toBe(
        true,
      );
      expect(db.prepare(`SELECT old_id, current_id, learned_by, run_id FROM renames`).raw().all()).toEqual([
        ["deepseek-ai/DeepSeek-R1", "deepseek-ai/DeepSeek-R1-renamed", "hub-redirect", result.run.id],
      ]);
      // The child's tag names the old id; its edge lands on the current one, and the old id is no model of its own.
      expect(
        db.prepare(`SELECT child, parent, raw FROM edges WHERE child = 'perplexity-ai/r1-1776'`).raw().all(),
      ).toEqual([
        ["perplexity-ai/r1-1776", "deepseek-ai/DeepSeek-R1-renamed", "base_model:finetune:deepseek-ai/DeepSeek-R1"],
      ]);
      expect(db.prepare(`SELECT count(*) FROM models WHERE id = 'deepseek-ai/DeepSeek-R1'`).pluck().get()).toBe(0);
      expect(db.prepare(`SELECT count(*) FROM models WHERE placeholder = 1`).pluck().get()).toBe(0);
      // 13 models reached, as without the rename (r1-1776's family and its ancestors), the root under its new id.
      expect(recordIds(session.store).length).toBe(13);
      expect(recordIds(session.store)).toContain("deepseek-ai/DeepSeek-R1-renamed");
      expect(db.prepare(`SELECT message FROM run_problems WHERE position = -1`).pluck().all()).toEqual([
        "deepseek-ai/DeepSeek-R1: the Hub answers with deepseek-ai/DeepSeek-R1-renamed (renamed)",
      ]);
      // A lookup by either name finds the model, and so does a legacy id's (no such model here: none).
      expect(findModelId(session.store, "deepseek-ai/DeepSeek-R1")).toBe("deepseek-ai/DeepSeek-R1-renamed");
      expect(findModelId(session.store, "DEEPSEEK-AI/deepseek-r1")).toBe("deepseek-ai/DeepSeek-R1-renamed");
      expect(findModelId(session.store, "deepseek-ai/DeepSeek-R1-renamed")).toBe("deepseek-ai/DeepSeek-R1-renamed");
      // The family of the old name is the current model's, as counted by a recursive SQL query over the stored edges.
      const bySql = db
        .prepare(
          `WITH RECURSIVE down(id) AS (SELECT 'deepseek-ai/DeepSeek-R1-renamed'
             UNION SELECT e.child FROM edges e JOIN down ON e.parent = down.id)
           SELECT count(*) - 1 FROM down`,
        )
        .pluck()
        .get();
      const family = indexFamilyReport(
        openIndexedLineage(session.store),
        resolveQuery(session.store, "deepseek-ai/DeepSeek-R1"),
      );
      expect([family.query, family.descendants.total]).toEqual(["deepseek-ai/DeepSeek-R1-renamed", bySql]);
      expect(bySql).toBe(12);
      // An edge list imported afterwards that names the old id lands on the current one too.
      const folder = scratchFolder();
      const file = join(folder, "renamed-parent.csv");
      writeFileSync(file, "child,parent\nsome-org/r1-tune,deepseek-ai/DeepSeek-R1\n");
      await importFile(session.store, file);
      expect(
        db.prepare(`SELECT child, parent, source FROM edges WHERE child = 'some-org/r1-tune'`).raw().all(),
      ).toEqual([["some-org/r1-tune", "deepseek-ai/DeepSeek-R1-renamed", "file"]]);
      expect(db.prepare(`SELECT count(*) FROM models WHERE id = 'deepseek-ai/DeepSeek-R1'`).pluck().get()).toBe(0);
    } finally {
      await own.close();
    }
  });

  it("is answered with a redirect for a legacy id the Hub moved into an org", async () => {
    const record = standIn.catalog.get("deepseek-ai/DeepSeek-R1") as HubModelRecord;
    const withGpt2 = await startHubStandIn({ records: [{ ...record, id: "openai-community/gpt2" }] });
    try {
      const response = await fetch(`${withGpt2.url}/api/models/gpt2/revision/main`, { redirect: "manual" });
      expect([response.status, response.headers.get("location")]).toEqual([
        307,
        "/api/models/openai-community/gpt2/revision/main",
      ]);
    } finally {
      await withGpt2.close();
    }
  });
});
