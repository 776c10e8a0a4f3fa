// What the view says above the graph: the family in one line, what was grouped into fans or left out by the cap,
// and the empty and error states (an unknown id with its close matches as links, a model with no family).

import { ApiError, type FamilyResponse } from "./api.js";
import { RELATION_LABELS } from "./relation-labels.js";

const count = (value: number) => value.toLocaleString("en-US");

function paragraph(className: string, text: string): HTMLParagraphElement {
  const node = document.createElement("p");
  node.className = className;
  node.textContent = text;
  return node;
}

/** One line saying what is drawn, and one more per thing the view leaves out. */
export function familyLines(response: FamilyResponse): { className: string; text: string }[] {
  const family = response.family;
  const lines: { className: string; text: string }[] = [];
  const own = family.kind === "org" ? `${count(family.models)} own models of ${family.query}` : family.query;
  lines.push({
    className: "summary",
    text:
      `${own}: ${count(family.descendants.total)} descendants in all; ` +
      `${count(response.graph.nodes.length)} nodes drawn.`,
  });
  if (family.kind === "model" && family.descendants.total === 0) {
    const ancestors = family.ancestors?.length ?? 0;
    lines.push({
      className: "notice",
      text:
        ancestors === 0
          ? "This model declares no base_model and nothing in the snapshot derives from it."
          : `Nothing in the snapshot derives from this model; it has ${count(ancestors)} ` +
            `ancestor${ancestors === 1 ? "" : "s"} (see the panel).`,
    });
  }
  if (response.aggregated.length > 0) {
    const grouped = response.aggregated.reduce((sum, fan) => sum + fan.count, 0);
    lines.push({
      className: "info",
      text:
        `${count(grouped)} leaf models are grouped into ${count(response.aggregated.length)} ` +
        `fan${response.aggregated.length === 1 ? "" : "s"} (same parent, same relation); click a fan to expand it.`,
    });
  }
  if (response.truncated !== null) {
    lines.push({
      className: "notice",
      text:
        `The family is larger than the cap: ${count(response.truncated.omittedNodes)} models are not drawn. ` +
        "Narrow it with depth or relations, or export the whole family.",
    });
  }
  return lines;
}

export function renderFamilyNotices(container: HTMLElement, response: FamilyResponse): void {
  container.replaceChildren(...familyLines(response).map((line) => paragraph(line.className, line.text)));
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
  const message = apiError?.message ?? (error as Error).message ?? String(error);
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
