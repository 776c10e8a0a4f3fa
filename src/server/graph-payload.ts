// The graph as the viewer receives it (graphology's serialized shape): every node with its tree-layout position
// and what the viewer shows about it, every edge with its relation.

import type { DirectedGraph } from "graphology";
import type { Attributes } from "graphology-types";
import type { ModelMetrics } from "../store/metrics-rows.js";
import { treeLayout } from "../graph/tree-layout.js";
import type { Relation } from "../vocabulary/relation.js";
import type { FanInfo, GraphPayload, PayloadEdge, PayloadNode, ViewNodeAttributes } from "./wire-types.js";

/** Lays `graph` out and serializes it, nodes in `order` (default: the graph's order). */
export function graphPayload(graph: DirectedGraph, metrics: Map<string, ModelMetrics>, order: string[] = graph.nodes()): GraphPayload {
  const positions = treeLayout(graph);
  const nodes = order.map((key): PayloadNode => {
    const a: Attributes = graph.getNodeAttributes(key);
    const position = positions.get(key) ?? { x: 0, y: 0 };
    const fan = a.fan as FanInfo | undefined;
    const attributes: ViewNodeAttributes = {
      label: fan ? `${fan.count} ${fan.relation}` : key,
      x: position.x,
      y: position.y,
      depth: Number(a.depth ?? 0),
      relation: (a.relation as Relation | null | undefined) ?? null,
      author: (a.author as string | null | undefined) ?? null,
      downloads: Number(a.downloads ?? 0),
      descendants: metrics.get(key)?.descendants ?? 0,
      placeholder: a.placeholder === true,
      root: graph.inDegree(key) === 0,
    };
    if (fan) attributes.fan = fan;
    return { key, attributes };
  });
  const edges = graph.mapEdges((_edge, attributes, source, target): PayloadEdge => ({
    key: `${source}->${target}`,
    source,
    target,
    attributes: { relation: attributes.relation as Relation },
  }));
  return { nodes, edges };
}
