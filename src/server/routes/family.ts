// GET /api/family?q=ID_OR_ORG&depth=&relations=&maxNodes=&expand=: the family report and the drawn family graph
// (fans folded, node cap applied, tree layout), for the viewer.

import { familyView } from "../../graph/family-view.js";
import { indexFamilyReport } from "../../graph/index-family.js";
import { indexFamilyGraph, indexFamilyMembers } from "../../graph/index-family-graph.js";
import { checkpoint } from "../checkpoint.js";
import { fanInfos, graphPayload } from "../graph-payload.js";
import { lookUpQuery, nodesOfQuery } from "../lookup.js";
import { countParam, expandParam, modelOrOrgParam, relationsParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { FamilyResponse } from "../wire-types.js";

export const MAX_DEPTH = 50;
export const DEFAULT_MAX_NODES = 2000;
export const MAX_NODES = 20_000;

export const FAMILY_PARAMS = ["q", "depth", "relations", "maxNodes", "expand"] as const;

export async function family(data: ServerData, params: URLSearchParams, signal: AbortSignal): Promise<FamilyResponse> {
  const { lineage } = data;
  const resolved = lookUpQuery(lineage.store, modelOrOrgParam(params, "q"));
  const sources = nodesOfQuery(lineage, resolved);
  const maxDepth = countParam(params, "depth", { min: 0, max: MAX_DEPTH });
  const relations = relationsParam(params, "relations");
  const maxNodes = countParam(params, "maxNodes", { min: 1, max: MAX_NODES, fallback: DEFAULT_MAX_NODES });
  const expand = expandParam(params, "expand");
  const report = indexFamilyReport(lineage, resolved);
  await checkpoint(signal);
  const family = indexFamilyGraph(
    lineage,
    indexFamilyMembers(lineage, sources, { direction: "down", maxDepth, ...(relations ? { relations } : {}) }),
  );
  await checkpoint(signal);
  const descendantsOf = (key: string) => {
    const node = family.nodes.get(key);
    return node === undefined ? 0 : data.descendantsOf(node);
  };
  const view = familyView(family.graph, family.members, { fans: { expand }, cap: { maxNodes, descendantsOf } });
  await checkpoint(signal);
  return {
    query: report.query,
    kind: report.kind,
    family: report,
    graph: graphPayload(view, descendantsOf),
    aggregated: fanInfos(view),
    truncated: view.omittedModels > 0 ? { omittedNodes: view.omittedModels } : null,
  };
}
