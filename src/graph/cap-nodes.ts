// The node cap of a drawn family: the nearest members are kept first (by depth, then by descendants, largest
// first), so what is shown stays connected to the family's own models; the rest is counted, not drawn.

import { DirectedGraph } from "graphology";

export interface CappedGraph {
  graph: DirectedGraph;
  /** Kept nodes in the order they were ranked. */
  order: string[];
  /** Models left out: one per dropped node, a fan's whole count for a dropped fan. */
  omittedModels: number;
}

/** Keeps the first `maxNodes` nodes by (depth, descendants desc, key). Nodes need a numeric `depth` attribute. */
export function capNodes(graph: DirectedGraph, maxNodes: number, descendantsOf: (key: string) => number): CappedGraph {
  const ranked = graph
    .nodes()
    .map((key) => ({ key, depth: Number(graph.getNodeAttribute(key, "depth") ?? 0), descendants: descendantsOf(key) }));
  ranked.sort(
    (a, b) => a.depth - b.depth || b.descendants - a.descendants || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const order = ranked.slice(0, maxNodes).map((entry) => entry.key);
  if (ranked.length <= maxNodes) return { graph, order, omittedModels: 0 };
  let omittedModels = 0;
  for (const { key } of ranked.slice(maxNodes)) {
    const fan = graph.getNodeAttribute(key, "fan") as { count: number } | undefined;
    omittedModels += fan?.count ?? 1;
  }
  const kept = new Set(order);
  const capped = new DirectedGraph();
  for (const key of order) capped.addNode(key, graph.getNodeAttributes(key));
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (kept.has(source) && kept.has(target)) capped.addDirectedEdge(source, target, attributes);
  });
  return { graph: capped, order, omittedModels };
}
