// The lineage index: every model as an integer (its node number), parent and child lists as flat typed arrays
// (compressed sparse rows), each model's own relation, flags, downloads and creation time. Built whole from the
// store's rows, or brought up to date from a previous index and the rows of the models changed since.

import { readChangedLineage, readNumberedLineage, type NumberedLineageVisitor } from "../store/lineage-rows.js";
import type { Store } from "../store/open-store.js";
import { RELATIONS, type EdgeSource, type Relation } from "../vocabulary/relation.js";

/** A model's relation as a number: its position in RELATIONS, or NO_RELATION for a model with no base. */
export const NO_RELATION = 255;

/** The relation a code stands for: NO_RELATION (a model with no base) and any code out of range read as "unknown". */
export function relationOfCode(code: number): Relation {
  return code === NO_RELATION ? "unknown" : (RELATIONS[code] ?? "unknown");
}

export const PRESENT = 1;
export const PLACEHOLDER = 2;
/** The model names itself as a base (the self-loop is no edge here). */
export const SELF_LOOP = 4;

export interface LineageIndex {
  /** The data version the index was built from. */
  dataVersion: number;
  /** One more than the largest node number: every per-model array has this length. */
  size: number;
  /** Models in the index (node numbers in use). */
  models: number;
  /** PRESENT for a node number in use, PLACEHOLDER for a model named as a parent but with no record, SELF_LOOP. */
  flags: Uint8Array;
  /** Each model's own relation (from its best-sourced edge row, self-loops included) or NO_RELATION. */
  relation: Uint8Array;
  /**
   * The parents of node n are `parents[parentStart[n]]` up to `parents[parentStart[n + 1]]`, in id order, with the
   * relation of each edge and the source of its best-sourced row (a position in EDGE_SOURCES: tag, card, file).
   */
  parentStart: Uint32Array;
  parents: Uint32Array;
  parentRelation: Uint8Array;
  parentSource: Uint8Array;
  /** The children of node n, with each edge's relation and source, at `childStart[n]` up to `childStart[n + 1]`. */
  childStart: Uint32Array;
  children: Uint32Array;
  childRelation: Uint8Array;
  childSource: Uint8Array;
  /** Downloads as stored, NaN when no source gave them. */
  downloads: Float64Array;
  /** Creation time in milliseconds since 1970 (UTC), NaN when unknown. */
  created: Float64Array;
  /** Models naming themselves as a base. */
  selfLoops: number;
  /** Edges whose child was created before its parent: child, parent, child, parent, ... in child node order. */
  olderPairs: Uint32Array;
}

const SOURCE_RANK: Record<EdgeSource, number> = { tag: 0, card: 1, file: 2 };
const RELATION_CODE = new Map<Relation, number>(RELATIONS.map((relation, code) => [relation, code]));

/** A growable list of unsigned integers. */
class IntList {
  values = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/** The rows of one read, per model and per edge (one per distinct parent → child pair, the best-sourced row's). */
class RowCollector implements NumberedLineageVisitor {
  size = 0;
  flags = new Uint8Array(0);
  relation = new Uint8Array(0);
  downloads = new Float64Array(0);
  created = new Float64Array(0);
  private bestRank = new Uint8Array(0);
  readonly child = new IntList();
  readonly parent = new IntList();
  readonly pairRelation = new IntList();
  readonly pairRank = new IntList();

  start(largestNode: number): void {
    this.size = largestNode + 1;
    this.flags = new Uint8Array(this.size);
    this.relation = new Uint8Array(this.size).fill(NO_RELATION);
    this.downloads = new Float64Array(this.size).fill(NaN);
    this.created = new Float64Array(this.size).fill(NaN);
    this.bestRank = new Uint8Array(this.size).fill(255);
  }

  model(node: number, placeholder: boolean, downloads: number | null, created: number | null): void {
    this.flags[node] = PRESENT | (placeholder ? PLACEHOLDER : 0);
    this.downloads[node] = downloads ?? NaN;
    this.created[node] = created ?? NaN;
  }

  edge(child: number, parent: number, edgeRelation: Relation, source: EdgeSource): void {
    const rank = SOURCE_RANK[source];
    const code = RELATION_CODE.get(edgeRelation) as number;
    if (rank < (this.bestRank[child] as number)) {
      this.bestRank[child] = rank;
      this.relation[child] = code;
    }
    if (child === parent) {
      this.flags[child] = (this.flags[child] as number) | SELF_LOOP;
      return;
    }
    // A pair's rows (one per source) come next to each other: the best-sourced one gives the edge its relation.
    const last = this.child.length - 1;
    if (last >= 0 && this.child.values[last] === child && this.parent.values[last] === parent) {
      if (rank < (this.pairRank.values[last] as number)) {
        this.pairRank.values[last] = rank;
        this.pairRelation.values[last] = code;
      }
      return;
    }
    this.child.push(child);
    this.parent.push(parent);
    this.pairRelation.push(code);
    this.pairRank.push(rank);
  }
}

/** Where each of `size` rows starts when entry i (of the first `length`) belongs to row `rowOf[i]`. */
function rowStarts(size: number, rowOf: Uint32Array, length: number): Uint32Array {
  const start = new Uint32Array(size + 1);
  for (let i = 0; i < length; i++) {
    const row = (rowOf[i] as number) + 1;
    start[row] = (start[row] as number) + 1;
  }
  for (let n = 0; n < size; n++) start[n + 1] = (start[n + 1] as number) + (start[n] as number);
  return start;
}

type ParentRows = Pick<LineageIndex, "parentStart" | "parents" | "parentRelation" | "parentSource">;

/** Parent rows from the collected pairs, by a stable counting sort on the child: each row keeps the pairs' order. */
function parentRowsOf(rows: RowCollector): ParentRows {
  const { size, child, parent, pairRelation, pairRank } = rows;
  const parentStart = rowStarts(size, child.values, child.length);
  const next = parentStart.slice(0, size);
  const parents = new Uint32Array(child.length);
  const parentRelation = new Uint8Array(child.length);
  const parentSource = new Uint8Array(child.length);
  for (let i = 0; i < child.length; i++) {
    const row = child.values[i] as number;
    const at = next[row] as number;
    next[row] = at + 1;
    parents[at] = parent.values[i] as number;
    parentRelation[at] = pairRelation.values[i] as number;
    parentSource[at] = pairRank.values[i] as number;
  }
  return { parentStart, parents, parentRelation, parentSource };
}

/** Child rows from the parent rows: each parent's children in node order. */
function childRowsOf(
  size: number,
  rows: ParentRows,
): Pick<LineageIndex, "childStart" | "children" | "childRelation" | "childSource"> {
  const { parentStart, parents, parentRelation, parentSource } = rows;
  const childStart = rowStarts(size, parents, parents.length);
  const next = childStart.slice(0, size);
  const children = new Uint32Array(parents.length);
  const childRelation = new Uint8Array(parents.length);
  const childSource = new Uint8Array(parents.length);
  for (let child = 0; child < size; child++) {
    for (let e = parentStart[child] as number; e < (parentStart[child + 1] as number); e++) {
      const parent = parents[e] as number;
      const at = next[parent] as number;
      next[parent] = at + 1;
      children[at] = child;
      childRelation[at] = parentRelation[e] as number;
      childSource[at] = parentSource[e] as number;
    }
  }
  return { childStart, children, childRelation, childSource };
}

type ModelValues = Pick<LineageIndex, "flags" | "relation" | "downloads" | "created">;

/** The index from per-model values and parent rows: child rows, counts and the child-older-than-parent pairs. */
function assemble(dataVersion: number, size: number, values: ModelValues, parentRows: ParentRows): LineageIndex {
  const { flags, created } = values;
  const { parentStart, parents } = parentRows;
  let models = 0;
  let selfLoops = 0;
  const olderPairs = new IntList();
  for (let node = 0; node < size; node++) {
    const nodeFlags = flags[node] as number;
    if ((nodeFlags & PRESENT) !== 0) models++;
    if ((nodeFlags & SELF_LOOP) !== 0) selfLoops++;
    for (let e = parentStart[node] as number; e < (parentStart[node + 1] as number); e++) {
      const parent = parents[e] as number;
      if ((created[node] as number) < (created[parent] as number)) {
        olderPairs.push(node);
        olderPairs.push(parent);
      }
    }
  }
  return {
    dataVersion,
    size,
    models,
    flags,
    relation: values.relation,
    downloads: values.downloads,
    created,
    ...parentRows,
    ...childRowsOf(size, parentRows),
    selfLoops,
    olderPairs: olderPairs.values.slice(0, olderPairs.length),
  };
}

/**
 * Builds the index from every row of the store. As the lineage graph does: one edge per distinct parent → child
 * pair (the best-sourced row's relation: tag, then card, then file), self-loops left out but counted, and a model's
 * own relation from its best-sourced edge row (ties: the first parent in id order).
 */
export function buildLineageIndex(store: Store): LineageIndex {
  const rows = new RowCollector();
  const dataVersion = readNumberedLineage(store, rows);
  return assemble(dataVersion, rows.size, rows, parentRowsOf(rows));
}

/**
 * The index of the store's data as it is now, from `previous` and the rows of the models changed since it was built
 * (as `changed_models` lists them): the same index `buildLineageIndex` gives, reading a fraction of the rows.
 */
export function updateLineageIndex(store: Store, previous: LineageIndex): LineageIndex {
  const rows = new RowCollector();
  const { dataVersion, changed } = readChangedLineage(store, rows);
  const { size } = rows;
  const kept = Math.min(previous.size, size);
  // Every node number the read gave rows for: the changed models and those past the previous index.
  const fromRows = new Uint8Array(size);
  for (const node of changed) fromRows[node] = 1;
  fromRows.fill(1, kept);
  const values: ModelValues = {
    flags: rows.flags,
    relation: rows.relation,
    downloads: rows.downloads,
    created: rows.created,
  };
  for (const name of ["flags", "relation", "downloads", "created"] as const) {
    const read = values[name];
    const merged = read.slice();
    merged.set(previous[name].subarray(0, kept));
    for (const node of changed) if (node < kept) merged[node] = read[node] as number;
    values[name] = merged as never;
  }
  // Each changed model's parents as read now, every other model's as before; the read's rows come in node order.
  const fresh = parentRowsOf(rows);
  const parentStart = new Uint32Array(size + 1);
  let edges = 0;
  for (let node = 0; node < size; node++) {
    const from = fromRows[node] === 1 ? fresh.parentStart : previous.parentStart;
    edges += (from[node + 1] as number) - (from[node] as number);
    parentStart[node + 1] = edges;
  }
  const parents = new Uint32Array(edges);
  const parentRelation = new Uint8Array(edges);
  const parentSource = new Uint8Array(edges);
  // Copied a run of nodes at a time: the nodes between two changed ones come from the previous index in one piece.
  let node = 0;
  while (node < size) {
    let end = node + 1;
    while (end < size && fromRows[end] === fromRows[node]) end++;
    const source = fromRows[node] === 1 ? fresh : previous;
    const from = source.parentStart[node] as number;
    const to = source.parentStart[end] as number;
    const at = parentStart[node] as number;
    parents.set(source.parents.subarray(from, to), at);
    parentRelation.set(source.parentRelation.subarray(from, to), at);
    parentSource.set(source.parentSource.subarray(from, to), at);
    node = end;
  }
  return assemble(dataVersion, size, values, { parentStart, parents, parentRelation, parentSource });
}
