// The lineage graph's parent lists as flat integer arrays (compressed sparse rows): what the whole-graph metrics
// walk over, millions of times at Hub scale, without touching graphology's per-node objects.

import type { LineageGraph } from "../../../src/graph/build-graph.js";

export interface ParentIndex {
  /** Node ids; a node's number is its position here. */
  ids: string[];
  /** The parents of node i are `parents[start[i]]` up to `parents[start[i + 1]]`. */
  start: Int32Array;
  parents: Int32Array;
}

export function parentIndex(graph: LineageGraph): ParentIndex {
  const ids = graph.nodes();
  const number = new Map<string, number>();
  ids.forEach((id, i) => number.set(id, i));
  const start = new Int32Array(ids.length + 1);
  const parents = new Int32Array(graph.size);
  let next = 0;
  ids.forEach((id, i) => {
    start[i] = next;
    graph.forEachInNeighbor(id, (parent) => {
      parents[next++] = number.get(parent) as number;
    });
  });
  start[ids.length] = next;
  return { ids, start, parents };
}
