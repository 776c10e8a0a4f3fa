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
 * Calls `visit` for every node reachable from `sources` (sources themselves excluded) with its shortest distance,
 * nearest first; each node once, however many paths reach it. Cycles are harmless.
 */
export function forEachReached(
  index: LineageIndex,
  sources: readonly number[],
  options: IndexReachOptions,
  visit: (node: number, depth: number) => void,
): void {
  const down = options.direction === "down";
  const start = down ? index.childStart : index.parentStart;
  const targets = down ? index.children : index.parents;
  const followed =
    options.relations === undefined || !down
      ? null
      : new Set(options.relations.map((relation) => RELATIONS.indexOf(relation)));
  const maxDepth = options.maxDepth ?? Infinity;
  const seen = new Uint8Array(index.size);
  let frontier: number[] = [];
  for (const source of sources) {
    if (seen[source] === 1) continue;
    seen[source] = 1;
    frontier.push(source);
  }
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const node of frontier) {
      for (let e = start[node] as number; e < (start[node + 1] as number); e++) {
        const target = targets[e] as number;
        if (seen[target] === 1) continue;
        if (followed !== null && !followed.has(index.childRelation[e] as number)) continue;
        seen[target] = 1;
        visit(target, depth);
        next.push(target);
      }
    }
    frontier = next;
  }
}

/** How many models descend from `sources`, the sources not counted. */
export function countReached(index: LineageIndex, sources: readonly number[], options: IndexReachOptions): number {
  let count = 0;
  forEachReached(index, sources, options, () => count++);
  return count;
}
