// PageRank with influence flowing from derivatives to their bases, as if every edge were reversed (child → parent),
// so a base model many models build on, directly or through others, ranks high.
//
// graphology-metrics' pagerank follows out-edges only, so it would need a reversed copy of the whole graph (about
// 1.4 GB at Hub scale); this is the same power iteration (damping 0.85, dangling mass spread evenly, converged when
// the summed change is below N × tolerance) run on the parent lists directly.

import type { LineageGraph } from "../../../src/graph/build-graph.js";
import { parentIndex } from "./parent-index.js";

export interface InfluenceOptions {
  alpha?: number;
  tolerance?: number;
  maxIterations?: number;
}

export function influenceRank(
  graph: LineageGraph,
  { alpha = 0.85, tolerance = 1e-10, maxIterations = 200 }: InfluenceOptions = {},
): Map<string, number> {
  const { ids, start, parents } = parentIndex(graph);
  const n = ids.length;
  const result = new Map<string, number>();
  if (n === 0) return result;
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let converged = false;
  for (let iteration = 0; iteration < maxIterations && !converged; iteration++) {
    // A model with no parent passes its rank to no one in the reversed graph: it is spread over every model.
    let dangling = 0;
    for (let i = 0; i < n; i++) if (start[i] === start[i + 1]) dangling += rank[i] as number;
    next.fill((1 - alpha + alpha * dangling) / n);
    for (let i = 0; i < n; i++) {
      const from = start[i] as number;
      const to = start[i + 1] as number;
      if (from === to) continue;
      const share = (alpha * (rank[i] as number)) / (to - from);
      for (let p = from; p < to; p++) {
        const parent = parents[p] as number;
        next[parent] = (next[parent] as number) + share;
      }
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs((next[i] as number) - (rank[i] as number));
    [rank, next] = [next, rank];
    converged = change < n * tolerance;
  }
  if (!converged) throw new Error(`graph/influence: PageRank did not converge in ${maxIterations} iterations`);
  ids.forEach((id, i) => result.set(id, rank[i] as number));
  return result;
}
