// GET /api/ancestry?id=ID&maxNodes=N: the model and its ancestors (the nearest N, default 300) as a laid-out graph
// (roots on top, the model at the bottom), how many were left out, and the paths from the model up to each root.

import { familyView } from "../../graph/family-view.js";
import { indexAncestorPaths } from "../../graph/index-ancestry.js";
import { indexFamilyGraph, indexFamilyMembers } from "../../graph/index-family-graph.js";
import { checkpoint } from "../checkpoint.js";
import { graphPayload } from "../graph-payload.js";
import { lookUpModel, nodesOfQuery } from "../lookup.js";
import { countParam, modelIdParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { AncestryResponse } from "../wire-types.js";

/** Ancestors drawn by default and at most: the nearest first, the rest counted. */
export const DEFAULT_MAX_ANCESTORS = 300;
export const MAX_ANCESTORS = 5000;

export const ANCESTRY_PARAMS = ["id", "maxNodes"] as const;

export async function ancestry(
  data: ServerData,
  params: URLSearchParams,
  signal: AbortSignal,
): Promise<AncestryResponse> {
  const { lineage } = data;
  const id = lookUpModel(lineage.store, modelIdParam(params, "id"));
  const [node] = nodesOfQuery(lineage, { kind: "model", id }) as [number];
  const maxNodes = countParam(params, "maxNodes", { min: 1, max: MAX_ANCESTORS, fallback: DEFAULT_MAX_ANCESTORS });
  const family = indexFamilyGraph(lineage, indexFamilyMembers(lineage, [node], { direction: "up" }));
  await checkpoint(signal);
  const descendantsOf = (key: string) => {
    const member = family.nodes.get(key);
    return member === undefined ? 0 : data.descendantsOf(member);
  };
  const { paths, truncated } = indexAncestorPaths(lineage, node);
  // The model itself is kept first (depth 0), so `maxNodes` counts it; the cap keeps the nearest ancestors.
  const view = familyView(family.graph, family.members, { cap: { maxNodes: maxNodes + 1, descendantsOf } });
  await checkpoint(signal);
  return {
    id,
    graph: graphPayload(view, descendantsOf),
    paths,
    truncated,
    ancestors: family.members.size - 1,
    omittedNodes: view.omittedModels,
  };
}
