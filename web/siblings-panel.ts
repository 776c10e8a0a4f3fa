// The panel's siblings of a model (/api/siblings): what else was built on the same parents, a count per relation
// and the most downloaded few of each, as buttons that open them.

import { RELATION_COLORS } from "../src/vocabulary/palette.js";
import { RELATIONS, type SiblingsResponse } from "./api.js";
import { RELATION_LABELS } from "./relation-labels.js";

/** Siblings named per relation; the count says how many there are. */
export const SIBLINGS_LISTED = 5;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function siblingsSection(report: SiblingsResponse, select: (id: string) => void): HTMLElement {
  const section = element("section", "siblings");
  section.append(element("h3", undefined, `Siblings (${report.total.toLocaleString("en-US")})`));
  if (report.total === 0) {
    section.append(
      element(
        "p",
        "muted",
        report.placeholder
          ? "No record of this model, so its parents, and its siblings, are not known."
          : report.parents.length === 0
            ? "No parent, so no siblings."
            : "Nothing else on its parents.",
      ),
    );
    return section;
  }
  const list = element("ul", "sibling-groups");
  for (const relation of RELATIONS) {
    const siblings = report.byRelation[relation];
    if (siblings.length === 0) continue;
    const item = element("li");
    item.dataset.siblings = relation;
    const swatch = element("span", "swatch");
    swatch.style.backgroundColor = RELATION_COLORS[relation];
    item.append(
      swatch,
      element("strong", undefined, `${RELATION_LABELS[relation]} ${siblings.length.toLocaleString("en-US")}: `),
    );
    siblings.slice(0, SIBLINGS_LISTED).forEach((sibling, at) => {
      if (at > 0) item.append(", ");
      const button = element("button", "link", sibling.id);
      button.type = "button";
      button.addEventListener("click", () => select(sibling.id));
      item.append(button);
    });
    if (siblings.length > SIBLINGS_LISTED)
      item.append(` … ${(siblings.length - SIBLINGS_LISTED).toLocaleString("en-US")} more`);
    list.append(item);
  }
  section.append(list);
  return section;
}
