// The Report page: the report's sections as /api/report?format=document gives them (the document the text, Markdown
// and HTML forms render), each with its definitions, coverage lines, tables and charts; families added, `since` set.

import type { ReportSection, ReportTable } from "../src/export/report-document.js";
import { api, ApiError } from "./api.js";
import { reportChart } from "./report-charts.js";
import { cellText, isNumeric } from "./report-cells.js";
import {
  MAX_REPORT_FAMILIES,
  REPORT_DOWNLOADS,
  reportApiUrl,
  type ReportDownload,
  type ReportViewState,
} from "./report-state.js";

export interface ReportActions {
  /** Shows the report for another state (a family added or removed, another `since`). */
  navigate: (state: ReportViewState) => void;
}

const DOWNLOAD_LABELS: Record<ReportDownload, string> = { json: "JSON", markdown: "Markdown", html: "HTML" };

function element<K extends keyof HTMLElementTagNameMap>(
  name: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const made = Object.assign(document.createElement(name), properties);
  made.append(...children);
  return made;
}

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, "-");

function tableOf(table: ReportTable): HTMLElement {
  const [header, ...rows] = table.rows;
  const head = element("tr", {}, ...(header ?? []).map((cell) => element("th", { scope: "col" }, cellText(cell))));
  const body = rows.map((row) =>
    element("tr", {}, ...row.map((cell) => element("td", { className: isNumeric(cell) ? "n" : "" }, cellText(cell)))),
  );
  const figure = element("figure", { className: "report-table" }, element("h3", {}, table.title));
  const chart = reportChart(table);
  if (chart !== null) figure.append(chart);
  if (rows.length === 0) figure.append(element("p", { className: "info" }, "No rows."));
  else
    figure.append(
      element(
        "div",
        { className: "table-scroll" },
        element("table", {}, element("thead", {}, head), element("tbody", {}, ...body)),
      ),
    );
  return figure;
}

function sectionOf(section: ReportSection): HTMLElement {
  const made = element(
    "section",
    { className: "report-section" },
    element("h2", {}, section.title),
    element("ul", { className: "definitions" }, ...section.definitions.map((line) => element("li", {}, line))),
    ...section.tables.map(tableOf),
  );
  made.dataset.section = slug(section.title);
  return made;
}

/** The form: the families asked for (each removable), a field to add one, the `since` day, and the downloads. */
function controlsOf(state: ReportViewState, actions: ReportActions): HTMLElement {
  const family = element("input", {
    name: "family",
    type: "text",
    placeholder: "Model id or org, e.g. Qwen/Qwen2.5-14B or google",
    autocomplete: "off",
    spellcheck: false,
  });
  const since = element("input", { name: "since", type: "date", value: state.since ?? "" });
  const form = element(
    "form",
    { className: "report-controls" },
    element("label", {}, "Add a family ", family),
    element("label", {}, "Created since ", since),
    element("button", { type: "submit" }, "Show"),
  );
  const refusal = element("p", { className: "notice error", hidden: true });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const added = family.value.trim();
    const isNew = added !== "" && !state.families.some((f) => f.toLowerCase() === added.toLowerCase());
    const families = isNew ? [...state.families, added].slice(0, MAX_REPORT_FAMILIES) : state.families;
    const next = { families, since: since.value === "" ? null : since.value };
    if (!isNew) {
      actions.navigate(next);
      return;
    }
    // A family the data does not hold is refused here, keeping the report shown, rather than replacing it with
    // the failure. The report asked for is the one then drawn, which the server answers again from its cache.
    Object.assign(refusal, { className: "info", textContent: `Computing the report with ${added}…`, hidden: false });
    void api.reportDocument(reportApiUrl(next, "document")).then(
      () => actions.navigate(next),
      (error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 404) return actions.navigate(next);
        const guesses = error.suggestions.slice(0, 5);
        refusal.className = "notice error";
        refusal.textContent =
          `Not added: ${error.withoutSuggestions}` +
          (guesses.length > 0 ? ` (did you mean ${guesses.join(", ")}?)` : "");
      },
    );
  });
  const asked = element(
    "ul",
    { className: "report-families" },
    ...state.families.map((name) => {
      const remove = element("button", { type: "button", title: `remove ${name}` }, "×");
      remove.addEventListener("click", () =>
        actions.navigate({ ...state, families: state.families.filter((other) => other !== name) }),
      );
      return element("li", {}, name, " ", remove);
    }),
  );
  const downloads = element(
    "p",
    { className: "report-downloads" },
    "Download: ",
    ...REPORT_DOWNLOADS.flatMap((format, i) => [
      ...(i > 0 ? [" · "] : []),
      element("a", { href: reportApiUrl(state, format), download: "" }, DOWNLOAD_LABELS[format]),
    ]),
  );
  return element("div", {}, form, refusal, asked, downloads);
}

/** Draws the report for the state into `root`; false (with the failure shown) when it could not be read. */
export async function renderReport(
  root: HTMLElement,
  state: ReportViewState,
  actions: ReportActions,
  signal?: AbortSignal,
): Promise<boolean> {
  const heading = element("h1", {}, "Report");
  const intro = element(
    "p",
    { className: "info" },
    "The State of Open Source figures recomputed from this data, each with its definition; the largest org " +
      "families, and any added here. “—” is what the data does not say.",
  );
  const status = element("p", { className: "info" }, "Computing the report…");
  root.replaceChildren(heading, intro, controlsOf(state, actions), status);
  try {
    const sections = await api.reportDocument(reportApiUrl(state, "document"), signal);
    if (signal?.aborted === true) return false;
    status.remove();
    root.append(...sections.map(sectionOf));
    return true;
  } catch (error) {
    if (signal?.aborted === true) return false;
    const failure = element(
      "p",
      { className: "notice error" },
      "The report could not be read: " +
        (error instanceof ApiError ? error.withoutSuggestions : (error as Error).message),
    );
    if (error instanceof ApiError && error.suggestions.length > 0)
      failure.append(` (did you mean ${error.suggestions.slice(0, 5).join(", ")}?)`);
    status.replaceWith(failure);
    return false;
  }
}
