// A copy of part of the lineage graph: the given members and the edges among them, each member carrying its
// depth in the family, for the viewer, the exports and the tree printer.

import { subgraph } from "graphology-operators";
import type { DirectedGraph } from "graphology";
import type { LineageEdge, LineageGraph, ModelNode } from "./build-graph.js";

export type FamilyNode = ModelNode & { depth: number };
export type FamilyGraph = DirectedGraph<FamilyNode, LineageEdge>;

export function lineageSubgraph(graph: LineageGraph, members: Map<string, number>): FamilyGraph {
  return withDepths(subgraph(graph, new Set(members.keys())) as LineageGraph, members);
}

/** A graph of the members alone, given their depths in place (no copy). */
export function withDepths(graph: LineageGraph, members: Map<string, number>): FamilyGraph {
  const part = graph as unknown as FamilyGraph;
  part.updateEachNodeAttributes((id, attributes) => ({ ...attributes, depth: members.get(id) ?? 0 }));
  return part;
}
