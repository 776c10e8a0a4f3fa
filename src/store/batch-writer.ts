// Writes the rows of many source records at once: the batch is handed to SQLite as JSON and merged with a few
// set-based statements, storing exactly what writing the records one by one (row-writer.ts) stores, much faster.

import type { RecordRows } from "../ingest/record-rows.js";
import { connectionOf, type Store } from "./database-handle.js";
import { createRowWriter, type WriteCounts } from "./row-writer.js";
import { DETAILS_MERGE, modelMerge } from "./merge-rules.js";
import { PLACEHOLDER, stageBatch, type StagedRows, type StagedStep } from "./staged-batch.js";

export interface BatchWriter {
  /** Writes the records' rows in their order (inside the caller's transaction); returns what they wrote. */
  write(batch: readonly RecordRows[]): WriteCounts;
  /** Writes a batch staged beforehand (`stageBatch`, perhaps in another thread), as `write` writes the batch. */
  writeStaged(steps: readonly StagedStep[]): WriteCounts;
}

/** A touch's id and org (`value` is the touch), as the row writer derives them; then a record's field, or null. */
const IS_RECORD = "type = 'array'";
const ID_OF_TOUCH = "substr(value, 2)";
const AUTHOR_OF_TOUCH = "CASE WHEN instr(value, '/') > 0 THEN substr(value, 2, instr(value, '/') - 2) END";
const TOUCHED_ID = `iif(${IS_RECORD}, value ->> 0, ${ID_OF_TOUCH})`;
const TOUCHED_AUTHOR = `iif(${IS_RECORD}, value ->> 1, ${AUTHOR_OF_TOUCH})`;
/** How touched models are numbered: a new one in the order touched, a placeholder named as existing marked so. */
const NUMBERED_ON_CONFLICT =
  "ON CONFLICT (id) DO UPDATE SET placeholder = 0 WHERE excluded.placeholder = 0 AND placeholder = 1";
/**
 * The items of a JSON list (`items`: key, type, value, in order), each record converted to SQLite's binary JSON once
 * (a touch by id stays its text): a record's dozen or more fields are then read from it without parsing its text again
 * for each, which took most of merging a Hub record's details (16 fields: 7 µs a record).
 */
const EACH_AS_JSONB = (list: string) =>
  `WITH items AS MATERIALIZED (
     SELECT key, type, iif(${IS_RECORD}, jsonb(value), value) AS value FROM json_each(${list}) ORDER BY key)`;
const touchedField = (index: number) => `iif(${IS_RECORD}, value ->> ${index}, NULL)`;

/**
 * Why not one statement per row: per-row statements and their commits were most of an import's time. The batch is
 * merged in the order one-by-one writing would apply it: new models are numbered in the order they are first named
 * (a model first named by its own record is written whole, as merging the record into an empty row writes it), and a
 * placeholder named again as existing is marked so by the same upsert (this commutes with the merges that follow:
 * both only ever clear the flag), then each other record's fields are merged into its row. Edges and findings are
 * upserts over a SELECT in key order, and for one key in the batch's order, which SQLite applies one row at a time:
 * each key ends as one-by-one writing leaves it, and the B-tree is written in key order rather than at random places.
 * What depends on an earlier record of the same batch is kept exact by the steps `stageBatch` splits it into. The
 * per-row triggers still record the changed models, so every write path keeps the incremental index exact.
 */
export function createBatchWriter(store: Store): BatchWriter {
  const db = connectionOf(store);
  const oneByOne = createRowWriter(store);
  const numberNewModels = db.prepare(`
    ${EACH_AS_JSONB("?")}
    INSERT INTO models (id, author, created_at, last_modified, downloads, likes, library_name, pipeline_tag, license,
                        gated, architecture, placeholder, base_model_raw)
    SELECT ${TOUCHED_ID}, ${TOUCHED_AUTHOR}, ${[2, 3, 4, 5, 6, 7, 8, 9, 10].map(touchedField).join(", ")},
           NOT ${IS_RECORD} AND substr(value, 1, 1) = '${PLACEHOLDER}', ${touchedField(11)}
    FROM items WHERE true ORDER BY key
    ${NUMBERED_ON_CONFLICT}`);
  // The same for touches that are ids alone (every touch of an edge list): the fields a touch by id leaves null are
  // not asked for one by one, which was a quarter of the statement's time.
  const numberTouchedIds = db.prepare(`
    INSERT INTO models (id, author, placeholder)
    SELECT ${ID_OF_TOUCH}, ${AUTHOR_OF_TOUCH}, substr(value, 1, 1) = '${PLACEHOLDER}'
    FROM json_each(?) WHERE true ORDER BY key
    ${NUMBERED_ON_CONFLICT}`);
  const mergeRecords = db.prepare(`
    ${EACH_AS_JSONB("@records")}
    INSERT INTO models (id, author, created_at, last_modified, downloads, likes, library_name, pipeline_tag, license,
                        gated, architecture, placeholder, base_model_raw)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
           value ->> 8, value ->> 9, value ->> 10, 0, value ->> 11
    FROM items WHERE true
    ON CONFLICT (id) DO UPDATE SET ${modelMerge("replaces")}`);
  // A record first touched in its sub-batch is merged only into a row numbered before it (one that existed): read from
  // its text, as most such records are new models and are left out before any field is read.
  const mergeFirstTouches = db.prepare(`
    INSERT INTO models (id, author, created_at, last_modified, downloads, likes, library_name, pipeline_tag, license,
                        gated, architecture, placeholder, base_model_raw)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
           value ->> 8, value ->> 9, value ->> 10, 0, value ->> 11
    FROM json_each(@records) WHERE (SELECT node FROM models WHERE id = value ->> 0) <= @before
    ON CONFLICT (id) DO UPDATE SET ${modelMerge("replaces")}`);
  const lastNode = db.prepare(`SELECT coalesce(max(node), 0) FROM models`).pluck();
  const mergeDetails = db.prepare(`
    ${EACH_AS_JSONB("@details")}
    INSERT INTO model_details (node, tags, card_license, license_name, license_link, gguf_total, gguf_architecture,
                               safetensors_total, model_type, architectures, file_count, format_files,
                               downloads_all_time, safetensors_parameters, gguf_context_length, experts,
                               experts_per_token)
    SELECT m.node, d.value ->> 1, d.value ->> 2, d.value ->> 3, d.value ->> 4, d.value ->> 5, d.value ->> 6,
           d.value ->> 7, d.value ->> 8, d.value ->> 9, d.value ->> 10, d.value ->> 11, d.value ->> 12,
           d.value ->> 13, d.value ->> 14, d.value ->> 15, d.value ->> 16
    FROM items d JOIN models m ON m.id = d.value ->> 0
    ON CONFLICT (node) DO UPDATE SET ${DETAILS_MERGE}`);
  const deleteDeclaredEdges = db.prepare(
    `DELETE FROM edges WHERE source IN ('tag', 'card') AND child IN (SELECT value FROM json_each(?))`,
  );
  const deleteUnresolved = db.prepare(`DELETE FROM unresolved WHERE child IN (SELECT value FROM json_each(?))`);
  const upsertEdges = db.prepare(`
    INSERT INTO edges (child, parent, relation, source, raw)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?)
    WHERE true ORDER BY value ->> 0, value ->> 1, value ->> 3, key
    ON CONFLICT (child, parent, source) DO UPDATE SET relation = excluded.relation, raw = excluded.raw`);
  const countNewFindings = db
    .prepare(
      `SELECT count(*) FROM (SELECT DISTINCT value ->> 0 AS child, value ->> 1 AS raw FROM json_each(?)) AS s
       WHERE NOT EXISTS (SELECT 1 FROM unresolved u WHERE u.child = s.child AND u.raw = s.raw)`,
    )
    .pluck();
  const upsertFindings = db.prepare(`
    INSERT INTO unresolved (child, raw, reason)
    SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true ORDER BY value ->> 0, value ->> 1, key
    ON CONFLICT (child, raw) DO UPDATE SET reason = excluded.reason`);

  const writeRows = (staged: StagedRows): WriteCounts => {
    if (staged.touches !== null) {
      const before = lastNode.get() as number;
      (staged.touchesRecords ? numberNewModels : numberTouchedIds).run(staged.touches);
      for (const replaces of [0, 1] as const) {
        const records = staged.records[replaces];
        if (records !== null) mergeRecords.run({ records, replaces });
        const firstTouches = staged.firstTouches[replaces];
        if (firstTouches !== null) mergeFirstTouches.run({ records: firstTouches, replaces, before });
      }
    }
    for (const hasCard of [0, 1] as const) {
      const details = staged.details[hasCard];
      if (details !== null) mergeDetails.run({ details, hasCard });
    }
    if (staged.replaced !== null) {
      deleteDeclaredEdges.run(staged.replaced);
      deleteUnresolved.run(staged.replaced);
    }
    if (staged.edges !== null) upsertEdges.run(staged.edges);
    let unresolved = 0;
    if (staged.unresolved !== null) {
      unresolved = countNewFindings.get(staged.unresolved) as number;
      upsertFindings.run(staged.unresolved);
    }
    return { models: staged.models, edges: staged.edgeCount, unresolved };
  };

  const writeStaged = (steps: readonly StagedStep[]): WriteCounts => {
    const total: WriteCounts = { models: 0, edges: 0, unresolved: 0 };
    for (const step of steps) {
      const counts = "alone" in step ? oneByOne.write(step.alone) : writeRows(step.rows);
      total.models += counts.models;
      total.edges += counts.edges;
      total.unresolved += counts.unresolved;
    }
    return total;
  };

  return { write: (batch) => writeStaged(stageBatch(batch)), writeStaged };
}
