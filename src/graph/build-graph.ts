// Builds the lineage graph from the store: one node per model (placeholders included), one edge per distinct
// parent → child pair (self-loops left out and counted by the checks). When several sources name the same pair,
// the Hub's resolved tag wins over the card, and the card over an imported list.

import { DirectedGraph } from "graphology";
import { readLineageRows } from "../store/lineage-rows.js";
import type { Store } from "../store/open-store.js";
import type { EdgeSource, Relation } from "../vocabulary/relation.js";

export interface ModelNode {
  placeholder: boolean;
  author: string | null;
  /** Null when no source gave them. */
  downloads: number | null;
  likes: number | null;
  createdAt: string | null;
  /** The model's own relation to its bases (from its best-sourced edge), null for a root. */
  relation: Relation | null;
}

export interface LineageEdge {
  relation: Relation;
  source: EdgeSource;
}

export type LineageGraph = DirectedGraph<ModelNode, LineageEdge>;

const SOURCE_RANK: Record<EdgeSource, number> = { tag: 0, card: 1, file: 2 };

export function buildLineageGraph(store: Store): LineageGraph {
  const graph: LineageGraph = new DirectedGraph({ allowSelfLoops: false });
  const bestSourceOfChild = new Map<string, number>();
  readLineageRows(
    store,
    (row) => {
      graph.addNode(row.id, {
        placeholder: row.placeholder === 1,
        author: row.author,
        downloads: row.downloads,
        likes: row.likes,
        createdAt: row.created_at,
        relation: null,
      });
    },
    (edge) => {
      const rank = SOURCE_RANK[edge.source];
      // A self-loop adds no edge, but its relation is still the model's own (a model tagged as a quantization of
      // itself).
      const existing = edge.child === edge.parent ? null : graph.edge(edge.parent, edge.child);
      if (existing === undefined)
        graph.addDirectedEdge(edge.parent, edge.child, { relation: edge.relation, source: edge.source });
      else if (existing !== null && rank < SOURCE_RANK[graph.getEdgeAttribute(existing, "source")])
        graph.replaceEdgeAttributes(existing, { relation: edge.relation, source: edge.source });
      const best = bestSourceOfChild.get(edge.child);
      if (best === undefined || rank < best) {
        bestSourceOfChild.set(edge.child, rank);
        graph.setNodeAttribute(edge.child, "relation", edge.relation);
      }
    },
  );
  return graph;
}
