// The colour legend: one row per relation, plus models with no base, placeholders and fans, each with how many of
// the drawn nodes it covers. Built with DOM calls only: no data ever goes through innerHTML.

import { PLACEHOLDER_COLOR, RELATION_COLORS, ROOT_COLOR } from "../src/vocabulary/palette.js";
import { RELATIONS, type ViewNodeAttributes } from "./api.js";
import { RELATION_LABELS } from "./relation-labels.js";

export interface LegendCounts {
  root: number;
  placeholder: number;
  fans: number;
  fanMembers: number;
  /** Collapsed nodes of an overview, and the models folded in them. */
  collapsed: number;
  collapsedMembers: number;
  byRelation: Record<(typeof RELATIONS)[number], number>;
}

/**
 * How many drawn nodes fall in each legend row (a fan counts once, under its relation; a collapsed node in its own
 * row), as the reducers colour.
 */
/** The attributes the legend counts: the same in the family's answer as in its drawing. */
type CountedNode = Pick<ViewNodeAttributes, "fan" | "collapsed" | "placeholder" | "relation">;

export function legendCounts(graph: { nodes: readonly { attributes: CountedNode }[] }): LegendCounts {
  const counts: LegendCounts = {
    root: 0,
    placeholder: 0,
    fans: 0,
    fanMembers: 0,
    collapsed: 0,
    collapsedMembers: 0,
    byRelation: { finetune: 0, adapter: 0, quantized: 0, merge: 0, unknown: 0 },
  };
  for (const { attributes } of graph.nodes) {
    if (attributes.fan !== undefined) {
      counts.fans += 1;
      counts.fanMembers += attributes.fan.count;
    }
    if (attributes.collapsed !== undefined) {
      counts.collapsed += 1;
      counts.collapsedMembers += attributes.collapsed.count;
    } else if (attributes.placeholder) counts.placeholder += 1;
    else if (attributes.relation === null) counts.root += 1;
    else counts.byRelation[attributes.relation] += 1;
  }
  return counts;
}

/** The legend's rows, for the page and the PNG alike. */
/**
 * A legend row, for the page and the PNG alike: `pill` rows stand for a fan's pill (solid outline) or a collapsed
 * node's (dashed), a `scale` row for a colour scale; `count` is null where the row counts no nodes.
 */
export interface LegendRow {
  color: string;
  label: string;
  count: number | null;
  pill?: "fan" | "collapsed";
  scale?: readonly string[];
}

/**
 * The relation legend's rows. When the family's models are coloured by something else (a centrality), the relation
 * colours are still those of the edges, the pills and the nodes outside the family: those rows count no nodes.
 */
export function legendRows(counts: LegendCounts, modelsByRelation = true): LegendRow[] {
  const rows: LegendRow[] = [{ color: ROOT_COLOR, label: "no base_model (a root)", count: counts.root }];
  for (const relation of RELATIONS)
    rows.push({
      color: RELATION_COLORS[relation],
      label: RELATION_LABELS[relation],
      count: counts.byRelation[relation],
    });
  rows.push({ color: PLACEHOLDER_COLOR, label: "placeholder (no record)", count: counts.placeholder });
  if (counts.fans > 0)
    rows.push({
      color: "#ffffff",
      label:
        `fans (${counts.fanMembers.toLocaleString("en-US")} models; ` +
        "click a pill or ringed dot, or reach it with the arrow keys and press Enter, to open it)",
      count: counts.fans,
      pill: "fan",
    });
  if (counts.collapsed > 0)
    rows.push({
      color: "#ffffff",
      label: `collapsed subtrees (${counts.collapsedMembers.toLocaleString("en-US")} models; opened like fans)`,
      count: counts.collapsed,
      pill: "collapsed",
    });
  return modelsByRelation ? rows : rows.map((row) => (row.pill === undefined ? { ...row, count: null } : row));
}

function row(color: string, label: string, count: number | null, pill?: LegendRow["pill"]): HTMLLIElement {
  const item = document.createElement("li");
  const swatch = document.createElement("span");
  swatch.className = pill === undefined ? "swatch" : `swatch swatch-pill swatch-${pill}`;
  swatch.style.backgroundColor = color;
  const name = document.createElement("span");
  name.className = "legend-label";
  name.textContent = label;
  item.append(swatch, name);
  if (count !== null) {
    const number = document.createElement("span");
    number.className = "legend-count";
    number.textContent = count.toLocaleString("en-US");
    item.append(number);
  }
  return item;
}

/** The note under the relation legend. */
export function relationNote(modelsByRelation: boolean): string {
  return modelsByRelation
    ? "edges: parent → child, in the child's relation colour; a ring marks the query"
    : "relation colours: edges (parent → child, the child's relation), pills, and ancestors; a ring marks the query";
}

/** The relation legend (see legendRows; a centrality's scale is appended after it). */
export function renderLegend(container: HTMLElement, counts: LegendCounts, modelsByRelation = true): void {
  const list = document.createElement("ul");
  for (const entry of legendRows(counts, modelsByRelation))
    list.append(row(entry.color, entry.label, entry.count, entry.pill));
  const note = document.createElement("li");
  note.className = "legend-note";
  note.textContent = relationNote(modelsByRelation);
  list.append(note);
  container.replaceChildren(list);
}
