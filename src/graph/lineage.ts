// The lineage of one database, loaded once: the graph and its per-model metrics, computed and stored when the
// data changed since they were last computed, read back otherwise.

import { metricsAreFresh, readMetrics, writeMetrics, type ModelMetrics } from "../store/metrics-rows.js";
import type { Store } from "../store/open-store.js";
import { buildLineageGraph, type LineageGraph } from "./build-graph.js";
import { computeMetrics } from "./compute-metrics.js";

export interface Lineage {
  store: Store;
  graph: LineageGraph;
  metrics: Map<string, ModelMetrics>;
}

export function loadLineage(store: Store): Lineage {
  const graph = buildLineageGraph(store);
  if (metricsAreFresh(store)) return { store, graph, metrics: readMetrics(store) };
  const metrics = computeMetrics(graph);
  if (!store.readonly) writeMetrics(store, metrics);
  return { store, graph, metrics };
}
