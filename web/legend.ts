// The colour legend: one row per relation, plus the family's own models, placeholders and fans, each with how
// many of the drawn nodes it covers. Built with DOM calls only: no data ever goes through innerHTML.

import { PLACEHOLDER_COLOR, RELATION_COLORS, ROOT_COLOR } from "../src/vocabulary/palette.js";
import { RELATIONS, type GraphPayload } from "./api.js";
import { RELATION_LABELS } from "./relation-labels.js";

export interface LegendCounts {
  root: number;
  placeholder: number;
  fans: number;
  fanMembers: number;
  byRelation: Record<(typeof RELATIONS)[number], number>;
}

/** How many drawn nodes fall in each legend row (a fan counts once, under its relation). */
export function legendCounts(graph: GraphPayload): LegendCounts {
  const counts: LegendCounts = {
    root: 0,
    placeholder: 0,
    fans: 0,
    fanMembers: 0,
    byRelation: { finetune: 0, adapter: 0, quantized: 0, merge: 0, unknown: 0 },
  };
  for (const { attributes } of graph.nodes) {
    if (attributes.fan !== undefined) {
      counts.fans += 1;
      counts.fanMembers += attributes.fan.count;
    }
    if (attributes.placeholder) counts.placeholder += 1;
    else if (attributes.root || attributes.relation === null) counts.root += 1;
    else counts.byRelation[attributes.relation] += 1;
  }
  return counts;
}

function row(color: string, label: string, count: number, hollow = false): HTMLLIElement {
  const item = document.createElement("li");
  const swatch = document.createElement("span");
  swatch.className = hollow ? "swatch swatch-fan" : "swatch";
  swatch.style.backgroundColor = color;
  const name = document.createElement("span");
  name.className = "legend-label";
  name.textContent = label;
  const number = document.createElement("span");
  number.className = "legend-count";
  number.textContent = count.toLocaleString("en-US");
  item.append(swatch, name, number);
  return item;
}

export function renderLegend(container: HTMLElement, counts: LegendCounts): void {
  const list = document.createElement("ul");
  list.append(row(ROOT_COLOR, "family's own model / root", counts.root));
  for (const relation of RELATIONS)
    list.append(row(RELATION_COLORS[relation], RELATION_LABELS[relation], counts.byRelation[relation]));
  list.append(row(PLACEHOLDER_COLOR, "placeholder (no record)", counts.placeholder));
  if (counts.fans > 0) {
    const fan = row(
      "#ffffff",
      `grouped fans (${counts.fanMembers.toLocaleString("en-US")} models, click to expand)`,
      counts.fans,
      true,
    );
    list.append(fan);
  }
  container.replaceChildren(list);
}
