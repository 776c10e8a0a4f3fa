// A family as a graphology graph, built from the lineage index for the few thousand models that are drawn,
// exported or analysed together: the members with their records and depth, and the edges among them.

import { DirectedGraph } from "graphology";
import type { ModelMetrics } from "./model-metrics.js";
import { modelSummaries } from "../store/model-queries.js";
import { EDGE_SOURCES, RELATIONS, type EdgeSource, type Relation } from "../vocabulary/relation.js";
import type { LineageGraph } from "./build-graph.js";
import { forEachReached, type IndexReachOptions } from "./index-reach.js";
import { modelMetricsOf, type IndexedLineage } from "./indexed-lineage.js";
import { NO_RELATION, PLACEHOLDER } from "./lineage-index.js";

export interface IndexFamilyGraph {
  /** The members and the edges among them, keyed by id, in node order. */
  graph: LineageGraph;
  /** Each member's id with its depth (the family's own models at 0). */
  members: Map<string, number>;
  /** Each member's node number, by id. */
  nodes: Map<string, number>;
}

/** The family's own models at depth 0 and what the walk reaches from them, with the shortest distance. */
export function indexFamilyMembers(
  lineage: IndexedLineage,
  sources: readonly number[],
  options: IndexReachOptions,
): Map<number, number> {
  const members = new Map<number, number>(sources.map((node) => [node, 0]));
  forEachReached(lineage.index, sources, options, (node, depth) => members.set(node, depth));
  return members;
}

/** Each member's stored metrics, by id (for the exports). */
export function familyMetrics(lineage: IndexedLineage, family: IndexFamilyGraph): Map<string, ModelMetrics> {
  return new Map([...family.nodes].map(([id, node]) => [id, modelMetricsOf(lineage, node)]));
}

/**
 * The graph of `members` (node numbers with their depth), its nodes in node order, or in the members' order (the
 * order a copy of the members taken from a larger graph has) when `inMembersOrder`.
 */
export function indexFamilyGraph(
  lineage: IndexedLineage,
  members: Map<number, number>,
  inMembersOrder = false,
): IndexFamilyGraph {
  const { index, store } = lineage;
  const graph: LineageGraph = new DirectedGraph({ allowSelfLoops: false });
  const idOf = new Map<number, string>();
  const rows = modelSummaries(store, members.keys()).sort((a, b) => a.node - b.node);
  const rowOf = new Map(rows.map((row) => [row.node, row]));
  const nodeOrder = inMembersOrder ? [...members.keys()].flatMap((node) => rowOf.get(node) ?? []) : rows;
  for (const row of nodeOrder) {
    idOf.set(row.node, row.id);
    const own = index.relation[row.node] as number;
    graph.addNode(row.id, {
      placeholder: ((index.flags[row.node] as number) & PLACEHOLDER) !== 0,
      author: row.author,
      downloads: row.downloads,
      likes: row.likes,
      createdAt: row.created_at,
      relation: own === NO_RELATION ? null : (RELATIONS[own] as Relation),
    });
  }
  // Edges in (child, parent) id order, as the store lists them, so layouts break ties as on the whole graph.
  const edges: { parent: string; child: string; e: number }[] = [];
  for (const row of rows) {
    for (let e = index.childStart[row.node] as number; e < (index.childStart[row.node + 1] as number); e++) {
      const child = idOf.get(index.children[e] as number);
      if (child !== undefined) edges.push({ parent: row.id, child, e });
    }
  }
  const byIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  edges.sort((a, b) => byIds(a.child, b.child) || byIds(a.parent, b.parent));
  for (const { parent, child, e } of edges) {
    graph.addDirectedEdge(parent, child, {
      relation: RELATIONS[index.childRelation[e] as number] as Relation,
      source: EDGE_SOURCES[index.childSource[e] as number] as EdgeSource,
    });
  }
  const byId = new Map<string, number>();
  const nodes = new Map<string, number>();
  for (const [node, depth] of members) {
    const id = idOf.get(node);
    if (id === undefined) continue;
    byId.set(id, depth);
    nodes.set(id, node);
  }
  return { graph, members: byId, nodes };
}
