// GET /api/ancestry?id=ID: the model and every ancestor as a laid-out graph (roots on top, the model at the
// bottom), with the paths from the model up to each root.

import { ancestorPaths } from "../../graph/ancestry.js";
import { familyView } from "../../graph/family-view.js";
import { reachable } from "../../graph/reachable.js";
import { graphPayload } from "../graph-payload.js";
import { lookUpModel } from "../lookup.js";
import { modelIdParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { AncestryResponse } from "../wire-types.js";

export function ancestry(data: ServerData, params: URLSearchParams): AncestryResponse {
  const { store, graph, metrics } = data.lineage;
  const id = lookUpModel(store, modelIdParam(params, "id"));
  const members = new Map<string, number>([[id, 0], ...reachable(graph, [id], "up")]);
  const { paths, truncated } = ancestorPaths(graph, id);
  return { id, graph: graphPayload(familyView(graph, members), metrics), paths, truncated };
}
