// Breadth-first reach from one or several models, downstream (descendants) or upstream (ancestors), with the
// shortest distance to each. graphology-traversal walks from one node at a time; an org family needs one walk
// from all of its models at once, so this is the one BFS every lineage query shares. Cycles are harmless.

import type { LineageGraph } from "./build-graph.js";

export type Direction = "down" | "up";

export interface ReachOptions {
  /** Stop after this many steps (default: no limit). */
  maxDepth?: number;
  /** Follow only edges for which this returns true. */
  followEdge?: (parent: string, child: string) => boolean;
}

/** Every model reachable from `sources` (sources themselves excluded) with its shortest distance. */
export function reachable(
  graph: LineageGraph,
  sources: Iterable<string>,
  direction: Direction,
  options: ReachOptions = {},
): Map<string, number> {
  const maxDepth = options.maxDepth ?? Infinity;
  const seen = new Set<string>();
  const result = new Map<string, number>();
  let frontier: string[] = [];
  for (const source of sources) {
    if (!seen.has(source)) {
      seen.add(source);
      frontier.push(source);
    }
  }
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      const visit = (neighbor: string) => {
        if (seen.has(neighbor)) return;
        if (options.followEdge) {
          const [parent, child] = direction === "down" ? [node, neighbor] : [neighbor, node];
          if (!options.followEdge(parent, child)) return;
        }
        seen.add(neighbor);
        result.set(neighbor, depth);
        next.push(neighbor);
      };
      if (direction === "down") graph.forEachOutNeighbor(node, visit);
      else graph.forEachInNeighbor(node, visit);
    }
    frontier = next;
  }
  return result;
}
