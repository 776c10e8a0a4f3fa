// The overview of a family too large to draw whole: what its collapsed nodes ("1,234 more") say, which request
// opens one (the model above it, or the query for its own models), and the list of opened ones to fold again.

import type { FamilyResponse, ViewNodeAttributes } from "./api.js";
import { countText } from "./count-text.js";

type Collapsed = NonNullable<ViewNodeAttributes["collapsed"]>;

/** A collapsed node's words: "1,234 more". */
export function collapsedText(collapsed: Pick<Collapsed, "count">): string {
  return `${countText(collapsed.count)} more`;
}

/** What `open` names to draw a collapsed node's subtrees: the model above it, or the query for its own models. */
export function openName(response: Pick<FamilyResponse, "query">, collapsed: Pick<Collapsed, "parent">): string {
  return collapsed.parent ?? response.query;
}

/** The notice of an overview, or null when the family is drawn whole or under a node cap. */
export function overviewLine(response: FamilyResponse): string | null {
  if (response.collapsed === undefined) return null;
  const nodes = response.collapsed.length;
  const models = response.collapsed.reduce((sum, node) => sum + node.count, 0);
  return (
    `An overview: the largest subtrees are drawn, and ${countText(models)} models are folded into ` +
    `${countText(nodes)} collapsed node${nodes === 1 ? "" : "s"} ("… more"); click one to open it, or zoom in.`
  );
}

/** One button per opened subtree, to fold it again; appended to `container`. */
export function renderOpenedSubtrees(
  container: HTMLElement,
  opened: readonly string[],
  onFold: (name: string) => void,
): void {
  if (opened.length === 0) return;
  const list = document.createElement("ul");
  list.className = "open-fans";
  const intro = document.createElement("li");
  intro.textContent = "Opened:";
  list.append(intro);
  for (const name of opened) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link";
    button.dataset.opened = name;
    button.textContent = `fold what is below ${name}`;
    button.addEventListener("click", () => onFold(name));
    item.append(button);
    list.append(item);
  }
  container.append(list);
}
