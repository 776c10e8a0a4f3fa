// Imports written in bulk (secondary indexes and change triggers set aside) against the same imports written with
// them in place, on real bundled files: the same rows, the same schema afterwards, and a lineage index equal to a
// new build; a bulk import that fails or is killed leaves a database whose next write puts everything back.

import { afterAll, describe, expect, it } from "vitest";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { buildLineageIndex } from "../../src/graph/lineage-index.js";
import type { SourceItem } from "../../src/ingest/record-rows.js";
import { bulkWriteUnderway, setAsideForBulkWrite } from "../../src/store/bulk-write.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { storedIndexVersion } from "../../src/store/index-sections.js";
import { dataVersion, openStore, type Store } from "../../src/store/open-store.js";
import { beginCrawlRun } from "../../src/store/runs.js";
import { importFile } from "../../src/sync/import-file.js";
import { batchesOf } from "../../src/sync/import-batches.js";
import { importItems } from "../../src/sync/import-items.js";
import { EDGES_CSV, KOKORO_DUMP, METADATA_CSV, PHI2_DUMP } from "../support/bundled-data.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

afterAll(() => removeScratchFolders());

/** Every stored row a lineage depends on, in key order; runs without their times. */
function contents(store: Store): Record<string, unknown[]> {
  const db = connectionOf(store);
  const all = (sql: string) => db.prepare(sql).raw().all();
  return {
    models: all(`SELECT * FROM models ORDER BY node`),
    details: all(`SELECT * FROM model_details ORDER BY node`),
    edges: all(`SELECT * FROM edges ORDER BY child, parent, source`),
    unresolved: all(`SELECT * FROM unresolved ORDER BY child, raw`),
    runs: all(`SELECT kind, source, status, records_read, records, models, edges, unresolved, skipped, warnings
               FROM runs ORDER BY id`),
    problems: all(`SELECT * FROM run_problems ORDER BY run_id, position, message`),
  };
}

/** Every index and trigger, with its SQL. */
function schemaObjects(store: Store): unknown[] {
  return connectionOf(store)
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name`)
    .raw()
    .all();
}

describe("bulk writes", () => {
  it("store exactly the rows the same imports store with indexes and triggers in place", async () => {
    const folder = scratchFolder();
    const bulk = openStore(`${folder}/bulk.db`);
    const inPlace = openStore(`${folder}/in-place.db`);
    const freshSchema = schemaObjects(inPlace);
    for (const file of [EDGES_CSV, METADATA_CSV, KOKORO_DUMP, PHI2_DUMP]) {
      await importFile(bulk, file, { bulk: true });
      await importFile(inPlace, file, { bulk: false });
    }
    expect(contents(bulk)).toEqual(contents(inPlace));
    expect((contents(bulk).edges as unknown[]).length).toBeGreaterThan(30_000);
    // Everything set aside is back, exactly as the schema makes it, and the database no longer says a bulk write runs.
    expect(schemaObjects(bulk)).toEqual(freshSchema);
    expect(bulkWriteUnderway(bulk)).toBe(false);
    // The lineage index is built whole from the data and stored.
    expect(storedIndexVersion(bulk)).toBeNull();
    expect(openIndexedLineage(bulk).index).toEqual(buildLineageIndex(bulk));
    expect(storedIndexVersion(bulk)).toBe(dataVersion(bulk));
    bulk.close();
    inPlace.close();
  });

  it("is chosen for an import as large as a quarter of the database, not for a small one", async () => {
    const store = openStore(`${scratchFolder()}/choice.db`);
    const freshSchema = schemaObjects(store);
    const changedModels = () => connectionOf(store).prepare(`SELECT count(*) FROM changed_models`).pluck().get();
    // Into an empty database: in bulk, so no trigger recorded the 30K changed models one by one.
    await importFile(store, EDGES_CSV);
    expect(changedModels()).toBe(0);
    openIndexedLineage(store);
    // A dump of a few hundred records beside 39K models is written with the triggers recording each change.
    await importFile(store, KOKORO_DUMP);
    expect(changedModels()).toBeGreaterThan(0);
    expect(schemaObjects(store)).toEqual(freshSchema);
    store.close();
  });

  it("puts everything back when its source fails, and after a kill at the next import or crawl", async () => {
    const folder = scratchFolder();
    const store = openStore(`${folder}/failing.db`);
    const freshSchema = schemaObjects(store);
    async function* failingSource(): AsyncGenerator<SourceItem> {
      yield { skipped: "a record that could not be read" };
      throw new Error("the source ended early");
    }
    const target = { source: "failing.jsonl", format: "hub-jsonl" as const, fingerprint: "f".repeat(64) };
    await expect(importItems(store, target, batchesOf(failingSource()), { bulk: true })).rejects.toThrow("ended early");
    expect(bulkWriteUnderway(store)).toBe(false);
    expect(schemaObjects(store)).toEqual(freshSchema);

    // A kill leaves the indexes and triggers aside: reads stay right but store no index (no change is recorded).
    await importFile(store, EDGES_CSV, { bulk: false });
    setAsideForBulkWrite(store);
    expect(bulkWriteUnderway(store)).toBe(true);
    expect(openIndexedLineage(store).index).toEqual(buildLineageIndex(store));
    expect(storedIndexVersion(store)).toBeNull();
    // The next crawl (or import) puts everything back before it writes.
    beginCrawlRun(store, { mode: "family", scope: "family:x/y", source: "https://huggingface.co/api/models" });
    expect(bulkWriteUnderway(store)).toBe(false);
    expect(schemaObjects(store)).toEqual(freshSchema);
    openIndexedLineage(store);
    expect(storedIndexVersion(store)).toBe(dataVersion(store));
    store.close();
  });
});
