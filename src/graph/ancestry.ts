// Where a model comes from: every ancestor with its distance, and every path up to a root (a merge follows all
// of its parents). Paths are capped, since merges of merges multiply them, and cycles end a path instead of looping.

import type { LineageGraph } from "./build-graph.js";
import { reachable } from "./reachable.js";

export interface AncestorPaths {
  /** Each path starts at the model and ends at a root (a model with no parent, or where a cycle closes). */
  paths: string[][];
  /** True when there were more paths than the cap. */
  truncated: boolean;
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every ancestor with its shortest distance, nearest first, then by id. */
export function ancestorsOf(graph: LineageGraph, id: string): { id: string; depth: number }[] {
  return [...reachable(graph, [id], "up")]
    .map(([ancestor, depth]) => ({ id: ancestor, depth }))
    .sort((a, b) => a.depth - b.depth || byId(a.id, b.id));
}

export function ancestorPaths(graph: LineageGraph, id: string, { maxPaths = 100 } = {}): AncestorPaths {
  if (!graph.hasNode(id)) throw new Error(`graph/ancestry: unknown model "${id}"`);
  const paths: string[][] = [];
  let truncated = false;
  const path: string[] = [id];
  const onPath = new Set<string>([id]);
  const walk = (node: string): void => {
    const parents = graph
      .inNeighbors(node)
      .filter((parent) => !onPath.has(parent))
      .sort(byId);
    if (parents.length === 0) {
      if (paths.length < maxPaths) paths.push([...path]);
      else truncated = true;
      return;
    }
    for (const parent of parents) {
      if (truncated) return;
      path.push(parent);
      onPath.add(parent);
      walk(parent);
      onPath.delete(parent);
      path.pop();
    }
  };
  walk(id);
  return { paths, truncated };
}
