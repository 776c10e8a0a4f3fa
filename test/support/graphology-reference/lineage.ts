// The reference lineage the tests check the index against: the whole graph built with graphology and every
// per-model metric computed on it (compute-metrics.ts), independently of the lineage index's typed arrays.

import type { ModelMetrics } from "../../../src/graph/model-metrics.js";
import type { Store } from "../../../src/store/open-store.js";
import { buildLineageGraph, type LineageGraph } from "../../../src/graph/build-graph.js";
import { computeMetrics } from "./compute-metrics.js";

export interface Lineage {
  store: Store;
  graph: LineageGraph;
  metrics: Map<string, ModelMetrics>;
}

export function loadLineage(store: Store): Lineage {
  const graph = buildLineageGraph(store);
  return { store, graph, metrics: computeMetrics(graph) };
}
