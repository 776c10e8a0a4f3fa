// GET /api/siblings?id=ID: the models sharing a parent with ID, grouped by relation, exactly as `siblings --json`.

import { indexSiblings } from "../../graph/index-siblings.js";
import { lookUpModel, nodesOfQuery } from "../lookup.js";
import { modelIdParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { SiblingsResponse } from "../wire-types.js";

export const SIBLINGS_PARAMS = ["id"] as const;

export function siblings(data: ServerData, params: URLSearchParams): SiblingsResponse {
  const { lineage } = data;
  const id = lookUpModel(lineage.store, modelIdParam(params, "id"));
  const [node] = nodesOfQuery(lineage, { kind: "model", id }) as [number];
  return indexSiblings(lineage, node);
}
