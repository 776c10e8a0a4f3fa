// The Report page's state in the URL (`?view=report&family=...&family=...&since=YYYY-MM-DD`), so a link reopens the
// same report, and the /api/report address it reads for each form (the page's document, JSON, Markdown, HTML).

import { apiUrl } from "./api.js";

export interface ReportViewState {
  /** Models or orgs measured beside the largest org families, in the order they were added, each once. */
  families: string[];
  /** Only models created on or after this day count in the time series; null for all. */
  since: string | null;
}

export const REPORT_DOWNLOADS = ["json", "markdown", "html"] as const;
export type ReportDownload = (typeof REPORT_DOWNLOADS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** At most this many families asked for (the server's limit). */
export const MAX_REPORT_FAMILIES = 20;

export function isReportView(search: string): boolean {
  return new URLSearchParams(search).get("view") === "report";
}

export function parseReportState(search: string): ReportViewState {
  const params = new URLSearchParams(search);
  const families: string[] = [];
  for (const value of params.getAll("family")) {
    const family = value.trim();
    if (family !== "" && family.length <= 200 && !families.some((f) => f.toLowerCase() === family.toLowerCase()))
      families.push(family);
  }
  const since = params.get("since")?.trim() ?? "";
  return { families: families.slice(0, MAX_REPORT_FAMILIES), since: DAY.test(since) ? since : null };
}

export function serializeReportState(state: ReportViewState): string {
  const params = new URLSearchParams({ view: "report" });
  for (const family of state.families) params.append("family", family);
  if (state.since !== null) params.set("since", state.since);
  return `?${params.toString()}`;
}

/** The /api/report address for the state: `document` for the page, the others to download. */
export function reportApiUrl(state: ReportViewState, format: "document" | ReportDownload): string {
  const base = apiUrl("/api/report", {
    since: state.since ?? undefined,
    format: format === "json" ? undefined : format,
  });
  const families = state.families.map((family) => `family=${encodeURIComponent(family)}`).join("&");
  if (families === "") return base;
  return `${base}${base.includes("?") ? "&" : "?"}${families}`;
}
