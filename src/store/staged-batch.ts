// A batch of source records staged for the batch writer (batch-writer.ts): split into steps, each either a
// sub-batch whose rows are JSON text ready for the writer's set-based statements, or a record written by itself.
// Staging reads no database: it can run in the thread that reads the file, leaving the writing thread SQL alone.

import type { EdgeRow, RecordRows } from "../ingest/record-rows.js";
import { wellFormed } from "../vocabulary/safe-text.js";

/**
 * How a model is touched, written before its id in the list of touches: shown to exist, or named as a parent (a
 * placeholder). A plain string per touch keeps SQLite from parsing a JSON array per row. A model first touched by its
 * own record is touched by the record's fields instead (a JSON array), so that a new model's row is written whole.
 */
const EXISTS = "e";
export const PLACEHOLDER = "p";

type Cell = string | number | null;

/** A pair of JSON lists (or null for an empty one), apart by a flag: [flag 0, flag 1]. */
type FlaggedLists = [string | null, string | null];

/** One sub-batch's rows as JSON lists (null when empty), in the order the records give them. */
export interface StagedRows {
  /** The first touch of each model, in order (see `Staging.touches`). */
  touches: string | null;
  /** Whether a touch is a record's fields: else every touch is an id (an edge list's are). */
  touchesRecords: boolean;
  /** Each record's own fields (id, author, ..., base_model_raw), apart by whether it replaces the declared bases. */
  records: FlaggedLists;
  /**
   * As `records`, the records that were their model's first touch: merged only into a row that existed before the
   * sub-batch (a new model's row was written whole by its touch).
   */
  firstTouches: FlaggedLists;
  /** Each record's details, apart by whether the record carried its card (1) or not (0). */
  details: FlaggedLists;
  /** The children whose declared bases the records replace. */
  replaced: string | null;
  edges: string | null;
  unresolved: string | null;
  /** Models and edges written (findings are counted by the writer: only new ones count). */
  models: number;
  edgeCount: number;
}

/** A step of a staged batch: a sub-batch's rows, or a record to be written by itself (by the row writer). */
export type StagedStep = { rows: StagedRows } | { alone: RecordRows };

/** One sub-batch being staged, as JS lists. */
interface Staging {
  /**
   * The first touch of each model, in order; a placeholder touch becomes an existing one when the model is shown to
   * exist or has its record later in the sub-batch (touching a model again does nothing else: it is numbered by its
   * first touch, and a record's own fields are merged apart).
   */
  touches: (string | Cell[])[];
  /** Where each model's touch is in `touches`. */
  touchedAt: Map<string, number>;
  touchesRecords: boolean;
  records: [Cell[][], Cell[][]];
  firstTouches: [Cell[][], Cell[][]];
  details: [Cell[][], Cell[][]];
  replaced: string[];
  edges: Cell[][];
  unresolved: Cell[][];
  /** Children whose edges or findings this sub-batch writes: a later record replacing them must wait for a flush. */
  touched: Set<string>;
  /** Models whose record the sub-batch holds: a second record of one waits for a flush. */
  recordIds: Set<string>;
  models: number;
  edgeCount: number;
}

function emptyStaging(): Staging {
  return {
    touches: [],
    touchedAt: new Map(),
    touchesRecords: false,
    records: [[], []],
    firstTouches: [[], []],
    details: [[], []],
    replaced: [],
    edges: [],
    unresolved: [],
    touched: new Set(),
    recordIds: new Set(),
    models: 0,
    edgeCount: 0,
  };
}

const text = (value: string | null): string | null => (value === null ? null : wellFormed(value));
const list = (values: readonly unknown[]): string | null => (values.length === 0 ? null : JSON.stringify(values));

function rowsOf(staging: Staging): StagedRows {
  return {
    touches: list(staging.touches),
    touchesRecords: staging.touchesRecords,
    records: [list(staging.records[0]), list(staging.records[1])],
    firstTouches: [list(staging.firstTouches[0]), list(staging.firstTouches[1])],
    details: [list(staging.details[0]), list(staging.details[1])],
    replaced: list(staging.replaced),
    edges: list(staging.edges),
    unresolved: list(staging.unresolved),
    models: staging.models,
    edgeCount: staging.edgeCount,
  };
}

/** Stages records one at a time, as they are read (none is kept but as its staged rows); then the batch's steps. */
export interface BatchStager {
  add(rows: RecordRows): void;
  /** The steps of the records added, in order; the stager is then empty. */
  steps(): StagedStep[];
}

/**
 * Stages a batch's records into steps, in the order one-by-one writing would apply them. What depends on an earlier
 * record of the same batch is kept exact by ending the sub-batch before it: a second record of the same model, a
 * record replacing the declared bases of a child whose edges or findings the sub-batch already holds, and a record
 * with an org-less parent, whose fate depends on whether that parent has a record by then (such a record is written
 * alone, by the row writer).
 */
export function createBatchStager(): BatchStager {
  let steps: StagedStep[] = [];
  let staging = emptyStaging();
  const flush = () => {
    // Edges and details come with touches; a record's findings or replaced bases may come without.
    if (staging.touches.length + staging.replaced.length + staging.unresolved.length > 0)
      steps.push({ rows: rowsOf(staging) });
    staging = emptyStaging();
  };
  return {
    add(rows) {
      if (rows.edges.some((edge) => edge.orgless === true)) {
        flush();
        steps.push({ alone: rows });
        return;
      }
      const replaces = rows.replacesDeclaredBasesOf;
      if (
        (rows.model !== null && staging.recordIds.has(rows.model.id)) ||
        (replaces !== null && staging.touched.has(replaces))
      )
        flush();
      stage(staging, rows);
      if (rows.model !== null) staging.recordIds.add(rows.model.id);
    },
    steps() {
      flush();
      const done = steps;
      steps = [];
      return done;
    },
  };
}

/** The steps of a whole batch (see `createBatchStager`). */
export function stageBatch(batch: readonly RecordRows[]): StagedStep[] {
  const stager = createBatchStager();
  for (const rows of batch) stager.add(rows);
  return stager.steps();
}

/**
 * Notes a touch of a model (by its record's fields, or as existing or a placeholder): its first, or a placeholder's
 * first touch showing that it exists. Returns whether it was the model's first touch.
 */
function touch(staging: Staging, modelId: string, by: Cell[] | typeof EXISTS | typeof PLACEHOLDER): boolean {
  const id = wellFormed(modelId);
  const at = staging.touchedAt.get(id);
  if (at === undefined) {
    staging.touchedAt.set(id, staging.touches.length);
    if (typeof by === "string") staging.touches.push(by + id);
    else {
      staging.touches.push(by);
      staging.touchesRecords = true;
    }
    return true;
  }
  const first = staging.touches[at];
  if (by !== PLACEHOLDER && typeof first === "string" && first.startsWith(PLACEHOLDER))
    staging.touches[at] = EXISTS + id;
  return false;
}

/** Adds one record's rows to the sub-batch, in the order the row writer writes them. */
function stage(staging: Staging, rows: RecordRows): void {
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
    (touch(staging, model.id, fields) ? staging.firstTouches : staging.records)[replaces].push(fields);
    staging.models++;
    const details = rows.details;
    if (details !== undefined) {
      staging.details[details.hasCard ? 1 : 0].push([
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
    touch(staging, id, EXISTS);
    staging.models++;
  }
  if (rows.replacesDeclaredBasesOf !== null) staging.replaced.push(text(rows.replacesDeclaredBasesOf) as string);
  for (const edge of rows.edges) stageEdge(staging, rows, edge);
  for (const entry of rows.unresolved) {
    staging.unresolved.push([wellFormed(entry.child), wellFormed(entry.raw), entry.reason]);
    staging.touched.add(entry.child);
    staging.touched.add(wellFormed(entry.child));
  }
}

function stageEdge(staging: Staging, rows: RecordRows, edge: EdgeRow): void {
  staging.edgeCount++;
  touch(staging, edge.parent, PLACEHOLDER);
  if (rows.model?.id !== edge.child && !rows.existing.includes(edge.child)) touch(staging, edge.child, EXISTS);
  staging.edges.push([text(edge.child), text(edge.parent), edge.relation, edge.source, wellFormed(edge.raw)]);
  staging.touched.add(edge.child);
}
