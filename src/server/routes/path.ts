// GET /api/path?from=A&to=B&maxPaths=N: every derivation path between two models, or their nearest common
// ancestors, exactly as `path --json` gives them.

import { indexPaths } from "../../graph/index-paths.js";
import { HttpError } from "../http-error.js";
import { lookUpModel, nodesOfQuery } from "../lookup.js";
import { countParam, modelIdParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { PathResponse } from "../wire-types.js";

export const PATH_PARAMS = ["from", "to", "maxPaths"] as const;

export function path(data: ServerData, params: URLSearchParams): PathResponse {
  const { lineage } = data;
  const [from, to] = ["from", "to"].map((name) => {
    const id = lookUpModel(lineage.store, modelIdParam(params, name));
    return (nodesOfQuery(lineage, { kind: "model", id }) as [number])[0];
  }) as [number, number];
  if (from === to) throw new HttpError(400, `parameters "from" and "to" name the same model`);
  const maxPaths = countParam(params, "maxPaths", { min: 1, max: 1000, fallback: 100 });
  return indexPaths(lineage, from, to, { maxPaths });
}
