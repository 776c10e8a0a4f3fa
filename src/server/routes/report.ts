// GET /api/report?family=ID_OR_ORG&family=...&since=YYYY-MM-DD&largest=N&limit=N&format=...: the report, exactly as
// `report --json` gives it with the same options; as its document (the viewer's Report page), Markdown or HTML.

import { reportDocument } from "../../export/report-document.js";
import { reportHtml, reportMarkdown } from "../../export/report-render.js";
import { buildReport } from "../../graph/report.js";
import { dayStart } from "../../graph/report-time.js";
import { HttpError } from "../http-error.js";
import { lookUpQuery } from "../lookup.js";
import { choiceParam, countParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { ReportDocumentResponse, ReportResponse } from "../wire-types.js";

export const REPORT_PARAMS = ["family", "since", "largest", "limit", "format"] as const;

/** `json`: the report's figures; `document`: its titled sections as the page draws them; the others to download. */
export const REPORT_ANSWER_FORMATS = ["json", "document", "markdown", "html"] as const;

const DOWNLOADS = {
  markdown: { type: "text/markdown; charset=utf-8", file: "hf-lineage-report.md", render: reportMarkdown },
  html: { type: "text/html; charset=utf-8", file: "hf-lineage-report.html", render: reportHtml },
} as const;

/** At most this many families asked for in one request. */
const MAX_FAMILIES = 20;

export function report(data: ServerData, params: URLSearchParams): ReportResponse | ReportDocumentResponse | Response {
  const { lineage } = data;
  const families = params.getAll("family").map((value) => value.trim());
  if (families.length > MAX_FAMILIES)
    throw new HttpError(400, `parameter "family" is given ${families.length} times; at most ${MAX_FAMILIES}`);
  // Each family is looked up first, so an unknown one is a 404 with the closest ids.
  for (const family of families) {
    if (family.length === 0 || family.length > 200)
      throw new HttpError(400, `parameter "family" wants a model id or an org name`);
    lookUpQuery(lineage.store, family);
  }
  const sinceText = params.get("since");
  const since = sinceText === null ? null : dayStart(sinceText);
  if (sinceText !== null && since === null)
    throw new HttpError(400, `parameter "since" wants a date as YYYY-MM-DD: ${JSON.stringify(sinceText.slice(0, 40))}`);
  const format = choiceParam(params, "format", REPORT_ANSWER_FORMATS, "json");
  const built = buildReport(lineage, {
    families,
    since,
    largest: countParam(params, "largest", { min: 0, max: 100, fallback: 5 }),
    limit: countParam(params, "limit", { min: 1, max: 1000, fallback: 20 }),
  });
  if (format === "json") return built;
  if (format === "document") return reportDocument(built);
  const download = DOWNLOADS[format];
  return new Response(download.render(reportDocument(built)), {
    headers: { "content-type": download.type, "content-disposition": `attachment; filename="${download.file}"` },
  });
}
