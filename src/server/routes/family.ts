// GET /api/family?q=ID_OR_ORG&depth=&relations=&maxNodes=&expand=: the family report and the drawn family graph
// (fans folded, node cap applied, tree layout), for the viewer.

import { familyMembers, familyReport } from "../../graph/family.js";
import { familyView } from "../../graph/family-view.js";
import { fanInfos, graphPayload } from "../graph-payload.js";
import { lookUpQuery } from "../lookup.js";
import { countParam, expandParam, modelOrOrgParam, relationsParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { FamilyResponse } from "../wire-types.js";

export const MAX_DEPTH = 50;
export const DEFAULT_MAX_NODES = 2000;
export const MAX_NODES = 20_000;

export function family(data: ServerData, params: URLSearchParams): FamilyResponse {
  const { store, graph, metrics } = data.lineage;
  const resolved = lookUpQuery(store, modelOrOrgParam(params, "q"));
  const maxDepth = countParam(params, "depth", { min: 0, max: MAX_DEPTH });
  const relations = relationsParam(params, "relations");
  const maxNodes = countParam(params, "maxNodes", { min: 1, max: MAX_NODES, fallback: DEFAULT_MAX_NODES });
  const expand = expandParam(params, "expand");
  const report = familyReport(graph, resolved);
  const members = familyMembers(graph, resolved, { maxDepth, relations });
  const cap = { maxNodes, descendantsOf: (key: string) => data.descendantsOf(key) };
  const view = familyView(graph, members, { fans: { expand }, cap });
  return {
    query: report.query,
    kind: report.kind,
    family: report,
    graph: graphPayload(view, metrics),
    aggregated: fanInfos(view),
    truncated: view.omittedModels > 0 ? { omittedNodes: view.omittedModels } : null,
  };
}
