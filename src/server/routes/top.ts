// GET /api/top?by=MEASURE&limit=N (models ranked by a stored metric, as `hf-lineage top`) and
// GET /api/top-orgs?limit=N (the largest org families, for the viewer's overview).

import { RANKINGS } from "../../graph/top-models.js";
import { choiceParam, countParam } from "../params.js";
import { TOP_KEPT, type ServerData } from "../server-data.js";
import type { TopOrgsResponse, TopResponse } from "../wire-types.js";

export const TOP_PARAMS = ["by", "limit"] as const;
export const TOP_ORGS_PARAMS = ["limit"] as const;

export function topModels(data: ServerData, params: URLSearchParams): TopResponse {
  const by = choiceParam(params, "by", RANKINGS, "descendants");
  const limit = countParam(params, "limit", { min: 1, max: TOP_KEPT, fallback: 20 });
  return { by, models: data.top(by).slice(0, limit) };
}

export function topOrgs(data: ServerData, params: URLSearchParams): TopOrgsResponse {
  const limit = countParam(params, "limit", { min: 1, max: TOP_KEPT, fallback: 20 });
  return { orgs: data.topOrgs().slice(0, limit) };
}
