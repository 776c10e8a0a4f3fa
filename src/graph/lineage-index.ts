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
  /** Downloads as stored, NaN when no source gave them. */
  downloads: Float64Array;
  /** Models naming themselves as a base (the self-loop is no edge here). */
  selfLoops: number;
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

/** Compressed sparse rows of `from → to` pairs, each row in the pairs' order. */
function sparseRows(size: number, from: IntList, to: IntList, relation: IntList): [Uint32Array, Uint32Array, Uint8Array] {
  const start = new Uint32Array(size + 1);
  for (let i = 0; i < from.length; i++) {
    const row = (from.values[i] as number) + 1;
    start[row] = (start[row] as number) + 1;
  }
  for (let n = 0; n < size; n++) start[n + 1] = (start[n + 1] as number) + (start[n] as number);
  const next = start.slice(0, size);
  const targets = new Uint32Array(from.length);
  const relations = new Uint8Array(from.length);
  for (let i = 0; i < from.length; i++) {
    const row = from.values[i] as number;
    const at = next[row] as number;
    next[row] = at + 1;
    targets[at] = to.values[i] as number;
    relations[at] = relation.values[i] as number;
  }
  return [start, targets, relations];
}

/**
 * Builds the index from the store. As the lineage graph does: one edge per distinct parent → child pair (the
 * best-sourced row's relation: tag, then card, then file), self-loops left out but counted, and a model's own
 * relation from its best-sourced edge row (ties: the first parent in id order).
 */
export function buildLineageIndex(store: Store): LineageIndex {
  const nodes: { node: number; placeholder: number; downloads: number | null }[] = [];
  const childOf = new IntList();
  const parentOf = new IntList();
  const relationOf = new IntList();
  const pairRank: number[] = [];
  const bestRank = new Map<number, number>();
  const ownRelation = new Map<number, number>();
  const selfLoopModels = new Set<number>();
  const dataVersion = readNumberedLineage(
    store,
    (row) => nodes.push({ node: row.node, placeholder: row.placeholder, downloads: row.downloads }),
    (row) => {
      const rank = SOURCE_RANK[row.source];
      const code = RELATION_CODE.get(row.relation) as number;
      const best = bestRank.get(row.child);
      if (best === undefined || rank < best) {
        bestRank.set(row.child, rank);
        ownRelation.set(row.child, code);
      }
      if (row.child === row.parent) {
        selfLoopModels.add(row.child);
        return;
      }
      const last = childOf.length - 1;
      if (last >= 0 && childOf.values[last] === row.child && parentOf.values[last] === row.parent) {
        if (rank < (pairRank[last] as number)) {
          pairRank[last] = rank;
          relationOf.values[last] = code;
        }
        return;
      }
      childOf.push(row.child);
      parentOf.push(row.parent);
      relationOf.push(code);
      pairRank.push(rank);
    },
  );
  const size = nodes.reduce((largest, { node }) => Math.max(largest, node), -1) + 1;
  const flags = new Uint8Array(size);
  const relation = new Uint8Array(size).fill(NO_RELATION);
  const downloads = new Float64Array(size).fill(NaN);
  for (const { node, placeholder, downloads: stored } of nodes) {
    flags[node] = PRESENT | (placeholder === 1 ? PLACEHOLDER : 0);
    downloads[node] = stored ?? NaN;
  }
  for (const [node, code] of ownRelation) relation[node] = code;
  const [parentStart, parents] = sparseRows(size, childOf, parentOf, relationOf);
  const [childStart, children, childRelation] = sparseRows(size, parentOf, childOf, relationOf);
  return {
    dataVersion,
    size,
    models: nodes.length,
    flags,
    relation,
    parentStart,
    parents,
    childStart,
    children,
    childRelation,
    downloads,
    selfLoops: selfLoopModels.size,
  };
}
