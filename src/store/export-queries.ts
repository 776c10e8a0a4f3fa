// Read queries behind every export: models with their metadata and lineage edges as plain rows, in pages read by
// key so that no cursor stays open between pages and memory stays flat however large the database is.

import type Database from "better-sqlite3";
import { connectionOf, type Store } from "./database-handle.js";
import type { EdgeSource, Relation } from "../vocabulary/relation.js";

export interface ExportModelRow {
  /** The model's number in the lineage index. */
  node: number;
  id: string;
  author: string | null;
  downloads: number | null;
  likes: number | null;
  created_at: string | null;
  license: string | null;
  pipeline_tag: string | null;
  library_name: string | null;
  placeholder: number;
  /** The relation of the model's best-sourced edge (tag > card > file; a self-loop counts), null for a root. */
  relation: Relation | null;
}

export interface ExportEdgeRow {
  parent: string;
  child: string;
  relation: Relation;
  source: EdgeSource;
}

const RANK = `CASE e.source WHEN 'tag' THEN 0 WHEN 'card' THEN 1 ELSE 2 END`;

const MODEL_COLUMNS = `m.node, m.id, m.author, m.downloads, m.likes, m.created_at, m.license, m.pipeline_tag,
    m.library_name, m.placeholder,
    (SELECT e.relation FROM edges e WHERE e.child = m.id ORDER BY ${RANK}, e.parent LIMIT 1) AS relation
  FROM models m`;

export function countModels(store: Store): number {
  return (connectionOf(store).prepare(`SELECT count(*) AS n FROM models`).get() as { n: number }).n;
}

/** Distinct parent → child pairs, self-loops left out: the edges of the lineage graph. */
export function countLineageEdges(store: Store): number {
  return (
    connectionOf(store)
      .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM edges WHERE child <> parent GROUP BY child, parent)`)
      .get() as { n: number }
  ).n;
}

/** Every model in id order, `pageSize` rows per query. */
export function* allExportModels(store: Store, pageSize = 2000): Generator<ExportModelRow> {
  const db = connectionOf(store);
  const first = db.prepare(`SELECT ${MODEL_COLUMNS} ORDER BY m.id LIMIT ?`);
  const next = db.prepare(`SELECT ${MODEL_COLUMNS} WHERE m.id > ? ORDER BY m.id LIMIT ?`);
  let page = first.all(pageSize) as ExportModelRow[];
  while (page.length > 0) {
    yield* page;
    if (page.length < pageSize) return;
    page = next.all((page[page.length - 1] as ExportModelRow).id, pageSize) as ExportModelRow[];
  }
}

const byIdsStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The models with these ids (in no particular order); ids with no model are left out. */
export function exportModelsByIds(store: Store, ids: readonly string[]): ExportModelRow[] {
  if (ids.length === 0) return [];
  const db = connectionOf(store);
  // Batches mostly share one size: compile each size's statement once per database.
  const cache = byIdsStatements.get(db) ?? new Map<string, Database.Statement>();
  byIdsStatements.set(db, cache);
  const key = String(ids.length);
  let statement = cache.get(key);
  if (statement === undefined) {
    statement = db.prepare(`SELECT ${MODEL_COLUMNS} WHERE m.id IN (${ids.map(() => "?").join(",")})`);
    cache.set(key, statement);
  }
  return statement.all(...ids) as ExportModelRow[];
}

/**
 * Every lineage edge once per parent → child pair, self-loops left out, carrying the relation and source of the
 * pair's best-sourced row (tag > card > file), in (child, parent) order — the edge set `buildLineageGraph` builds.
 */
export function* allExportEdges(store: Store, pageSize = 5000): Generator<ExportEdgeRow> {
  const db = connectionOf(store);
  // With one MIN() aggregate, SQLite takes the bare columns from the row holding the minimum.
  const select =
    `SELECT e.parent, e.child, e.relation, e.source, MIN(${RANK}) AS rank ` + "FROM edges e WHERE e.child <> e.parent";
  const first = db.prepare(`${select} GROUP BY e.child, e.parent ORDER BY e.child, e.parent LIMIT ?`);
  const next = db.prepare(
    `${select} AND (e.child, e.parent) > (?, ?) GROUP BY e.child, e.parent ORDER BY e.child, e.parent LIMIT ?`,
  );
  let page = first.all(pageSize) as (ExportEdgeRow & { rank: number })[];
  while (page.length > 0) {
    for (const row of page) yield { parent: row.parent, child: row.child, relation: row.relation, source: row.source };
    if (page.length < pageSize) return;
    const last = page[page.length - 1] as ExportEdgeRow;
    page = next.all(last.child, last.parent, pageSize) as (ExportEdgeRow & { rank: number })[];
  }
}
