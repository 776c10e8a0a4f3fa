// Breadth-first reach over the lineage index from one or several models, down (descendants) or up (ancestors), with
// the shortest distance to each: the walk behind every family and ancestry question, without building a graph.

import { RELATIONS, type Relation } from "../vocabulary/relation.js";
import type { LineageIndex } from "./lineage-index.js";

export interface IndexReachOptions {
  direction: "down" | "up";
  /** Stop after this many steps (default: no limit). */
  maxDepth?: number;
  /** Follow only parent → child edges of these relations (down only). */
  relations?: readonly Relation[];
}

/**
 * Calls `visit` for every node reachable from `sources` (sources themselves excluded) with its shortest distance and
 * the node whose edge reached it first, nearest first; each node once, however many paths reach it. Cycles are
 * harmless.
 */
export function forEachReached(
  index: LineageIndex,
  sources: readonly number[],
  options: IndexReachOptions,
  visit: (node: number, depth: number, from: number) => void,
): void {
  const down = options.direction === "down";
  const start = down ? index.childStart : index.parentStart;
  const targets = down ? index.children : index.parents;
  // Which relations are followed, by code (down only); null follows every edge.
  let followed: Uint8Array | null = null;
  if (options.relations !== undefined && down) {
    followed = new Uint8Array(RELATIONS.length);
    for (const relation of options.relations) followed[RELATIONS.indexOf(relation)] = 1;
  }
  const maxDepth = options.maxDepth ?? Infinity;
  const seen = new Uint8Array(index.size);
  // One queue, walked a level at a time: [levelStart, levelEnd) holds the nodes at the current depth.
  const queue = new Uint32Array(index.size);
  let tail = 0;
  for (const source of sources) {
    if (seen[source] === 1) continue;
    seen[source] = 1;
    queue[tail++] = source;
  }
  let levelStart = 0;
  for (let depth = 1; depth <= maxDepth && levelStart < tail; depth++) {
    const levelEnd = tail;
    for (let at = levelStart; at < levelEnd; at++) {
      const node = queue[at] as number;
      for (let e = start[node] as number; e < (start[node + 1] as number); e++) {
        const target = targets[e] as number;
        if (seen[target] === 1) continue;
        if (followed !== null && followed[index.childRelation[e] as number] !== 1) continue;
        seen[target] = 1;
        visit(target, depth, node);
        queue[tail++] = target;
      }
    }
    levelStart = levelEnd;
  }
}

/** A walk as forEachReached makes it, kept as arrays: what planning an overview and counting a family both read. */
export interface ReachOrder {
  /** The sources (each once), then every node reached in the order forEachReached visits them. */
  nodes: Uint32Array;
  /** How many of `nodes` are sources. */
  sources: number;
  /** The shortest distance from the sources, by position in `nodes`. */
  depth: Uint32Array;
  /** The position in `nodes` of the node whose edge reached it first, by position; -1 for a source. */
  from: Int32Array;
  /** Each node's position in `nodes`, by node number; -1 for a node not reached. */
  position: Int32Array;
}

/** The walk of forEachReached, the same nodes in the same order, with each one's depth and the node it came from. */
export function reachOrder(index: LineageIndex, sources: readonly number[], options: IndexReachOptions): ReachOrder {
  const down = options.direction === "down";
  const start = down ? index.childStart : index.parentStart;
  const targets = down ? index.children : index.parents;
  let followed: Uint8Array | null = null;
  if (options.relations !== undefined && down) {
    followed = new Uint8Array(RELATIONS.length);
    for (const relation of options.relations) followed[RELATIONS.indexOf(relation)] = 1;
  }
  const maxDepth = options.maxDepth ?? Infinity;
  const position = new Int32Array(index.size).fill(-1);
  const nodes = new Uint32Array(index.size);
  const depth = new Uint32Array(index.size);
  const from = new Int32Array(index.size);
  let tail = 0;
  for (const source of sources) {
    if ((position[source] as number) >= 0) continue;
    position[source] = tail;
    from[tail] = -1;
    nodes[tail++] = source;
  }
  const own = tail;
  // Breadth-first: positions in `nodes` are in order of depth, so a node below maxDepth is expanded, one at it not.
  for (let at = 0; at < tail; at++) {
    const level = depth[at] as number;
    if (level >= maxDepth) break;
    const node = nodes[at] as number;
    for (let e = start[node] as number; e < (start[node + 1] as number); e++) {
      const target = targets[e] as number;
      if ((position[target] as number) >= 0) continue;
      if (followed !== null && followed[index.childRelation[e] as number] !== 1) continue;
      position[target] = tail;
      depth[tail] = level + 1;
      from[tail] = at;
      nodes[tail++] = target;
    }
  }
  return {
    nodes: nodes.subarray(0, tail),
    sources: own,
    depth: depth.subarray(0, tail),
    from: from.subarray(0, tail),
    position,
  };
}

/** How many models descend from `sources`, the sources not counted. */
export function countReached(index: LineageIndex, sources: readonly number[], options: IndexReachOptions): number {
  let count = 0;
  forEachReached(index, sources, options, () => count++);
  return count;
}

/**
 * A counter of descendants for many source sets in turn, as `countReached` down counts them, its marks and queue
 * made once: what measuring org after org needs, where a fresh pair of arrays per org would cost more than the walk.
 */
export function descendantCounter(index: LineageIndex): (sources: ArrayLike<number>) => number {
  const { childStart, children } = index;
  const mark = new Uint32Array(index.size);
  const queue = new Uint32Array(index.size);
  let round = 0;
  return (sources) => {
    round++;
    let tail = 0;
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i] as number;
      if (mark[source] === round) continue;
      mark[source] = round;
      queue[tail++] = source;
    }
    const own = tail;
    for (let head = 0; head < tail; head++) {
      const node = queue[head] as number;
      for (let e = childStart[node] as number; e < (childStart[node + 1] as number); e++) {
        const child = children[e] as number;
        if (mark[child] === round) continue;
        mark[child] = round;
        queue[tail++] = child;
      }
    }
    return tail - own;
  };
}
