// GET /api/licenses?q=ID_OR_ORG&format=json|csv: the licences along a family and the findings, exactly as
// `licenses --json` gives them, or the findings as CSV (`licenses --csv`) to download. `ids` narrows the answer to
// some models of the family (what a viewer draws); `offset` and `limit` give a page of it with the totals.

import { licenceFindingsCsv } from "../../export/findings-csv.js";
import { indexLicences, indexLicencesOf, type LicencesReport } from "../../graph/index-licences.js";
import { nodesOfIds } from "../../store/model-queries.js";
import { HttpError } from "../http-error.js";
import { lookUpQuery, nodesOfQuery } from "../lookup.js";
import { choiceParam, countParam, modelIdsParam, modelOrOrgParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { LicencesPage, LicencesResponse } from "../wire-types.js";

export const LICENCES_PARAMS = ["q", "format", "ids", "offset", "limit"] as const;

/** The most models one request may name in `ids`: a few thousand characters of URL. */
export const MAX_LICENCE_IDS = 500;

/** The node numbers of the models named by `ids`, or null when the parameter is absent; an unknown one is a 404. */
function idsParam(params: URLSearchParams, data: ServerData): number[] | null {
  const ids = modelIdsParam(params, "ids", MAX_LICENCE_IDS);
  if (ids === null) return null;
  const nodes = nodesOfIds(data.lineage.store, ids);
  return ids.map((id) => {
    const node = nodes.get(id);
    if (node === undefined) throw new HttpError(404, `parameter "ids": unknown model ${JSON.stringify(id)}`);
    return node;
  });
}

/** Models and findings from `offset`, `limit` of each, with how many the whole answer holds. */
function page(report: LicencesReport, offset: number, limit: number): LicencesPage {
  return {
    ...report,
    models: report.models.slice(offset, offset + limit),
    findings: report.findings.slice(offset, offset + limit),
    offset,
    total: { models: report.models.length, findings: report.findings.length },
  };
}

export function licences(data: ServerData, params: URLSearchParams): LicencesResponse | LicencesPage | Response {
  const { lineage } = data;
  const resolved = lookUpQuery(lineage.store, modelOrOrgParam(params, "q"));
  nodesOfQuery(lineage, resolved);
  const format = choiceParam(params, "format", ["json", "csv"] as const, "json");
  const offset = countParam(params, "offset", { min: 0, max: 10_000_000 });
  const limit = countParam(params, "limit", { min: 0, max: 100_000 });
  if ((offset !== undefined || limit !== undefined) && format === "csv")
    throw new HttpError(400, `parameters "offset" and "limit" page the JSON answer; the CSV holds every finding`);
  const nodes = idsParam(params, data);
  const report = nodes === null ? indexLicences(lineage, resolved) : indexLicencesOf(lineage, resolved, nodes);
  if (format === "json")
    return offset === undefined && limit === undefined ? report : page(report, offset ?? 0, limit ?? Infinity);
  const name = report.query.replace(/[^A-Za-z0-9._-]+/g, "_");
  return new Response(licenceFindingsCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-licence-findings.csv"`,
    },
  });
}
