// The graph as the viewer receives it (graphology's serialized shape): every node with its tree-layout position
// and what the viewer shows about it, every edge with its relation.

import type { DirectedGraph } from "graphology";
import type { Attributes } from "graphology-types";
import type { ModelMetrics } from "../store/metrics-rows.js";
import { treeLayout } from "../graph/tree-layout.js";

export interface PayloadNode {
  key: string;
  attributes: {
    label: string;
    x: number;
    y: number;
    depth: number;
    relation: string | null;
    author: string | null;
    downloads: number;
    descendants: number;
    placeholder: boolean;
    /** True for a node with no parent in this graph (drawn on the top row). */
    root: boolean;
    fan?: { parent: string; relation: string; count: number };
  };
}

export interface PayloadEdge {
  key: string;
  source: string;
  target: string;
  attributes: { relation: string };
}

export interface GraphPayload {
  nodes: PayloadNode[];
  edges: PayloadEdge[];
}

/** Lays `graph` out and serializes it, nodes in `order` (default: the graph's order). */
export function graphPayload(graph: DirectedGraph, metrics: Map<string, ModelMetrics>, order: string[] = graph.nodes()): GraphPayload {
  const positions = treeLayout(graph);
  const nodes = order.map((key): PayloadNode => {
    const a: Attributes = graph.getNodeAttributes(key);
    const position = positions.get(key) ?? { x: 0, y: 0 };
    const fan = a.fan as PayloadNode["attributes"]["fan"];
    const attributes: PayloadNode["attributes"] = {
      label: fan ? `${fan.count} ${fan.relation}` : key,
      x: position.x,
      y: position.y,
      depth: Number(a.depth ?? 0),
      relation: (a.relation as string | null | undefined) ?? null,
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
    attributes: { relation: String(attributes.relation) },
  }));
  return { nodes, edges };
}
