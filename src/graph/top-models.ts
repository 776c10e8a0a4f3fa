// Models ranked by one of the stored metrics, as `hf-lineage top` and the viewer's overview list them.

import type { ModelMetrics } from "./model-metrics.js";
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
  /** Null only for subtree downloads, when no model of the subtree has known downloads (ranked below 0). */
  value: number | null;
  /** Null when no source gave the model's downloads. */
  downloads: number | null;
}

/** The order of every ranking: larger values first, unknown last; then more downloads; then by id. */
export function byValue(a: RankedModel, b: RankedModel): number {
  return (b.value ?? -1) - (a.value ?? -1) || byDownloads(a, b) || (a.id < b.id ? -1 : 1);
}

/** The tie-break of every ranking: more downloads first, known before unknown. */
export function byDownloads(a: { downloads: number | null }, b: { downloads: number | null }): number {
  return (b.downloads ?? -1) - (a.downloads ?? -1);
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
      downloads: graph.hasNode(id) ? graph.getNodeAttribute(id, "downloads") : null,
    }))
    .sort(byValue)
    .slice(0, limit);
}
