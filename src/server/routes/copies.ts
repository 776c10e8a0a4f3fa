// GET /api/quants?id=ID&format=&bits=&through= and GET /api/adapters?id=ID&through=: a model's quantizations or
// adapters, exactly as `quants --json` and `adapters --json` give them.

import { QUANT_FORMATS } from "../../graph/copy-formats.js";
import { indexCopies, type CopyRelation } from "../../graph/index-copies.js";
import { lookUpModel, nodesOfQuery } from "../lookup.js";
import { countParam, modelIdParam, optionalChoiceParam, throughParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { CopiesResponse } from "../wire-types.js";

function copies(data: ServerData, params: URLSearchParams, relation: CopyRelation): CopiesResponse {
  const { lineage } = data;
  const id = lookUpModel(lineage.store, modelIdParam(params, "id"));
  const [node] = nodesOfQuery(lineage, { kind: "model", id }) as [number];
  const format = relation === "quantized" ? optionalChoiceParam(params, "format", QUANT_FORMATS) : undefined;
  const bits = relation === "quantized" ? countParam(params, "bits", { min: 1, max: 64 }) : undefined;
  return indexCopies(lineage, node, relation, {
    through: throughParam(params, "through"),
    ...(format === undefined ? {} : { format }),
    ...(bits === undefined ? {} : { bits }),
  });
}

export const QUANTS_PARAMS = ["id", "format", "bits", "through"] as const;
export const ADAPTERS_PARAMS = ["id", "through"] as const;

export const quants = (data: ServerData, params: URLSearchParams) => copies(data, params, "quantized");
export const adapters = (data: ServerData, params: URLSearchParams) => copies(data, params, "adapter");
