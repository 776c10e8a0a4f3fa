// Models ranked by one of the stored metrics, as `hf-lineage top` and the viewer's overview list them.

import type { ModelMetrics } from "../store/metrics-rows.js";
import type { LineageGraph } from "./build-graph.js";

export const RANKINGS = ["descendants", "children", "pagerank", "subtree-downloads"] as const;
export type Ranking = (typeof RANKINGS)[number];

const METRIC_OF: Record<Ranking, keyof ModelMetrics> = {
  descendants: "descendants",
  children: "children",
  pagerank: "pagerank",
  "subtree-downloads": "subtreeDownloads",
};

export interface RankedModel {
  id: string;
  value: number;
  downloads: number;
}

export function topModels(
  graph: LineageGraph,
  metrics: Map<string, ModelMetrics>,
  by: Ranking,
  limit: number,
): RankedModel[] {
  const metric = METRIC_OF[by];
  return [...metrics]
    .map(([id, values]) => ({
      id,
      value: values[metric],
      downloads: graph.hasNode(id) ? graph.getNodeAttribute(id, "downloads") : 0,
    }))
    .sort((a, b) => b.value - a.value || b.downloads - a.downloads || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}
