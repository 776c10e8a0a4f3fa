// What is drawn of a family (the viewer, /api/ancestry, the exports' tree layout): the members' subgraph, fans of
// leaf children folded into one node each when asked, the nearest nodes kept up to a cap, laid out as a tree.

import type { DirectedGraph } from "graphology";
import { aggregateFans, type AggregateFansOptions, type Fan } from "./aggregate-fans.js";
import type { LineageGraph } from "./build-graph.js";
import { capNodes } from "./cap-nodes.js";
import { lineageSubgraph, withDepths } from "./subgraph.js";
import { treeLayout, type TreePosition } from "./tree-layout.js";

export interface FamilyViewOptions {
  /** Fold fans of leaf children (with these fan options); left out, every member is drawn. */
  fans?: AggregateFansOptions;
  /** Keep only the `maxNodes` nearest nodes, larger families first within a depth; left out, no cap. */
  cap?: { maxNodes: number; descendantsOf: (key: string) => number };
  /**
   * `graph` holds the members alone and is this view's to change (a family graph built for it): their depths are
   * set on it rather than on a copy, which at 150,000 members took a third of the view's time.
   */
  inPlace?: boolean;
}

export interface FamilyView {
  /** The drawn graph: members (and fan nodes) with their `depth`, and the edges among them. */
  graph: DirectedGraph;
  /** The drawn nodes: ranked nearest first under a cap, else in the graph's order. */
  order: string[];
  /** The fans drawn (a fan dropped by the cap is not listed). */
  fans: Fan[];
  /** Models the cap left out: one per dropped node, a fan's whole count for a dropped fan. */
  omittedModels: number;
  /** The tree layout of the drawn graph. */
  positions: Map<string, TreePosition>;
}

/** The drawn view of `members` (ids with their depth, as familyMembers or reachable give them). */
export function familyView(
  graph: LineageGraph,
  members: Map<string, number>,
  options: FamilyViewOptions = {},
): FamilyView {
  const subgraph = (options.inPlace === true
    ? withDepths(graph, members)
    : lineageSubgraph(graph, members)) as unknown as DirectedGraph;
  const folded = options.fans === undefined ? { graph: subgraph, fans: [] } : aggregateFans(subgraph, options.fans);
  const capped =
    options.cap === undefined
      ? { graph: folded.graph, order: folded.graph.nodes(), omittedModels: 0 }
      : capNodes(folded.graph, options.cap.maxNodes, options.cap.descendantsOf);
  return {
    graph: capped.graph,
    order: capped.order,
    fans: folded.fans.filter((fan) => capped.graph.hasNode(fan.key)),
    omittedModels: capped.omittedModels,
    positions: treeLayout(capped.graph),
  };
}
