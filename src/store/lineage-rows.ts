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

/** What the lineage index builder is handed, row by row, as plain values (no object per row: there are millions). */
export interface NumberedLineageVisitor {
  /** Called first with the largest node number in use (-1 when there are no models). */
  start(largestNode: number): void;
  model(node: number, placeholder: boolean, downloads: number | null): void;
  /** `older`: the child's creation date is before the parent's (false when either is unknown). */
  edge(child: number, parent: number, relation: Relation, source: EdgeSource, older: boolean): void;
}

/**
 * The rows the lineage index is built from, read in one transaction with the data version they belong to: every
 * model by node number, then every edge row by the node numbers of its ends, in (child, parent, source) id order.
 */
export function readNumberedLineage(store: Store, visitor: NumberedLineageVisitor): number {
  const db = connectionOf(store);
  const largest = db.prepare(`SELECT coalesce(max(node), -1) FROM models`).pluck();
  const models = db.prepare(`SELECT node, placeholder, downloads FROM models ORDER BY node`).raw();
  const edges = db
    .prepare(
      `SELECT c.node, p.node, e.relation, e.source, coalesce(c.created_at < p.created_at, 0)
       FROM edges e JOIN models c ON c.id = e.child JOIN models p ON p.id = e.parent
       ORDER BY e.child, e.parent, e.source`,
    )
    .raw();
  return db.transaction(() => {
    visitor.start(largest.get() as number);
    for (const [node, placeholder, downloads] of models.iterate() as Iterable<[number, number, number | null]>) {
      visitor.model(node, placeholder === 1, downloads);
    }
    const rows = edges.iterate() as Iterable<[number, number, Relation, EdgeSource, number]>;
    for (const [child, parent, relation, source, older] of rows)
      visitor.edge(child, parent, relation, source, older === 1);
    return dataVersion(store);
  })();
}
