// The view's options beside the filters: the layout (depth rows or rings), the in-family centrality the nodes are
// sized by, and the family table's switch. Shows a view's settings and reports changes as a new view.

import { CENTRALITIES, LAYOUTS, type Centrality, type LayoutMode, type ViewState } from "./state.js";

export const CENTRALITY_LABELS: Record<Centrality, string> = {
  pagerank: "PageRank",
  betweenness: "betweenness",
  degree: "degree",
};

const LAYOUT_LABELS: Record<LayoutMode, string> = { rows: "depth rows", radial: "radial (by subtree size)" };

function select(id: string, label: string, options: [string, string][]): [HTMLLabelElement, HTMLSelectElement] {
  const wrapper = document.createElement("label");
  const element = document.createElement("select");
  element.id = id;
  for (const [value, text] of options) {
    const item = document.createElement("option");
    item.value = value;
    item.textContent = text;
    element.append(item);
  }
  wrapper.append(`${label} `, element);
  return [wrapper, element];
}

export interface ViewOptions {
  show(view: ViewState): void;
}

export function createViewOptions(container: HTMLElement, onChange: (change: Partial<ViewState>) => void): ViewOptions {
  const [layoutLabel, layout] = select(
    "layout-input",
    "Layout",
    LAYOUTS.map((mode) => [mode, LAYOUT_LABELS[mode]]),
  );
  const [centralityLabel, centrality] = select("centrality-input", "Size by centrality", [
    ["", "none"],
    ...CENTRALITIES.map((measure): [string, string] => [measure, CENTRALITY_LABELS[measure]]),
  ]);
  const table = document.createElement("button");
  table.type = "button";
  table.id = "table-toggle";
  table.textContent = "Table";
  table.title = "the family's models as a sortable table";
  container.append(layoutLabel, centralityLabel, table);

  let current: ViewState | null = null;
  layout.addEventListener("change", () => onChange({ layout: layout.value as LayoutMode }));
  centrality.addEventListener("change", () =>
    onChange({ centrality: centrality.value === "" ? null : (centrality.value as Centrality) }),
  );
  table.addEventListener("click", () => onChange({ table: !(current?.table ?? false) }));

  return {
    show(view: ViewState) {
      current = view;
      layout.value = view.layout;
      centrality.value = view.centrality ?? "";
      table.setAttribute("aria-pressed", String(view.table));
    },
  };
}
