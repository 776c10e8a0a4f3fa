// GET /api/family-table?q=ID_OR_ORG&depth=&relations=&maxRows=: every member of the family as a table row (id,
// relation, depth, downloads, likes, created, licence, children, descendants), for the viewer's family table.

import { FAMILY_TABLE_COLUMNS, indexFamilyTable } from "../../graph/index-family-table.js";
import { lookUpQuery, nodesOfQuery } from "../lookup.js";
import { countParam, modelOrOrgParam, relationsParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { FamilyTableResponse } from "../wire-types.js";
import { MAX_DEPTH } from "./family.js";

export const FAMILY_TABLE_PARAMS = ["q", "depth", "relations", "maxRows"] as const;

/** Rows sent by default and at most: more than the largest family of the Hub (Qwen's, about 150,000). */
export const DEFAULT_MAX_ROWS = 200_000;
export const MAX_ROWS = 500_000;

export function familyTable(data: ServerData, params: URLSearchParams): FamilyTableResponse {
  const { lineage } = data;
  const resolved = lookUpQuery(lineage.store, modelOrOrgParam(params, "q"));
  const sources = nodesOfQuery(lineage, resolved);
  const maxDepth = countParam(params, "depth", { min: 0, max: MAX_DEPTH });
  const relations = relationsParam(params, "relations");
  const maxRows = countParam(params, "maxRows", { min: 1, max: MAX_ROWS, fallback: DEFAULT_MAX_ROWS });
  const table = indexFamilyTable(lineage, sources, { maxRows, maxDepth, ...(relations ? { relations } : {}) });
  return {
    query: resolved.kind === "model" ? resolved.id : resolved.org,
    kind: resolved.kind,
    columns: FAMILY_TABLE_COLUMNS,
    rows: table.rows,
    members: table.members,
    truncated: table.rows.length < table.members ? { omittedRows: table.members - table.rows.length } : null,
  };
}
