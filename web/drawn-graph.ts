// A drawn graph as the viewer holds it, graphology's serialized shape (sigma draws it as imported), made from the
// API's compact WireGraph: each model's label is its key, each edge is named `parent->child` by its ends' ids.

import type { Relation } from "../src/vocabulary/relation.js";
import type { ViewNodeAttributes, WireGraph } from "../src/server/wire-types.js";

export interface PayloadNode {
  key: string;
  attributes: ViewNodeAttributes;
}

export interface PayloadEdge {
  key: string;
  source: string;
  target: string;
  attributes: { relation: Relation };
}

export interface GraphPayload {
  nodes: PayloadNode[];
  edges: PayloadEdge[];
}

/** An answer whose `graph` is made the drawn graph. */
export type WithDrawnGraph<T extends { graph: WireGraph }> = Omit<T, "graph"> & { graph: GraphPayload };

export function drawnGraph(wire: WireGraph): GraphPayload {
  const nodes = wire.nodes.map(({ key, attributes }) => ({
    key,
    attributes: { ...attributes, label: attributes.label ?? key },
  }));
  const edges = wire.edges.map(([sourceAt, targetAt, relation]): PayloadEdge => {
    const source = nodes[sourceAt]!.key;
    const target = nodes[targetAt]!.key;
    return { key: `${source}->${target}`, source, target, attributes: { relation } };
  });
  return { nodes, edges };
}

/** The answer with its graph drawn. */
export function withDrawnGraph<T extends { graph: WireGraph }>(answer: T): WithDrawnGraph<T> {
  return { ...answer, graph: drawnGraph(answer.graph) };
}
