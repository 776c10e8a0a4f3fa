// What the view says above the graph: the family in one line, what was grouped into fans or left out by the cap,
// and the empty and error states (an unknown id with its close matches as links, a model with no family).

import { parseFanName } from "../src/vocabulary/fan.js";
import { ApiError, type AncestryResponse, type FamilyResponse } from "./api.js";
import { overviewLine } from "./collapsed-subtrees.js";
import { RELATION_LABELS } from "./relation-labels.js";

const count = (value: number) => value.toLocaleString("en-US");

function paragraph(className: string, text: string): HTMLParagraphElement {
  const node = document.createElement("p");
  node.className = className;
  node.textContent = text;
  return node;
}

/** One line saying what is drawn, and one more per thing the view leaves out. */
export function familyLines(
  response: FamilyResponse,
  ancestry: AncestryResponse | null = null,
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
      `; ${count(drawn)} nodes drawn` +
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
  expanded: readonly string[],
  onCollapse: (name: string) => void,
): void {
  const parts: HTMLElement[] = familyLines(response, ancestry).map((line) => paragraph(line.className, line.text));
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

/** An error in words; for an unknown id, its close matches as buttons that open them. */
export function renderError(container: HTMLElement, error: unknown, onPick: (query: string) => void): void {
  const apiError = error instanceof ApiError ? error : null;
  const suggestions = apiError?.suggestions ?? [];
  // The close matches are listed once, as links, not also inside the message.
  const full = apiError?.message ?? (error as Error).message ?? String(error);
  const message = suggestions.length > 0 ? full.replace(/;? ?did you mean .*$/s, "") : full;
  const parts: HTMLElement[] = [paragraph("error", apiError?.status === 404 ? `Not found: ${message}` : message)];
  if (apiError !== null && apiError.suggestions.length > 0) {
    const intro = paragraph("info", "Did you mean:");
    const list = document.createElement("ul");
    list.className = "suggestions";
    for (const suggestion of apiError.suggestions) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link";
      button.textContent = suggestion;
      button.addEventListener("click", () => onPick(suggestion));
      item.append(button);
      list.append(item);
    }
    parts.push(intro, list);
  }
  container.replaceChildren(...parts);
}
