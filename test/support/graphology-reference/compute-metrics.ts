// All per-model metrics of a snapshot in one pass over the graph: generation, exact descendant count, direct
// children, PageRank on reversed edges and subtree downloads.

import type { ModelMetrics } from "../../../src/graph/model-metrics.js";
import type { LineageGraph } from "../../../src/graph/build-graph.js";
import { descendantCounts } from "./descendant-counts.js";
import { generations } from "./generations.js";
import { influenceRank } from "./influence.js";

export function computeMetrics(graph: LineageGraph): Map<string, ModelMetrics> {
  const generation = generations(graph);
  const totals = descendantCounts(graph);
  const rank = influenceRank(graph);
  const result = new Map<string, ModelMetrics>();
  graph.forEachNode((id) => {
    const subtree = totals.get(id);
    result.set(id, {
      generation: generation.get(id) ?? 0,
      descendants: subtree?.descendants ?? 0,
      children: graph.outDegree(id),
      pagerank: rank.get(id) ?? 0,
      subtreeDownloads: subtree === undefined ? null : subtree.subtreeDownloads,
    });
  });
  return result;
}
