// The headline figures of a snapshot, as `hf-lineage stats` prints them: models, distinct parent → child pairs,
// self-loops, models with several parents, roots (no parent), placeholders and the deepest generation.

import { countSelfLoopModels } from "../store/model-queries.js";
import type { Lineage } from "./lineage.js";

export interface LineageStats {
  nodes: number;
  edges: number;
  selfLoops: number;
  multiParent: number;
  roots: number;
  placeholders: number;
  maxGeneration: number;
}

export function lineageStats({ store, graph, metrics }: Lineage): LineageStats {
  let multiParent = 0;
  let roots = 0;
  let placeholders = 0;
  graph.forEachNode((id, attributes) => {
    const parents = graph.inDegree(id);
    if (parents > 1) multiParent += 1;
    if (parents === 0) roots += 1;
    if (attributes.placeholder) placeholders += 1;
  });
  let maxGeneration = 0;
  for (const model of metrics.values()) maxGeneration = Math.max(maxGeneration, model.generation);
  const selfLoops = countSelfLoopModels(store);
  return { nodes: graph.order, edges: graph.size, selfLoops, multiParent, roots, placeholders, maxGeneration };
}
