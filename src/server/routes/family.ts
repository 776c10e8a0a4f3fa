// GET /api/family?q=ID_OR_ORG&depth=&relations=&maxNodes=&expand=&overview=&open=: the family report and the drawn
// family for the viewer: whole (fans folded) when it fits, else an overview or the nearest members under a cap.

import { familyOverview } from "../../graph/family-overview.js";
import { familyView } from "../../graph/family-view.js";
import { indexFamilyReport } from "../../graph/index-family.js";
import { indexFamilyGraph, indexFamilyMembers } from "../../graph/index-family-graph.js";
import { reachOrder } from "../../graph/index-reach.js";
import { nodesOfIds } from "../../store/model-queries.js";
import { parseFanName, type FanName } from "../../vocabulary/fan.js";
import { checkpoint } from "../checkpoint.js";
import { fanInfos, graphPayload } from "../graph-payload.js";
import { lookUpQuery, nodesOfQuery } from "../lookup.js";
import { openParam } from "../open-param.js";
import { countParam, expandParam, modelOrOrgParam, optionalChoiceParam, relationsParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { FamilyResponse } from "../wire-types.js";

export const MAX_DEPTH = 50;
export const DEFAULT_MAX_NODES = 2000;
export const MAX_NODES = 20_000;

export const FAMILY_PARAMS = ["q", "depth", "relations", "maxNodes", "expand", "overview", "open"] as const;

export async function family(data: ServerData, params: URLSearchParams, signal: AbortSignal): Promise<FamilyResponse> {
  const { lineage } = data;
  const resolved = lookUpQuery(lineage.store, modelOrOrgParam(params, "q"));
  const sources = nodesOfQuery(lineage, resolved);
  const maxDepth = countParam(params, "depth", { min: 0, max: MAX_DEPTH });
  const relations = relationsParam(params, "relations");
  const askedMaxNodes = countParam(params, "maxNodes", { min: 1, max: MAX_NODES });
  const maxNodes = askedMaxNodes ?? DEFAULT_MAX_NODES;
  const expand = expandParam(params, "expand");
  // A family larger than the budget is an overview unless a node cap is asked for (the nearest members, as before).
  const overview =
    (optionalChoiceParam(params, "overview", ["on", "off"]) ?? (askedMaxNodes === undefined ? "on" : "off")) === "on";
  const open = openParam(params, "open");
  const walk = { maxDepth, ...(relations ? { relations } : {}) };
  // One walk down the family serves the overview and, when it follows every edge to any depth, the report's counts.
  const reach = overview ? reachOrder(lineage.index, sources, { direction: "down", ...walk }) : null;
  const report = indexFamilyReport(lineage, resolved, maxDepth === undefined && !relations ? reach : null);
  await checkpoint(signal);
  const descendantsOf = (node: number | undefined) => (node === undefined ? 0 : data.descendantsOf(node));
  if (reach !== null) {
    // Fans and models named by id, looked up by node number as the plan walks the index.
    const fans = expand.map((name) => parseFanName(name) as FanName);
    const fanParents = nodesOfIds(
      lineage.store,
      fans.map((fan) => fan.parent),
    );
    const openFans = new Set(fans.map((fan) => `${fanParents.get(fan.parent)}:${fan.relation}`));
    const drawn = familyOverview(lineage, reach, {
      budget: maxNodes,
      isFanOpen: (parent, relation) => openFans.has(`${parent}:${relation}`),
      opened: new Set(nodesOfIds(lineage.store, open).values()),
      openOwn: open.some((id) => id.toLowerCase() === report.query.toLowerCase()),
    });
    await checkpoint(signal);
    if (drawn !== null) {
      const byId = (key: string) => descendantsOf(drawn.nodes.get(key));
      return {
        query: report.query,
        kind: report.kind,
        family: report,
        graph: graphPayload(drawn, byId),
        aggregated: fanInfos(drawn),
        truncated: { omittedNodes: drawn.omittedModels },
        collapsed: drawn.collapsed.map(({ parent, count, children, relation }) => ({
          parent,
          count,
          children,
          relation,
        })),
      };
    }
  }
  // Built for this view alone, in the members' order, so the view sets the depths on it rather than on a copy.
  const family = indexFamilyGraph(lineage, indexFamilyMembers(lineage, sources, { direction: "down", ...walk }), true);
  await checkpoint(signal);
  const descendantsOfKey = (key: string) => descendantsOf(family.nodes.get(key));
  const view = familyView(family.graph, family.members, {
    fans: { expand },
    cap: { maxNodes, descendantsOf: descendantsOfKey },
    inPlace: true,
  });
  await checkpoint(signal);
  return {
    query: report.query,
    kind: report.kind,
    family: report,
    graph: graphPayload(view, descendantsOfKey),
    aggregated: fanInfos(view),
    truncated: view.omittedModels > 0 ? { omittedNodes: view.omittedModels } : null,
  };
}
