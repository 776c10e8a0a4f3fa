// The lineage of one database, loaded once: the graph and its per-model metrics, computed and stored when the
// data changed since they were last computed, read back otherwise.

import { metricsAreFresh, readMetrics, writeMetrics, type ModelMetrics } from "../store/metrics-rows.js";
import type { Store } from "../store/open-store.js";
import { buildLineageGraph, type LineageGraph } from "./build-graph.js";
import { computeMetrics } from "./compute-metrics.js";

export interface Lineage {
  db: Store;
  graph: LineageGraph;
  metrics: Map<string, ModelMetrics>;
}

export function loadLineage(db: Store): Lineage {
  const graph = buildLineageGraph(db);
  if (metricsAreFresh(db) || db.readonly) {
    return { db, graph, metrics: db.readonly && !metricsAreFresh(db) ? computeMetrics(graph) : readMetrics(db) };
  }
  const metrics = computeMetrics(graph);
  writeMetrics(db, metrics);
  return { db, graph, metrics };
}
