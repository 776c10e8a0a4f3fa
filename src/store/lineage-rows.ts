// The rows the lineage graph is built from: every model (placeholders included) and every edge row, read in one
// transaction so that a write committed meanwhile can never give an edge whose model was not read.

import type { EdgeSource, Relation } from "../vocabulary/relation.js";
import { connectionOf, type Store } from "./database-handle.js";
import { dataVersion } from "./open-store.js";

export interface LineageModelRow {
  id: string;
  placeholder: number;
  author: string | null;
  downloads: number | null;
  likes: number | null;
  created_at: string | null;
}

export interface LineageEdgeRow {
  child: string;
  parent: string;
  relation: Relation;
  source: EdgeSource;
}

/** Hands every model, then every edge row (self-loops and several sources of a pair included), to the callbacks. */
export function readLineageRows(
  store: Store,
  onModel: (row: LineageModelRow) => void,
  onEdge: (row: LineageEdgeRow) => void,
): void {
  const db = connectionOf(store);
  const models = db.prepare(`SELECT id, placeholder, author, downloads, likes, created_at FROM models`);
  const edges = db.prepare(`SELECT child, parent, relation, source FROM edges`);
  db.transaction(() => {
    for (const row of models.iterate() as Iterable<LineageModelRow>) onModel(row);
    for (const row of edges.iterate() as Iterable<LineageEdgeRow>) onEdge(row);
  })();
}

export interface NumberedModelRow {
  node: number;
  id: string;
  placeholder: number;
  downloads: number | null;
}

export interface NumberedEdgeRow {
  child: number;
  parent: number;
  relation: Relation;
  source: EdgeSource;
}

/**
 * The rows the lineage index is built from, read in one transaction with the data version they belong to: every
 * model by node number, then every edge row by the node numbers of its ends, in (child, parent, source) id order.
 */
export function readNumberedLineage(
  store: Store,
  onModel: (row: NumberedModelRow) => void,
  onEdge: (row: NumberedEdgeRow) => void,
): number {
  const db = connectionOf(store);
  const models = db.prepare(`SELECT node, id, placeholder, downloads FROM models ORDER BY node`);
  const edges = db.prepare(`
    SELECT c.node AS child, p.node AS parent, e.relation, e.source
    FROM edges e JOIN models c ON c.id = e.child JOIN models p ON p.id = e.parent
    ORDER BY e.child, e.parent, e.source`);
  return db.transaction(() => {
    for (const row of models.iterate() as Iterable<NumberedModelRow>) onModel(row);
    for (const row of edges.iterate() as Iterable<NumberedEdgeRow>) onEdge(row);
    return dataVersion(store);
  })();
}
