// Centrality in the family: PageRank, betweenness or degree computed with graphology-metrics on the family's
// subgraph as drawn (its models and the edges among them; fans and ancestors are not models of the family), and
// how a value is shown: a node's size, or its colour on a sequential scale the legend explains.

import { DirectedGraph } from "graphology";
import { subgraph } from "graphology-operators";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import { degreeCentrality } from "graphology-metrics/centrality/degree.js";
import pagerankModule from "graphology-metrics/centrality/pagerank.js";
import type { GraphPayload } from "./api.js";
import type { LegendRow } from "./legend.js";
import type { Centrality } from "./state.js";

/** How a centrality is shown: as the nodes' size, or as their colour. */
export type CentralityShownAs = "size" | "colour";

// CommonJS packages: at run time the default import is the function itself (module.exports); their typings
// describe an ES module whose default is that function, one level further down.
const pagerank = pagerankModule as unknown as typeof pagerankModule.default;
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;

/** The attributes centrality needs of a drawn node. */
interface FamilyNode {
  row: number;
  fan?: unknown;
  collapsed?: unknown;
}

/**
 * The family's subgraph of a drawn lineage: drawn models at depth 0 and below, and the edges among them (a fan or
 * an overview's collapsed node stands for several models, and is none of them).
 */
export function familySubgraph(graph: DirectedGraph<FamilyNode>): DirectedGraph {
  const members = graph.filterNodes(
    (_key, attributes) => attributes.fan === undefined && attributes.collapsed === undefined && attributes.row >= 0,
  );
  return subgraph(graph, members) as DirectedGraph;
}

/** Each family member's centrality, by id, as graphology-metrics computes it on the family's subgraph. */
export function familyCentrality(graph: DirectedGraph<FamilyNode>, measure: Centrality): Map<string, number> {
  const family = familySubgraph(graph);
  if (family.order === 0) return new Map();
  const values =
    measure === "pagerank"
      ? pagerank(family, { getEdgeWeight: null })
      : measure === "betweenness"
        ? betweennessCentrality(family, { getEdgeWeight: null })
        : degreeCentrality(family);
  return new Map(Object.entries(values));
}

/**
 * Each family member's centrality from the family answer itself (its nodes are the family, depth 0 and below), so
 * the layout can keep room for the dots it sizes before anything is drawn.
 */
export function answerCentrality(graph: GraphPayload, measure: Centrality): Map<string, number> {
  const family = new DirectedGraph<FamilyNode>();
  for (const { key, attributes } of graph.nodes)
    family.addNode(key, { row: attributes.depth, fan: attributes.fan, collapsed: attributes.collapsed });
  for (const { source, target } of graph.edges)
    if (family.hasNode(source) && family.hasNode(target) && !family.hasEdge(source, target))
      family.addEdge(source, target);
  return familyCentrality(family, measure);
}

/** Eight steps of viridis, low to high: readable by colour-blind readers and in grey. */
export const CENTRALITY_SCALE = [
  "#440154",
  "#46327e",
  "#365c8d",
  "#277f8e",
  "#1fa187",
  "#4ac16d",
  "#a0da39",
  "#fde725",
] as const;

export interface CentralityDisplay {
  values: ReadonlyMap<string, number>;
  /** The largest value (the scale's top). */
  max: number;
  shownAs: CentralityShownAs;
}

export function centralityDisplay(values: ReadonlyMap<string, number>, shownAs: CentralityShownAs): CentralityDisplay {
  let max = 0;
  for (const value of values.values()) max = Math.max(max, value);
  return { values, max, shownAs };
}

/** A value's step on the colour scale. */
export function centralityColour(value: number, max: number): string {
  const step = max > 0 ? Math.min(CENTRALITY_SCALE.length - 1, Math.floor((value / max) * CENTRALITY_SCALE.length)) : 0;
  return CENTRALITY_SCALE[step]!;
}

/** A dot's radius for a value: 3 to 14 pixels, its area in proportion to the value. */
export function centralitySize(value: number, max: number): number {
  return 3 + 11 * Math.sqrt(max > 0 ? value / max : 0);
}

/** The radius each model is drawn at when its size shows a centrality: the room the layout keeps for its dot. */
export function centralityRadii(values: ReadonlyMap<string, number>): Map<string, number> {
  const { max } = centralityDisplay(values, "size");
  return new Map([...values].map(([key, value]) => [key, centralitySize(value, max)]));
}

/**
 * What a drawn node shows under a centrality display: a node outside the family keeps its own look, and a node
 * the hover fades keeps its faded colour.
 */
export function withCentrality<T extends { color: string; size: number }>(
  display: T,
  key: string,
  centrality: CentralityDisplay | null,
  scale: number,
  lit: boolean,
): T {
  const value = centrality?.values.get(key);
  if (centrality === null || value === undefined) return display;
  if (centrality.shownAs === "size") return { ...display, size: centralitySize(value, centrality.max) * scale };
  return lit ? { ...display, color: centralityColour(value, centrality.max) } : display;
}

/** The legend's line for a centrality display, as the page and the PNG show it: the colour scale with its words. */
export function centralityLegendRow(label: string, centrality: CentralityDisplay): LegendRow {
  const models = centrality.values.size.toLocaleString("en-US");
  return {
    color: "#ffffff",
    label:
      `${centrality.shownAs === "size" ? "node size" : "node colour"}: ${label} in the family ` +
      `(${models} drawn models and the edges among them), 0 to ${centrality.max.toPrecision(3)}`,
    count: null,
    ...(centrality.shownAs === "colour" ? { scale: CENTRALITY_SCALE } : {}),
  };
}

/** Appends the centrality's line to the legend. */
export function renderCentralityLegend(container: HTMLElement, label: string, centrality: CentralityDisplay): void {
  const item = document.createElement("li");
  item.className = "centrality-legend";
  const text = document.createElement("span");
  text.textContent = centralityLegendRow(label, centrality).label;
  item.append(text);
  if (centrality.shownAs === "colour") {
    const bar = document.createElement("span");
    bar.className = "centrality-scale";
    for (const colour of CENTRALITY_SCALE) {
      const step = document.createElement("span");
      step.style.backgroundColor = colour;
      bar.append(step);
    }
    item.prepend(bar);
  }
  container.querySelector("ul")?.append(item);
}
