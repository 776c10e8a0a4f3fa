// The headline figures computed on the whole graphology graph, the reference the index's stored figures are
// checked against: a root is a model with a record and no parent (placeholders are not roots).

import type { LineageStats } from "../../../src/graph/lineage-stats.js";
import { countSelfLoopModels } from "../../../src/store/model-queries.js";
import type { Lineage } from "./lineage.js";

export function lineageStats({ store, graph, metrics }: Lineage): LineageStats {
  let multiParent = 0;
  let roots = 0;
  let placeholders = 0;
  graph.forEachNode((id, attributes) => {
    const parents = graph.inDegree(id);
    if (parents > 1) multiParent += 1;
    if (attributes.placeholder) placeholders += 1;
    else if (parents === 0) roots += 1;
  });
  let maxGeneration = 0;
  for (const model of metrics.values()) maxGeneration = Math.max(maxGeneration, model.generation);
  const selfLoops = countSelfLoopModels(store);
  return { nodes: graph.order, edges: graph.size, selfLoops, multiParent, roots, placeholders, maxGeneration };
}
