// The colour control (relation, licence, or a centrality in the family: one choice), the "licence findings" filter,
// and the list of findings: each model with the ancestor whose licence it breaks and the path from it, as text.

import type { LicencesPage, LicencesResponse } from "../src/server/wire-types.js";
import { apiUrl } from "./api.js";
import type { ColourMode, ViewState } from "./state.js";

/** Findings listed on the page (the first of the family's, asked for alone); the rest are in the CSV. */
export const FINDINGS_LISTED = 200;

export interface LicenceControls {
  show(view: ViewState): void;
}

/** Wires the colour choice and the findings box of the page; reports changes as a new view, holding no state. */
export function createLicenceControls(
  fieldset: HTMLFieldSetElement,
  onChange: (change: Partial<ViewState>) => void,
): LicenceControls {
  const colour = fieldset.querySelector<HTMLSelectElement>('select[name="colour"]');
  const findings = fieldset.querySelector<HTMLInputElement>('input[name="findings"]');
  if (colour === null || findings === null) throw new Error("viewer: the licence controls are missing");
  fieldset.addEventListener("change", (event) => {
    event.stopPropagation();
    const target = event.target;
    if (target === colour) onChange({ colour: colour.value as ColourMode });
    if (target === findings) onChange({ findings: findings.checked });
  });
  return {
    show(view) {
      colour.value = view.colour;
      findings.checked = view.findings;
      fieldset.disabled = view.path !== null;
    },
  };
}

const KIND_WORDS: Record<LicencesResponse["findings"][number]["kind"], string> = {
  "non-commercial": "drops a non-commercial term of",
  "no-derivatives": "derives from a no-derivatives licence of",
  "share-alike": "drops the share-alike term of",
  "use-restrictions": "drops the use terms of",
  "none-declared": "declares no licence; nearest declared ancestor",
  "merge-incompatible": "merges parents whose licences cannot both be kept:",
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The first findings of the family as a list, with how many there are: the model, what it breaks, the ancestor and
 * the path, in order.
 */
export function renderFindings(
  container: HTMLDetailsElement,
  report: LicencesPage,
  select: (id: string) => void,
): void {
  const button = (id: string) => {
    const link = element("button", "link", id);
    link.type = "button";
    link.addEventListener("click", () => select(id));
    return link;
  };
  const total = report.total.findings;
  const summary = element("summary", undefined, `Licence findings (${total.toLocaleString("en-US")})`);
  const list = element("ol", "findings");
  for (const finding of report.findings.slice(0, FINDINGS_LISTED)) {
    const item = element("li");
    item.dataset.finding = finding.id;
    item.dataset.kind = finding.kind;
    item.append(button(finding.id), ` (${finding.licence}) ${KIND_WORDS[finding.kind]} `);
    if (finding.with !== undefined) item.append(button(finding.with.id), ` (${finding.with.licence}) and `);
    if (finding.ancestor !== null) item.append(button(finding.ancestor), ` (${finding.ancestorLicence ?? "—"})`);
    else item.append("—");
    if (finding.path.length > 2) item.append(element("div", "muted path-text", finding.path.join(" → ")));
    list.append(item);
  }
  const more = total - Math.min(report.findings.length, FINDINGS_LISTED);
  const csv = element("a", undefined, "all findings as CSV");
  csv.href = apiUrl("/api/licenses", { q: report.query, format: "csv" });
  csv.download = "";
  const foot = element("p", "muted");
  if (more > 0) foot.append(`… ${more.toLocaleString("en-US")} more: `);
  foot.append(csv);
  if (total === 0) list.append(element("li", "muted", "No licence findings in this family."));
  container.replaceChildren(summary, list, foot);
  container.hidden = false;
}
