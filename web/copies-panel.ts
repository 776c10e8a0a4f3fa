// The panel's runnable copies and adapters of a model (/api/quants, /api/adapters): the most downloaded few with
// format, bits, publisher and downloads, and a link to the whole list as JSON. Text and buttons only.

import { apiUrl, type CopiesResponse } from "./api.js";
import { formatCount } from "./unknown.js";

/** Copies listed in the panel; the link gives them all. */
export const COPIES_LISTED = 5;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Bit widths as the panel shows them: "4, 8", or "unknown" when the record shows none. */
export function bitsText(bits: CopiesResponse["models"][number]["bits"]): string {
  return bits === "unknown" ? "unknown" : bits.join(", ");
}

/** One section: a heading with the count, a table of the first copies, and the whole list's JSON. */
export function copiesSection(report: CopiesResponse, select: (id: string) => void): HTMLElement {
  const quantized = report.relation === "quantized";
  const section = element("section", "copies");
  section.dataset.copies = report.relation;
  const title = quantized ? "Runnable copies (quantizations)" : "Adapters";
  section.append(element("h3", undefined, `${title} (${report.models.length.toLocaleString("en-US")})`));
  if (report.models.length === 0) {
    section.append(element("p", "muted", quantized ? "No quantization of this model." : "No adapter on this model."));
    return section;
  }
  const table = element("table", "copies-table");
  const head = element("tr");
  // A heading too long for its narrow column ends in "…"; its whole word shows on hover.
  for (const name of ["model", "format", "bits", "publisher", "downloads"])
    head.append(Object.assign(element("th", undefined, name), { title: name }));
  table.append(head);
  for (const copy of report.models.slice(0, COPIES_LISTED)) {
    const row = element("tr");
    row.dataset.copy = copy.id;
    const name = element("td");
    const button = element("button", "link", copy.id.slice(copy.id.indexOf("/") + 1));
    button.type = "button";
    button.title = copy.id;
    button.addEventListener("click", () => select(copy.id));
    name.append(button);
    row.append(
      name,
      element("td", undefined, copy.format),
      element("td", undefined, bitsText(copy.bits)),
      element("td", undefined, copy.publisher ?? "—"),
      element("td", "number", formatCount(copy.downloads)),
    );
    table.append(row);
  }
  const all = element("a", undefined, `all ${report.models.length.toLocaleString("en-US")} as JSON`);
  all.href = apiUrl(quantized ? "/api/quants" : "/api/adapters", { id: report.id });
  all.target = "_blank";
  all.rel = "noopener";
  const foot = element("p", "muted");
  if (report.unknownFormat > 0) foot.append(`${formatCount(report.unknownFormat)} show no format; `);
  foot.append(all);
  section.append(table, foot);
  return section;
}
