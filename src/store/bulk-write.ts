// A large import writes with the secondary indexes and the change triggers set aside, and puts them back at its end.
//
// Why: each row an import writes also goes into the id-without-case and parent indexes at a random place, and each
// fires a trigger recording the changed model for the incremental index; for an import as large as a quarter of the
// database, those were about half of SQLite's work, while building the indexes again afterwards (one sort each) and
// building the lineage index whole cost less. The table's own keys (ids, edges) stay, so every upsert stays exact.
//
// Safety: while set aside, the database says so (meta `bulk_write`), no lineage index is stored (changes are not being
// recorded, so none could be brought up to date), and the stored one is dropped; whatever ends the import (its end,
// a failure, or the next import or crawl after a kill) puts everything back from the schema, which creates only what
// is missing, and drops any index stored meanwhile, so the next lineage index is built whole.

import { connectionOf, type Store } from "./database-handle.js";
import { SCHEMA_SQL } from "./schema.js";

/** What is set aside: the indexes no write needs (only reads) and the triggers that record changed models. */
const SET_ASIDE_INDEXES = ["models_id_nocase", "models_placeholders", "models_base_lists", "edges_parent"];
const SET_ASIDE_TRIGGERS = [
  "models_inserted",
  "models_updated",
  "details_inserted",
  "details_updated",
  "edges_inserted",
  "edges_updated",
  "edges_deleted",
];

/** Whether a bulk write has set the indexes and triggers aside (and not yet put them back). */
export function bulkWriteUnderway(store: Store): boolean {
  return connectionOf(store).prepare(`SELECT 1 FROM meta WHERE key = 'bulk_write'`).pluck().get() !== undefined;
}

/** Sets the secondary indexes and the change triggers aside, and drops the stored lineage index, in one transaction. */
export function setAsideForBulkWrite(store: Store): void {
  const db = connectionOf(store);
  db.transaction(() => {
    for (const name of SET_ASIDE_INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
    for (const name of SET_ASIDE_TRIGGERS) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
    db.prepare(`DELETE FROM lineage_index`).run();
    db.prepare(`INSERT INTO meta (key, value) VALUES ('bulk_write', '1') ON CONFLICT (key) DO NOTHING`).run();
  })();
}

/** Puts back what a bulk write set aside, if anything was (one transaction); the next lineage index is built whole. */
export function endBulkWrite(store: Store): void {
  if (!bulkWriteUnderway(store)) return;
  const db = connectionOf(store);
  db.transaction(() => {
    db.exec(SCHEMA_SQL);
    db.prepare(`DELETE FROM lineage_index`).run();
    db.prepare(`DELETE FROM meta WHERE key = 'bulk_write'`).run();
  })();
}

/** The number of models the database has ever numbered (they are never deleted): what a bulk write is measured by. */
export function numberedModels(store: Store): number {
  return (connectionOf(store).prepare(`SELECT max(node) FROM models`).pluck().get() as number | null) ?? 0;
}
