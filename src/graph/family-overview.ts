// The drawn overview of a family too large to draw whole: the plan made on the lineage index (overview-plan.ts)
// turned into a graph of only what is drawn (the drawn models' records, fans, collapsed nodes), laid out as a tree.

import type { DirectedGraph } from "graphology";
import type { Attributes } from "graphology-types";
import { fanNodeKey } from "../vocabulary/fan.js";
import type { Relation } from "../vocabulary/relation.js";
import { indexFamilyGraph } from "./index-family-graph.js";
import type { ReachOrder } from "./index-reach.js";
import type { IndexedLineage } from "./indexed-lineage.js";
import { planOverview, type OverviewPlanOptions } from "./overview-plan.js";
import { treeLayout, type TreePosition } from "./tree-layout.js";

/** A collapsed node: the subtrees under `parent` (null: the family's own models) that are not drawn. */
export interface Collapse {
  key: string;
  parent: string | null;
  count: number;
  children: number;
  relation: Relation | null;
}

export interface FamilyOverview {
  /** The drawn graph: models with their records and `depth`, fans (`fan`), collapsed nodes (`collapsed`). */
  graph: DirectedGraph;
  /** The drawn nodes by (depth, descendants desc, key), as the node cap ranks them. */
  order: string[];
  fans: { key: string; parent: string; relation: Relation; count: number }[];
  collapsed: Collapse[];
  /** Models in collapsed nodes. */
  omittedModels: number;
  /** Each drawn model's node number, by id. */
  nodes: Map<string, number>;
  positions: Map<string, TreePosition>;
}

/** The key of a collapsed node: `more:PARENT`, or `more:` for the family's own models left out. */
export function collapsedNodeKey(parent: string | null): string {
  return `more:${parent ?? ""}`;
}

/**
 * The overview of the family walked in `reach` (reachOrder down from its own models), or null when the family (fans
 * folded) fits in `options.budget` nodes and is drawn whole instead. Only the drawn models' records are read.
 */
export function familyOverview(
  lineage: IndexedLineage,
  reach: ReachOrder,
  options: OverviewPlanOptions,
): FamilyOverview | null {
  const plan = planOverview(lineage.index, reach, options);
  if (plan === null) return null;
  const family = indexFamilyGraph(lineage, plan.models);
  const graph = family.graph as unknown as DirectedGraph;
  const idOf = new Map<number, string>();
  for (const [id, node] of family.nodes) {
    idOf.set(node, id);
    graph.setNodeAttribute(id, "depth", family.members.get(id) ?? 0);
  }
  const fans = plan.fans.map(({ parent, relation, count }) => {
    const parentId = idOf.get(parent) as string;
    const key = fanNodeKey(parentId, relation);
    const depth = (family.members.get(parentId) ?? 0) + 1;
    graph.addNode(key, { fan: { parent: parentId, relation, count }, relation, placeholder: false, depth });
    graph.addDirectedEdge(parentId, key, { relation });
    return { key, parent: parentId, relation, count };
  });
  const collapsed = plan.collapsed.map(({ parent, depth, count, children, relation }): Collapse => {
    const parentId = parent === null ? null : (idOf.get(parent) as string);
    const key = collapsedNodeKey(parentId);
    const attributes: Attributes = { collapsed: { parent: parentId, count, children }, relation, placeholder: false };
    graph.addNode(key, { ...attributes, depth });
    if (parentId !== null) graph.addDirectedEdge(parentId, key, { relation: relation ?? "unknown" });
    return { key, parent: parentId, count, children, relation };
  });
  const descendants = (key: string) => {
    const node = family.nodes.get(key);
    return node === undefined ? 0 : (lineage.metrics.descendants[node] as number);
  };
  const ranked = graph.mapNodes((key, attributes) => ({ key, depth: Number(attributes.depth), d: descendants(key) }));
  ranked.sort((a, b) => a.depth - b.depth || b.d - a.d || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    graph,
    order: ranked.map(({ key }) => key),
    fans,
    collapsed,
    omittedModels: plan.omitted,
    nodes: family.nodes,
    positions: treeLayout(graph),
  };
}
