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
  /** `created`: milliseconds since 1970 (UTC), null when unknown. */
  model(node: number, placeholder: boolean, downloads: number | null, created: number | null): void;
  /** Edge rows come grouped by child, each child's in (parent id, source) order. */
  edge(child: number, parent: number, relation: Relation, source: EdgeSource): void;
}

/**
 * Runs `sql`, whose rows are handed to `onRow` from inside SQLite as the arguments of a function: at millions of
 * rows this is several times faster than iterating a statement, which makes an array per row. `sql` must call the
 * function `visit` in an aggregate, and its rows are visited in the order its subquery gives them.
 */
export function visitRows(store: Store, sql: string, onRow: (...values: never[]) => void): void {
  const db = connectionOf(store);
  // Takes as many arguments as `onRow` declares; returns undefined, which SQLite sees as NULL.
  db.function("visit", { directOnly: true }, onRow as (...values: unknown[]) => void);
  db.prepare(sql).pluck().get();
}

function visitModels(store: Store, visitor: NumberedLineageVisitor, where: string): void {
  visitRows(
    store,
    `SELECT count(visit(node, placeholder, downloads, created)) FROM (
       SELECT node, placeholder, downloads, round(unixepoch(created_at, 'subsec') * 1000) AS created
       FROM models ${where} ORDER BY node LIMIT -1)`,
    (node: number, placeholder: number, downloads: number | null, created: number | null) =>
      visitor.model(node, placeholder === 1, downloads, created),
  );
}

function visitEdges(store: Store, visitor: NumberedLineageVisitor, from: string, order: string): void {
  // LIMIT keeps the subquery whole, so its rows reach `visit` in its ORDER BY order.
  visitRows(
    store,
    `SELECT count(visit(child, parent, relation, source)) FROM (
       SELECT c.node AS child, p.node AS parent, e.relation AS relation, e.source AS source
       FROM ${from} JOIN models p ON p.id = e.parent ORDER BY ${order} LIMIT -1)`,
    (child: number, parent: number, relation: Relation, source: EdgeSource) =>
      visitor.edge(child, parent, relation, source),
  );
}

/**
 * The rows the lineage index is built from, read in one transaction with the data version they belong to: every
 * model by node number, then every edge row by the node numbers of its ends, in (child, parent, source) id order.
 */
export function readNumberedLineage(store: Store, visitor: NumberedLineageVisitor): number {
  const db = connectionOf(store);
  const largest = db.prepare(`SELECT coalesce(max(node), -1) FROM models`).pluck();
  return db.transaction(() => {
    visitor.start(largest.get() as number);
    visitModels(store, visitor, "");
    visitEdges(store, visitor, "edges e JOIN models c ON c.id = e.child", "e.child, e.parent, e.source");
    return dataVersion(store);
  })();
}

/**
 * Only the rows of the models changed since the stored index was built (see `changed_models`), read in one
 * transaction with the data version: each changed model, then the edge rows naming its parents, in (child node,
 * parent id, source) order. Returns the data version and the changed node numbers in order.
 */
export function readChangedLineage(
  store: Store,
  visitor: NumberedLineageVisitor,
): { dataVersion: number; changed: Uint32Array } {
  const db = connectionOf(store);
  const largest = db.prepare(`SELECT coalesce(max(node), -1) FROM models`).pluck();
  const changedNodes = db.prepare(`SELECT node FROM changed_models ORDER BY node`).pluck();
  return db.transaction(() => {
    visitor.start(largest.get() as number);
    const changed = Uint32Array.from(changedNodes.all() as number[]);
    visitModels(store, visitor, "WHERE node IN (SELECT node FROM changed_models)");
    visitEdges(
      store,
      visitor,
      // CROSS JOIN keeps the few changed models outermost (SQLite has no statistics to tell it so).
      "changed_models x CROSS JOIN models c ON c.node = x.node CROSS JOIN edges e ON e.child = c.id",
      "c.node, e.parent, e.source",
    );
    return { dataVersion: dataVersion(store), changed };
  })();
}

/** How many models changed since the stored index was built. */
export function changedModelCount(store: Store): number {
  return connectionOf(store).prepare(`SELECT count(*) FROM changed_models`).pluck().get() as number;
}

/**
 * Hands the node number and id of every model (`which` "all", in node order), or of the models changed since the
 * stored index was built ("changed"), to `onModel`: what the index groups by org. Call it inside the transaction
 * that reads the index's other rows.
 */
export function readModelIds(
  store: Store,
  which: "all" | "changed",
  onModel: (node: number, id: string) => void,
): void {
  // CROSS JOIN keeps the few changed models outermost, in node order.
  const from = which === "all" ? "models m" : "changed_models x CROSS JOIN models m ON m.node = x.node";
  visitRows(
    store,
    `SELECT count(visit(node, id)) FROM (SELECT m.node AS node, m.id AS id FROM ${from} ORDER BY m.node LIMIT -1)`,
    onModel,
  );
}
