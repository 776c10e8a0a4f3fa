// GET /api/ancestry?id=ID: the model and every ancestor as a laid-out graph (roots on top, the model at the
// bottom), with the paths from the model up to each root.

import { familyView } from "../../graph/family-view.js";
import { indexAncestorPaths } from "../../graph/index-ancestry.js";
import { indexFamilyGraph, indexFamilyMembers } from "../../graph/index-family-graph.js";
import { graphPayload } from "../graph-payload.js";
import { lookUpModel, nodesOfQuery } from "../lookup.js";
import { modelIdParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { AncestryResponse } from "../wire-types.js";

export function ancestry(data: ServerData, params: URLSearchParams): AncestryResponse {
  const { lineage } = data;
  const id = lookUpModel(lineage.store, modelIdParam(params, "id"));
  const [node] = nodesOfQuery(lineage, { kind: "model", id }) as [number];
  const family = indexFamilyGraph(lineage, indexFamilyMembers(lineage, [node], { direction: "up" }));
  const descendantsOf = (key: string) => {
    const member = family.nodes.get(key);
    return member === undefined ? 0 : data.descendantsOf(member);
  };
  const { paths, truncated } = indexAncestorPaths(lineage, node);
  return { id, graph: graphPayload(familyView(family.graph, family.members), descendantsOf), paths, truncated };
}
