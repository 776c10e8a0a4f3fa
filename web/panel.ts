// The side panel of one model (/api/model): Hub link, author, dates, licence, counts by relation, its direct
// parents with their relations, the ancestry as a breadcrumb and "show this family". Every value from the data
// goes in through textContent or attributes; a value the data does not hold is "—".

import { RELATION_COLORS } from "../src/vocabulary/palette.js";
import { RELATIONS, type ModelResponse } from "./api.js";
import { RELATION_LABELS } from "./relation-labels.js";
import { formatCount } from "./unknown.js";
import { NO_LICENCE, UNKNOWN_LICENCE } from "../src/vocabulary/declared-licence.js";

export interface PanelActions {
  select(id: string): void;
  showFamily(id: string): void;
  close(): void;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The model's page on the Hub, built here from the id so no other address can reach the link. */
export function hubUrl(id: string): string {
  return `https://huggingface.co/${id.split("/").map(encodeURIComponent).join("/")}`;
}

function day(value: string | null): string {
  return value === null ? "—" : value.slice(0, 10);
}

/** The declared licence: `unknown` (no record was read) is "—", as every value the data does not hold. */
function licenceText(declared: string): string {
  if (declared === UNKNOWN_LICENCE) return "— (no record read)";
  return declared === NO_LICENCE ? "none declared" : declared;
}

function facts(info: ModelResponse): HTMLDListElement {
  const list = element("dl", "facts");
  const add = (term: string, value: string) =>
    list.append(element("dt", undefined, term), element("dd", undefined, value));
  const model = info.model;
  add("author", model.author ?? "—");
  add("created", day(model.createdAt));
  add("last modified", day(model.lastModified));
  add("licence", licenceText(model.declaredLicence));
  add("downloads (30 days)", formatCount(model.downloads));
  add("likes", formatCount(model.likes));
  if (model.pipelineTag !== null) add("task", model.pipelineTag);
  if (model.libraryName !== null) add("library", model.libraryName);
  if (model.gated !== null && model.gated !== false) add("gated", String(model.gated));
  add(
    "relation to its base",
    model.placeholder
      ? "— (no record)"
      : model.relation === null
        ? "none: no base_model declared"
        : RELATION_LABELS[model.relation],
  );
  // A model without a record has unknown bases, so how many generations lie above it is not known either.
  add("generation", info.metrics === null || model.placeholder ? "—" : String(info.metrics.generation));
  return list;
}

function counts(info: ModelResponse): HTMLTableElement {
  const table = element("table", "counts");
  const head = element("tr");
  head.append(
    element("th", undefined, "relation"),
    element("th", undefined, "children"),
    element("th", undefined, "descendants"),
  );
  table.append(head);
  const addRow = (label: string, key: string, children: number, descendants: number, color?: string) => {
    const row = element("tr");
    const name = element("th");
    if (color !== undefined) {
      const swatch = element("span", "swatch");
      swatch.style.backgroundColor = color;
      name.append(swatch);
    }
    name.append(label);
    const childCell = element("td", undefined, children.toLocaleString("en-US"));
    childCell.dataset.count = `children-${key}`;
    const descendantCell = element("td", undefined, descendants.toLocaleString("en-US"));
    descendantCell.dataset.count = `descendants-${key}`;
    row.append(name, childCell, descendantCell);
    table.append(row);
  };
  for (const relation of RELATIONS) {
    addRow(
      RELATION_LABELS[relation],
      relation,
      info.children.byRelation[relation],
      info.descendants.byRelation[relation],
      RELATION_COLORS[relation],
    );
  }
  addRow("total", "total", info.children.total, info.descendants.total);
  return table;
}

/** The direct parents, each with the relation of its edge; a parent with no record says so. */
function parents(info: ModelResponse, actions: PanelActions): HTMLElement {
  const list = element("ul", "parents");
  list.setAttribute("aria-label", "direct parents");
  for (const parent of info.parents ?? []) {
    const item = element("li");
    item.dataset.parent = parent.id;
    const swatch = element("span", "swatch");
    swatch.style.backgroundColor = RELATION_COLORS[parent.relation];
    const button = element("button", "link", parent.id);
    button.type = "button";
    button.addEventListener("click", () => actions.select(parent.id));
    const what = element("span", "parent-relation muted", RELATION_LABELS[parent.relation]);
    if (parent.placeholder) what.append(" ", element("span", "tag", "no record"));
    const text = element("span");
    text.append(button, what);
    item.append(swatch, text);
    list.append(item);
  }
  return list;
}

function breadcrumb(info: ModelResponse, actions: PanelActions): HTMLElement {
  const nav = element("nav", "breadcrumb");
  nav.setAttribute("aria-label", "ancestry");
  const path = info.ancestry.paths[0];
  if (path === undefined || path.length <= 1) {
    nav.append(
      element(
        "span",
        "muted",
        info.model.placeholder
          ? "No record of this model, so its own bases are not known."
          : "No base_model declared: this model is a root.",
      ),
    );
    return nav;
  }
  const list = element("ol");
  for (const id of [...path].reverse()) {
    const item = element("li");
    if (id === info.model.id) item.append(element("strong", undefined, id));
    else {
      const button = element("button", "link", id);
      button.type = "button";
      button.addEventListener("click", () => actions.select(id));
      item.append(button);
    }
    list.append(item);
  }
  nav.append(list);
  const others = info.ancestry.paths.length - 1;
  if (others > 0 || info.ancestry.truncated) {
    const note =
      `${others.toLocaleString("en-US")}${info.ancestry.truncated ? "+" : ""} other path${others === 1 ? "" : "s"} ` +
      "up to a model with no base or no record (a merge has several parents)";
    nav.append(element("p", "muted", note));
  }
  return nav;
}

function notes(info: ModelResponse): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (info.model.placeholder) {
    out.push(
      element(
        "p",
        "notice",
        "No record of this model in the snapshot: it is named as a base by other models, but it was deleted, " +
          "is private or gated, or lies outside the crawl.",
      ),
    );
  }
  if (!info.model.placeholder && info.ancestors.length === 0 && info.descendants.total === 0) {
    out.push(element("p", "notice", "This model declares no base_model and nothing in the snapshot derives from it."));
  }
  return out;
}

export function renderPanel(container: HTMLElement, info: ModelResponse, actions: PanelActions): void {
  const header = element("header");
  const title = element("h2", undefined, info.model.id);
  const close = element("button", "close", "×");
  close.type = "button";
  close.setAttribute("aria-label", "close the panel");
  close.addEventListener("click", () => actions.close());
  header.append(title, close);

  const links = element("p", "panel-actions");
  const hub = element("a", undefined, "Open on the Hub");
  hub.href = hubUrl(info.model.id);
  hub.target = "_blank";
  hub.rel = "noopener noreferrer";
  const family = element("button", undefined, "Show this family");
  family.type = "button";
  family.addEventListener("click", () => actions.showFamily(info.model.id));
  links.append(hub, family);

  container.replaceChildren(
    header,
    links,
    ...notes(info),
    facts(info),
    element("h3", undefined, "Derived models"),
    counts(info),
    ...((info.parents ?? []).length > 0
      ? [element("h3", undefined, `Direct parents (${(info.parents ?? []).length})`), parents(info, actions)]
      : []),
    element("h3", undefined, "Ancestry"),
    breadcrumb(info, actions),
  );
  container.dataset.model = info.model.id;
  container.hidden = false;
}

export function renderPanelMessage(container: HTMLElement, id: string, message: string, actions: PanelActions): void {
  const header = element("header");
  const close = element("button", "close", "×");
  close.type = "button";
  close.setAttribute("aria-label", "close the panel");
  close.addEventListener("click", () => actions.close());
  header.append(element("h2", undefined, id), close);
  container.replaceChildren(header, element("p", "notice", message));
  container.dataset.model = id;
  container.hidden = false;
}
