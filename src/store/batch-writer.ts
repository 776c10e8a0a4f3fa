// Writes the rows of many source records at once: the batch is handed to SQLite as JSON and merged with a few
// set-based statements, storing exactly what writing the records one by one (row-writer.ts) stores, much faster.

import type { EdgeRow, RecordRows } from "../ingest/record-rows.js";
import { wellFormed } from "../vocabulary/safe-text.js";
import { connectionOf, type Store } from "./database-handle.js";
import { createRowWriter, type WriteCounts } from "./row-writer.js";
import { DETAILS_MERGE, modelMerge } from "./merge-rules.js";

export interface BatchWriter {
  /** Writes the records' rows in their order (inside the caller's transaction); returns what they wrote. */
  write(batch: readonly RecordRows[]): WriteCounts;
}

/**
 * How a model is touched, written before its id in the list of touches: shown to exist, or named as a parent (a
 * placeholder). A plain string per touch keeps SQLite from parsing a JSON array per row. A model first touched by its
 * own record is touched by the record's fields instead (a JSON array), so that a new model's row is written whole.
 */
const EXISTS = "e";
const PLACEHOLDER = "p";

/** A touch's id and org (`value` is the touch), as the row writer derives them; then a record's field, or null. */
const IS_RECORD = "type = 'array'";
const TOUCHED_ID = `iif(${IS_RECORD}, value ->> 0, substr(value, 2))`;
const TOUCHED_AUTHOR = `iif(${IS_RECORD}, value ->> 1,
  CASE WHEN instr(value, '/') > 0 THEN substr(value, 2, instr(value, '/') - 2) END)`;
const touchedField = (index: number) => `iif(${IS_RECORD}, value ->> ${index}, NULL)`;

type Cell = string | number | null;

/** One sub-batch staged as JSON lists, in the order the records give them. */
interface Staged {
  /**
   * The first touch of each model, in order; a placeholder touch becomes an existing one when the model is shown to
   * exist or has its record later in the sub-batch (touching a model again does nothing else: it is numbered by its
   * first touch, and a record's own fields are merged apart).
   */
  touches: (string | Cell[])[];
  /** Where each model's touch is in `touches`. */
  touchedAt: Map<string, number>;
  /**
   * Each record's own fields (id, author, ..., base_model_raw), apart by whether it replaces the declared bases (1)
   * or not (0): each list is merged by its own statement, so SQLite reads each record once.
   */
  records: [Cell[][], Cell[][]];
  /**
   * As `records`, the records that were their model's first touch: merged only into a row that existed before the
   * sub-batch (a new model's row was written whole by its touch).
   */
  firstTouches: [Cell[][], Cell[][]];
  /** Each record's details, apart by whether the record carried its card (1) or not (0). */
  details: [Cell[][], Cell[][]];
  replaced: string[];
  edges: Cell[][];
  unresolved: Cell[][];
  /** Children whose edges or findings this sub-batch writes: a later record replacing them must wait for a flush. */
  touched: Set<string>;
  counts: WriteCounts;
}

function emptyStaged(): Staged {
  return {
    touches: [],
    touchedAt: new Map(),
    records: [[], []],
    firstTouches: [[], []],
    details: [[], []],
    replaced: [],
    edges: [],
    unresolved: [],
    touched: new Set(),
    counts: { models: 0, edges: 0, unresolved: 0 },
  };
}

const text = (value: string | null): string | null => (value === null ? null : wellFormed(value));

/**
 * Why not one statement per row: per-row statements and their commits were most of an import's time. The batch is
 * merged in the order one-by-one writing would apply it: new models are numbered in the order they are first named
 * (a model first named by its own record is written whole, as merging the record into an empty row writes it), and a
 * placeholder named again as existing is marked so by the same upsert (this commutes with the merges that follow:
 * both only ever clear the flag), then each other record's fields are merged into its row. Edges and findings are
 * upserts over a SELECT in key order, and for one key in the batch's order, which SQLite applies one row at a time:
 * each key ends as one-by-one writing leaves it, and the B-tree is written in key order rather than at random places.
 * What depends on an earlier record of the same batch is kept exact by ending the sub-batch before it: a second
 * record of the same model, a record replacing the declared bases of a child whose edges or findings the sub-batch
 * already holds, and a record with an org-less parent, whose fate depends on whether that parent has a record by
 * then (such a record is written alone, by the row writer). The per-row triggers still record the changed models,
 * so every write path keeps the incremental index exact.
 */
export function createBatchWriter(store: Store): BatchWriter {
  const db = connectionOf(store);
  const oneByOne = createRowWriter(store);
  const numberNewModels = db.prepare(`
    INSERT INTO models (id, author, created_at, last_modified, downloads, likes, library_name, pipeline_tag, license,
                        gated, architecture, placeholder, base_model_raw)
    SELECT ${TOUCHED_ID}, ${TOUCHED_AUTHOR}, ${[2, 3, 4, 5, 6, 7, 8, 9, 10].map(touchedField).join(", ")},
           NOT ${IS_RECORD} AND substr(value, 1, 1) = '${PLACEHOLDER}', ${touchedField(11)}
    FROM json_each(?) WHERE true ORDER BY key
    ON CONFLICT (id) DO UPDATE SET placeholder = 0 WHERE excluded.placeholder = 0 AND placeholder = 1`);
  const mergeRecords = db.prepare(`
    INSERT INTO models (id, author, created_at, last_modified, downloads, likes, library_name, pipeline_tag, license,
                        gated, architecture, placeholder, base_model_raw)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
           value ->> 8, value ->> 9, value ->> 10, 0, value ->> 11
    FROM json_each(@records) WHERE true
    ON CONFLICT (id) DO UPDATE SET ${modelMerge("replaces")}`);
  const lastNode = db.prepare(`SELECT coalesce(max(node), 0) FROM models`).pluck();
  const idsNumberedAfter = db.prepare(`SELECT id FROM models WHERE node > ?`).pluck();
  const mergeDetails = db.prepare(`
    INSERT INTO model_details (node, tags, card_license, license_name, license_link, gguf_total, gguf_architecture,
                               safetensors_total, model_type, architectures, file_count, format_files,
                               downloads_all_time, safetensors_parameters, gguf_context_length, experts,
                               experts_per_token)
    SELECT m.node, d.value ->> 1, d.value ->> 2, d.value ->> 3, d.value ->> 4, d.value ->> 5, d.value ->> 6,
           d.value ->> 7, d.value ->> 8, d.value ->> 9, d.value ->> 10, d.value ->> 11, d.value ->> 12,
           d.value ->> 13, d.value ->> 14, d.value ->> 15, d.value ->> 16
    FROM json_each(@details) d JOIN models m ON m.id = d.value ->> 0
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

  const flush = (staged: Staged, total: WriteCounts): void => {
    if (staged.touches.length > 0) {
      const before = lastNode.get() as number;
      numberNewModels.run(JSON.stringify(staged.touches));
      const firstTouches = staged.firstTouches[0].length + staged.firstTouches[1].length;
      const numbered = new Set(firstTouches === 0 ? [] : (idsNumberedAfter.all(before) as string[]));
      for (const replaces of [0, 1] as const) {
        const records = [
          ...staged.records[replaces],
          ...staged.firstTouches[replaces].filter((cells) => !numbered.has(cells[0] as string)),
        ];
        if (records.length > 0) mergeRecords.run({ records: JSON.stringify(records), replaces });
      }
    }
    for (const hasCard of [0, 1] as const) {
      const details = staged.details[hasCard];
      if (details.length > 0) mergeDetails.run({ details: JSON.stringify(details), hasCard });
    }
    if (staged.replaced.length > 0) {
      const replaced = JSON.stringify(staged.replaced);
      deleteDeclaredEdges.run(replaced);
      deleteUnresolved.run(replaced);
    }
    if (staged.edges.length > 0) upsertEdges.run(JSON.stringify(staged.edges));
    if (staged.unresolved.length > 0) {
      const findings = JSON.stringify(staged.unresolved);
      staged.counts.unresolved = countNewFindings.get(findings) as number;
      upsertFindings.run(findings);
    }
    total.models += staged.counts.models;
    total.edges += staged.counts.edges;
    total.unresolved += staged.counts.unresolved;
  };

  return {
    write(batch) {
      const total: WriteCounts = { models: 0, edges: 0, unresolved: 0 };
      let staged = emptyStaged();
      const recordIds = new Set<string>();
      for (const rows of batch) {
        if (rows.edges.some((edge) => edge.orgless === true)) {
          flush(staged, total);
          staged = emptyStaged();
          recordIds.clear();
          const counts = oneByOne.write(rows);
          total.models += counts.models;
          total.edges += counts.edges;
          total.unresolved += counts.unresolved;
          continue;
        }
        const replaces = rows.replacesDeclaredBasesOf;
        if (
          (rows.model !== null && recordIds.has(rows.model.id)) ||
          (replaces !== null && staged.touched.has(replaces))
        ) {
          flush(staged, total);
          staged = emptyStaged();
          recordIds.clear();
        }
        stage(staged, rows);
        if (rows.model !== null) recordIds.add(rows.model.id);
      }
      flush(staged, total);
      return total;
    },
  };
}

/**
 * Notes a touch of a model (by its record's fields, or as existing or a placeholder): its first, or a placeholder's
 * first touch showing that it exists. Returns whether it was the model's first touch.
 */
function touch(staged: Staged, modelId: string, by: Cell[] | typeof EXISTS | typeof PLACEHOLDER): boolean {
  const id = wellFormed(modelId);
  const at = staged.touchedAt.get(id);
  if (at === undefined) {
    staged.touchedAt.set(id, staged.touches.length);
    staged.touches.push(typeof by === "string" ? by + id : by);
    return true;
  }
  const first = staged.touches[at];
  if (by !== PLACEHOLDER && typeof first === "string" && first.startsWith(PLACEHOLDER))
    staged.touches[at] = EXISTS + id;
  return false;
}

/** Adds one record's rows to the sub-batch, in the order the row writer writes them. */
function stage(staged: Staged, rows: RecordRows): void {
  const model = rows.model;
  if (model !== null) {
    const fields = [
      text(model.id),
      text(model.author),
      text(model.createdAt),
      text(model.lastModified),
      model.downloads,
      model.likes,
      text(model.libraryName),
      text(model.pipelineTag),
      text(model.license),
      text(model.gated),
      text(model.architecture),
      text(model.baseModelRaw),
    ];
    const replaces = rows.replacesDeclaredBasesOf === model.id ? 1 : 0;
    (touch(staged, model.id, fields) ? staged.firstTouches : staged.records)[replaces].push(fields);
    staged.counts.models++;
    const details = rows.details;
    if (details !== undefined) {
      staged.details[details.hasCard ? 1 : 0].push([
        text(model.id),
        text(JSON.stringify(details.tags)),
        text(details.cardLicense),
        text(details.licenseName),
        text(details.licenseLink),
        details.ggufTotal,
        text(details.ggufArchitecture),
        details.safetensorsTotal,
        text(details.modelType),
        details.architectures === null ? null : text(JSON.stringify(details.architectures)),
        details.fileCount,
        details.formatFiles === null ? null : text(JSON.stringify(details.formatFiles)),
        details.downloadsAllTime,
        details.safetensorsParameters === null ? null : text(JSON.stringify(details.safetensorsParameters)),
        details.ggufContextLength,
        details.experts,
        details.expertsPerToken,
      ]);
    }
  }
  for (const id of rows.existing) {
    touch(staged, id, EXISTS);
    staged.counts.models++;
  }
  if (rows.replacesDeclaredBasesOf !== null) staged.replaced.push(text(rows.replacesDeclaredBasesOf) as string);
  for (const edge of rows.edges) stageEdge(staged, rows, edge);
  for (const entry of rows.unresolved) {
    staged.unresolved.push([wellFormed(entry.child), wellFormed(entry.raw), entry.reason]);
    staged.touched.add(entry.child);
    staged.touched.add(wellFormed(entry.child));
  }
}

function stageEdge(staged: Staged, rows: RecordRows, edge: EdgeRow): void {
  staged.counts.edges++;
  touch(staged, edge.parent, PLACEHOLDER);
  if (rows.model?.id !== edge.child && !rows.existing.includes(edge.child)) touch(staged, edge.child, EXISTS);
  staged.edges.push([text(edge.child), text(edge.parent), edge.relation, edge.source, wellFormed(edge.raw)]);
  staged.touched.add(edge.child);
}
