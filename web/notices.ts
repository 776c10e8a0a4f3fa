// What the view says above the graph: the family in one line, what was grouped into fans or left out by the cap,
// and the empty and error states (an unknown id with its close matches as links, a model with no family).

import { parseFanName } from "../src/vocabulary/fan.js";
import { ApiError, type AncestryResponse, type FamilyResponse, type Relation } from "./api.js";
import { overviewLine } from "./collapsed-subtrees.js";
import { RELATION_LABELS } from "./relation-labels.js";

const count = (value: number) => value.toLocaleString("en-US");

function paragraph(className: string, text: string): HTMLParagraphElement {
  const node = document.createElement("p");
  node.className = className;
  node.textContent = text;
  return node;
}

/** The view's filters that narrow what is drawn of the family. */
export interface ViewFilters {
  /** Only these relations are followed down; null for all. */
  relations: readonly Relation[] | null;
  depth: number | null;
}

/**
 * What the relation filter leaves out, when it is on: it follows only its relations down from the query, so a model
 * under another relation is not drawn, nor anything below it. Counted when every model followed is drawn (no cap, no
 * overview, no depth limit: each node is one model, a fan its count).
 */
function relationsFilterLine(response: FamilyResponse, { relations, depth }: ViewFilters): string | null {
  if (relations === null) return null;
  const family = response.family;
  const names = relations.map((relation) => `${RELATION_LABELS[relation]}s`);
  const listed = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
  const followed = `Only ${listed} are followed down`;
  const rest = "a model of another relation is not drawn, nor anything below it";
  if (depth !== null || response.truncated !== null || (response.collapsed?.length ?? 0) > 0)
    return `${followed}: ${rest}.`;
  const own = family.kind === "org" ? family.models : 1;
  const reached = response.graph.nodes.reduce((sum, node) => sum + (node.attributes.fan?.count ?? 1), 0) - own;
  if (reached >= family.descendants.total) return null;
  return (
    `${followed}: ${count(reached)} of the ${count(family.descendants.total)} descendants are reached through ` +
    `them; ${rest}.`
  );
}

/** One line saying what is drawn, and one more per thing the view leaves out. */
export function familyLines(
  response: FamilyResponse,
  ancestry: AncestryResponse | null = null,
  filters: ViewFilters = { relations: null, depth: null },
): { className: string; text: string }[] {
  const family = response.family;
  const lines: { className: string; text: string }[] = [];
  const own = family.kind === "org" ? `${count(family.models)} own models of ${family.query}` : family.query;
  const drawn = response.graph.nodes.length + (ancestry === null ? 0 : ancestry.graph.nodes.length - 1);
  lines.push({
    className: "summary",
    text:
      `${own}: ${count(family.descendants.total)} descendants in all` +
      (ancestry === null ? "" : `, ${count(ancestry.ancestors)} ancestor${ancestry.ancestors === 1 ? "" : "s"}`) +
      `; ${count(drawn)} node${drawn === 1 ? "" : "s"} drawn` +
      (ancestry !== null && ancestry.ancestors > 0 ? " (ancestors above the model, descendants below)." : "."),
  });
  if (ancestry !== null && ancestry.omittedNodes > 0) {
    lines.push({
      className: "notice",
      text:
        `${count(ancestry.omittedNodes)} of the ${count(ancestry.ancestors)} ancestors are not drawn ` +
        "(the farthest; the nearest are kept).",
    });
  }
  if (family.kind === "model" && family.descendants.total === 0) {
    const ancestors = family.ancestors?.length ?? 0;
    lines.push({
      className: "notice",
      text:
        ancestors === 0
          ? "This model declares no base_model and nothing in the snapshot derives from it."
          : `Nothing in the snapshot derives from this model; its ${count(ancestors)} ` +
            `ancestor${ancestors === 1 ? " is" : "s are"} drawn above it.`,
    });
  }
  const filtered = relationsFilterLine(response, filters);
  if (filtered !== null) lines.push({ className: "notice", text: filtered });
  if (response.aggregated.length > 0) {
    const grouped = response.aggregated.reduce((sum, fan) => sum + fan.count, 0);
    lines.push({
      className: "info",
      text:
        `${count(grouped)} leaf models are grouped into ${count(response.aggregated.length)} ` +
        `fan${response.aggregated.length === 1 ? "" : "s"} (same parent, same relation); click a pill to open it.`,
    });
  }
  const overview = overviewLine(response);
  if (overview !== null) lines.push({ className: "info", text: overview });
  else if (response.truncated !== null) {
    lines.push({
      className: "notice",
      text:
        `The family is larger than the cap: ${count(response.truncated.omittedNodes)} models are not drawn. ` +
        "Narrow it with depth or relations, or export the whole family.",
    });
  }
  return lines;
}

export function renderFamilyNotices(
  container: HTMLElement,
  response: FamilyResponse,
  ancestry: AncestryResponse | null,
  filters: ViewFilters,
  expanded: readonly string[],
  onCollapse: (name: string) => void,
): void {
  const parts: HTMLElement[] = familyLines(response, ancestry, filters).map((line) =>
    paragraph(line.className, line.text),
  );
  if (expanded.length > 0) {
    // Every opened fan can be folded again, one by one.
    const list = document.createElement("ul");
    list.className = "open-fans";
    const intro = document.createElement("li");
    intro.textContent = "Open fans:";
    list.append(intro);
    for (const name of expanded) {
      const fan = parseFanName(name);
      if (fan === null) continue;
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link";
      button.dataset.fan = name;
      button.textContent = `collapse the ${RELATION_LABELS[fan.relation]}s of ${fan.parent}`;
      button.addEventListener("click", () => onCollapse(name));
      item.append(button);
      list.append(item);
    }
    parts.push(list);
  }
  container.replaceChildren(...parts);
}

export function renderFanList(
  container: HTMLElement,
  response: FamilyResponse,
  onExpand: (parent: string, relation: FamilyResponse["aggregated"][number]["relation"]) => void,
): void {
  if (response.aggregated.length === 0) {
    container.replaceChildren();
    return;
  }
  const list = document.createElement("ul");
  for (const fan of response.aggregated.slice(0, 50)) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link";
    button.textContent = `${count(fan.count)} ${RELATION_LABELS[fan.relation]}s of ${fan.parent}`;
    button.addEventListener("click", () => onExpand(fan.parent, fan.relation));
    item.append(button);
    list.append(item);
  }
  container.replaceChildren(list);
}

/** Buttons that open each query, in a list. */
function queryButtons(queries: readonly string[], onPick: (query: string) => void): HTMLUListElement {
  const list = document.createElement("ul");
  list.className = "suggestions";
  for (const query of queries) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link";
    button.textContent = query;
    button.addEventListener("click", () => onPick(query));
    item.append(button);
    list.append(item);
  }
  return list;
}

/**
 * Adds to a not-found error the models and orgs whose names contain the text asked for (the search box's matches,
 * the largest families first), which edit distance alone misses for a part of a name ("llama": meta-llama).
 */
export function appendContaining(
  container: HTMLElement,
  text: string,
  matches: readonly string[],
  onPick: (query: string) => void,
): void {
  if (matches.length === 0) return;
  container.append(paragraph("info", `Names that contain "${text}":`), queryButtons(matches, onPick));
}

/** An error in words; for an unknown id, its close matches as buttons that open them. */
export function renderError(container: HTMLElement, error: unknown, onPick: (query: string) => void): void {
  const apiError = error instanceof ApiError ? error : null;
  // The close matches are listed once, as links, not also inside the message.
  const message = apiError?.withoutSuggestions ?? (error as Error).message ?? String(error);
  const parts: HTMLElement[] = [paragraph("error", apiError?.status === 404 ? `Not found: ${message}` : message)];
  if (apiError !== null && apiError.suggestions.length > 0)
    parts.push(paragraph("info", "Did you mean:"), queryButtons(apiError.suggestions, onPick));
  container.replaceChildren(...parts);
}
