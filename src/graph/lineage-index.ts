// The lineage index: every model as an integer (its node number), parent and child lists as flat typed arrays
// (compressed sparse rows), each model's own relation and flags. Built from the store's rows once per data version.

import { readNumberedLineage } from "../store/lineage-rows.js";
import type { Store } from "../store/open-store.js";
import { RELATIONS, type EdgeSource, type Relation } from "../vocabulary/relation.js";

/** A model's relation as a number: its position in RELATIONS, or NO_RELATION for a model with no base. */
export const NO_RELATION = 255;

export const PRESENT = 1;
export const PLACEHOLDER = 2;

export interface LineageIndex {
  /** The data version the index was built from. */
  dataVersion: number;
  /** One more than the largest node number: every per-model array has this length. */
  size: number;
  /** Models in the index (node numbers in use). */
  models: number;
  /** PRESENT for a node number in use, PLACEHOLDER for a model named as a parent but with no record. */
  flags: Uint8Array;
  /** Each model's own relation (from its best-sourced edge row, self-loops included) or NO_RELATION. */
  relation: Uint8Array;
  /** The parents of node n are `parents[parentStart[n]]` up to `parents[parentStart[n + 1]]`. */
  parentStart: Uint32Array;
  parents: Uint32Array;
  /** The children of node n, and the relation of each edge, at `childStart[n]` up to `childStart[n + 1]`. */
  childStart: Uint32Array;
  children: Uint32Array;
  childRelation: Uint8Array;
  /** The source of each child edge's best-sourced row, as its position in EDGE_SOURCES (tag, card, file). */
  childSource: Uint8Array;
  /** Downloads as stored, NaN when no source gave them. */
  downloads: Float64Array;
  /** Models naming themselves as a base (the self-loop is no edge here). */
  selfLoops: number;
  /** Edges whose child was created before its parent: child, parent, child, parent, ... in (child, parent) id order. */
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

/** Compressed sparse rows of `from → to` pairs, each row in the pairs' order, with each pair's relation and rank. */
function sparseRows(
  size: number,
  from: IntList,
  to: IntList,
  relation: IntList,
  rank: IntList,
): [Uint32Array, Uint32Array, Uint8Array, Uint8Array] {
  const start = new Uint32Array(size + 1);
  for (let i = 0; i < from.length; i++) {
    const row = (from.values[i] as number) + 1;
    start[row] = (start[row] as number) + 1;
  }
  for (let n = 0; n < size; n++) start[n + 1] = (start[n + 1] as number) + (start[n] as number);
  const next = start.slice(0, size);
  const targets = new Uint32Array(from.length);
  const relations = new Uint8Array(from.length);
  const ranks = new Uint8Array(from.length);
  for (let i = 0; i < from.length; i++) {
    const row = from.values[i] as number;
    const at = next[row] as number;
    next[row] = at + 1;
    targets[at] = to.values[i] as number;
    relations[at] = relation.values[i] as number;
    ranks[at] = rank.values[i] as number;
  }
  return [start, targets, relations, ranks];
}

/**
 * Builds the index from the store. As the lineage graph does: one edge per distinct parent → child pair (the
 * best-sourced row's relation: tag, then card, then file), self-loops left out but counted, and a model's own
 * relation from its best-sourced edge row (ties: the first parent in id order).
 */
export function buildLineageIndex(store: Store): LineageIndex {
  let size = 0;
  let models = 0;
  let flags = new Uint8Array(0);
  let relation = new Uint8Array(0);
  let downloads = new Float64Array(0);
  let bestRank = new Uint8Array(0);
  const childOf = new IntList();
  const parentOf = new IntList();
  const relationOf = new IntList();
  const pairRank = new IntList();
  const olderPairs = new IntList();
  let selfLoops = 0;
  let lastSelfLoop = -1;
  const dataVersion = readNumberedLineage(store, {
    start(largestNode) {
      size = largestNode + 1;
      flags = new Uint8Array(size);
      relation = new Uint8Array(size).fill(NO_RELATION);
      downloads = new Float64Array(size).fill(NaN);
      bestRank = new Uint8Array(size).fill(255);
    },
    model(node, placeholder, stored) {
      models++;
      flags[node] = PRESENT | (placeholder ? PLACEHOLDER : 0);
      downloads[node] = stored ?? NaN;
    },
    edge(child, parent, edgeRelation, source, older) {
      const rank = SOURCE_RANK[source];
      const code = RELATION_CODE.get(edgeRelation) as number;
      if (rank < (bestRank[child] as number)) {
        bestRank[child] = rank;
        relation[child] = code;
      }
      if (child === parent) {
        // Rows come in child order: a model's self-loop rows are next to each other.
        if (lastSelfLoop !== child) selfLoops++;
        lastSelfLoop = child;
        return;
      }
      const last = childOf.length - 1;
      if (last >= 0 && childOf.values[last] === child && parentOf.values[last] === parent) {
        if (rank < (pairRank.values[last] as number)) {
          pairRank.values[last] = rank;
          relationOf.values[last] = code;
        }
        return;
      }
      childOf.push(child);
      parentOf.push(parent);
      if (older) {
        olderPairs.push(child);
        olderPairs.push(parent);
      }
      relationOf.push(code);
      pairRank.push(rank);
    },
  });
  const [parentStart, parents] = sparseRows(size, childOf, parentOf, relationOf, pairRank);
  const [childStart, children, childRelation, childSource] = sparseRows(size, parentOf, childOf, relationOf, pairRank);
  return {
    dataVersion,
    size,
    models,
    flags,
    relation,
    parentStart,
    parents,
    childStart,
    children,
    childRelation,
    childSource,
    downloads,
    selfLoops,
    olderPairs: olderPairs.values.slice(0, olderPairs.length),
  };
}
