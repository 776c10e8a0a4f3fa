// PageRank with influence flowing from derivatives to their bases: the edges are reversed (child → parent) so a
// base model many models build on, directly or through others, ranks high.

import { pagerank } from "graphology-metrics/centrality/index.js";
import { reverse } from "graphology-operators";
import type { LineageGraph } from "./build-graph.js";

export function influenceRank(graph: LineageGraph): Map<string, number> {
  if (graph.order === 0) return new Map();
  const scores = pagerank(reverse(graph), { getEdgeWeight: null, maxIterations: 200, tolerance: 1e-10 });
  return new Map(Object.entries(scores));
}
