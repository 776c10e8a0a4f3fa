// GET /api/licenses?q=ID_OR_ORG&format=json|csv: the licences along a family and the findings, exactly as
// `licenses --json` gives them, or the findings as CSV (`licenses --csv`) to download.

import { licenceFindingsCsv } from "../../export/findings-csv.js";
import { indexLicences } from "../../graph/index-licences.js";
import { lookUpQuery, nodesOfQuery } from "../lookup.js";
import { choiceParam, modelOrOrgParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { LicencesResponse } from "../wire-types.js";

export const LICENCES_PARAMS = ["q", "format"] as const;

export function licences(data: ServerData, params: URLSearchParams): LicencesResponse | Response {
  const { lineage } = data;
  const resolved = lookUpQuery(lineage.store, modelOrOrgParam(params, "q"));
  nodesOfQuery(lineage, resolved);
  const format = choiceParam(params, "format", ["json", "csv"] as const, "json");
  const report = indexLicences(lineage, resolved);
  if (format === "json") return report;
  const name = report.query.replace(/[^A-Za-z0-9._-]+/g, "_");
  return new Response(licenceFindingsCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-licence-findings.csv"`,
    },
  });
}
