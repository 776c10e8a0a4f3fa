// What /api/family draws: the family's members (within depth and relations), fans of leaf children folded into
// one node each, the nearest members kept up to the node cap, laid out as a tree.

import type { DirectedGraph } from "graphology";
import { aggregateFans } from "../graph/aggregate-fans.js";
import type { LineageGraph } from "../graph/build-graph.js";
import { familyMembers } from "../graph/family.js";
import type { ResolvedQuery } from "../graph/resolve-query.js";
import { lineageSubgraph } from "../graph/subgraph.js";
import type { ModelMetrics } from "../store/metrics-rows.js";
import type { Relation } from "../vocabulary/relation.js";
import { capNodes } from "./cap-nodes.js";
import { graphPayload } from "./graph-payload.js";
import type { FanInfo, GraphPayload } from "./wire-types.js";

export interface FamilyViewOptions {
  maxDepth?: number;
  relations?: Relation[];
  maxNodes: number;
  /** Fans to leave expanded, `PARENT:RELATION`. */
  expand: string[];
}

export interface FamilyView {
  graph: GraphPayload;
  aggregated: FanInfo[];
  truncated: { omittedNodes: number } | null;
}

export function familyView(graph: LineageGraph, metrics: Map<string, ModelMetrics>, resolved: ResolvedQuery, options: FamilyViewOptions): FamilyView {
  const members = familyMembers(graph, resolved, { maxDepth: options.maxDepth, relations: options.relations });
  const folded = aggregateFans(lineageSubgraph(graph, members) as unknown as DirectedGraph, { expand: options.expand });
  const capped = capNodes(folded.graph, options.maxNodes, (key) => metrics.get(key)?.descendants ?? 0);
  const aggregated = folded.fans.filter((fan) => capped.graph.hasNode(fan.key)).map(({ parent, relation, count }) => ({ parent, relation, count }));
  return {
    graph: graphPayload(capped.graph, metrics, capped.order),
    aggregated,
    truncated: capped.omittedModels > 0 ? { omittedNodes: capped.omittedModels } : null,
  };
}
