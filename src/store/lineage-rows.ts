// The rows the lineage graph is built from: every model (placeholders included) and every edge row, read in one
// transaction so that a write committed meanwhile can never give an edge whose model was not read.

import type { EdgeSource, Relation } from "../vocabulary/relation.js";
import { connectionOf, type Store } from "./database-handle.js";

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
