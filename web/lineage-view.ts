// One drawn lineage from the API's answers: the family below the queried model and its ancestors above it, each
// node with its row (depth from the query), its label (the org added where two drawn models share a name) and box.

import type { AncestryResponse, FamilyResponse, GraphPayload, PayloadNode, ViewNodeAttributes } from "./api.js";
import { lineageLayout, type Layout, type LayoutItem } from "./layout.js";
import { collapsedText } from "./collapsed-subtrees.js";
import { countText } from "./count-text.js";
import { radialLayout } from "./radial-layout.js";
import type { LayoutMode } from "./state.js";
import { knownNumber } from "./unknown.js";
import { RELATION_LABELS } from "./relation-labels.js";

/** What the page draws about a node, besides what the server sent. */
export interface DrawnNodeAttributes extends ViewNodeAttributes {
  /** Depth from the queried model: 0 for the family's own models, negative above them. */
  row: number;
  /** The label drawn beside the node (a fan's count and relation). */
  name: string;
  /** The label's width in pixels, as the page's font measures it. */
  labelWidth: number;
  /** The dot's radius in the layout (the largest it takes in either size mode). */
  radius: number;
  /** One of the family's own models (the query). */
  queried: boolean;
}

export interface DrawnPayload {
  nodes: { key: string; attributes: DrawnNodeAttributes }[];
  edges: GraphPayload["edges"];
}

export interface DrawnLineage {
  graph: DrawnPayload;
  layout: Layout;
  /** Ancestors known, and how many of them are drawn (null for an org, which has none drawn). */
  ancestors: { total: number; drawn: number; omitted: number } | null;
}

/** The font the labels are drawn in (the overlay and the measurements agree on it). */
export const LABEL_FONT_SIZE = 12;
export const LABEL_FONT = `${LABEL_FONT_SIZE}px "DejaVu Sans", system-ui, sans-serif`;
export const LABEL_HEIGHT = 16;
const MAX_NAME = 32;
const MAX_ID = 48;
const MAX_QUERY = 72;
/** The pill of a fan: its dot, padding and text. */
export const PILL_RADIUS = 8;
export const PILL_PADDING = 8;

/** Node radius in pixels: logarithmic in the value, so a family of 100,000 stays on screen next to a leaf. */
export function nodeSize(value: number): number {
  return Math.min(14, 3 + 2.2 * Math.log10(1 + Math.max(0, value)));
}

/** At most `max` characters, cut in the middle: versions and sizes at the end of a name stay readable. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = Math.floor((max - 1) / 2);
  return `${text.slice(0, max - 1 - tail)}…${text.slice(text.length - tail)}`;
}

export function nameOf(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}

/** A fan's words: "37 quantizations". */
export function fanText(count: number, relation: keyof typeof RELATION_LABELS): string {
  return `${countText(count)} ${RELATION_LABELS[relation]}${count === 1 ? "" : "s"}`;
}

/**
 * Labels for every drawn node: the name without its org, unless another drawn model has the same name (in any
 * case), when the whole id is shown; the queried model always has its whole id.
 */
export function drawnNames(nodes: readonly PayloadNode[], query: string | null = null): Map<string, string> {
  const seen = new Map<string, number>();
  for (const node of nodes) {
    if (node.attributes.fan !== undefined || node.attributes.collapsed !== undefined) continue;
    const name = nameOf(node.key).toLowerCase();
    seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  const names = new Map<string, string>();
  for (const node of nodes) {
    const fan = node.attributes.fan;
    if (fan !== undefined) names.set(node.key, fanText(fan.count, fan.relation));
    else if (node.attributes.collapsed !== undefined) names.set(node.key, collapsedText(node.attributes.collapsed));
    else if (node.key === query) names.set(node.key, cut(node.key, MAX_QUERY));
    else if ((seen.get(nameOf(node.key).toLowerCase()) ?? 0) > 1) names.set(node.key, cut(node.key, MAX_ID));
    else names.set(node.key, cut(nameOf(node.key), MAX_NAME));
  }
  return names;
}

/** The family and, above it, the ancestors (their depth turned into negative rows), as one graph. */
/** What the drawing reads of a family answer (a path between two models is drawn from the same shape). */
export type DrawnFamily = Pick<FamilyResponse, "query" | "kind" | "graph">;

export function mergeLineage(family: DrawnFamily, ancestry: AncestryResponse | null): PayloadNode[] {
  const nodes: PayloadNode[] = family.graph.nodes.map((node) => ({
    key: node.key,
    attributes: { ...node.attributes },
  }));
  const present = new Set(nodes.map((node) => node.key));
  for (const node of ancestry?.graph.nodes ?? []) {
    if (present.has(node.key)) continue;
    present.add(node.key);
    nodes.push({ key: node.key, attributes: { ...node.attributes, depth: -node.attributes.depth } });
  }
  return nodes;
}

/** Up to this many drawn nodes, the opening zoom is never below 1:1, so every label fits beside its node. */
export const ALL_LABELS_UP_TO = 150;
/** The largest the opening zoom enlarges a small drawing. */
const MAX_OPENING_SCALE = 1.5;
/** Room kept around the drawing, and on its left for the depth labels. */
export const MARGIN = 24;
export const ROW_GUTTER = 74;

/** The largest scale that shows the whole layout in an area (1:1 at least for a small view), and the fitting one. */
export function openingScale(
  layout: Pick<Layout, "width" | "height">,
  area: { width: number; height: number },
  nodes: number,
): { scale: number; fits: number } {
  const fits = Math.min(
    (area.width - 2 * MARGIN - ROW_GUTTER) / layout.width,
    (area.height - 2 * MARGIN) / layout.height,
    MAX_OPENING_SCALE,
  );
  return { scale: nodes <= ALL_LABELS_UP_TO ? Math.max(fits, 1) : fits, fits };
}

/**
 * The drawn lineage, laid out for an area of the given size. When the opening zoom will show the layout smaller
 * than 1:1, the fans and the family's own models are laid out larger by as much, so their pills and labels keep
 * their room at that zoom (an org's own models are always labelled).
 */
export function drawnLineage(
  family: DrawnFamily,
  ancestry: AncestryResponse | null,
  measure: (text: string) => number,
  area: { width: number; height: number },
  mode: LayoutMode = "rows",
): DrawnLineage {
  let drawn = drawnAt(family, ancestry, measure, area, 1, mode);
  const enlarged = drawn.graph.nodes.filter(({ attributes }) => attributes.fan !== undefined || attributes.queried);
  if (enlarged.length <= 1 && enlarged.every(({ attributes }) => attributes.fan === undefined)) return drawn;
  // Larger boxes make the drawing larger again, so the zoom smaller: laid out again until the zoom allows for them.
  let assumed = 1;
  for (let pass = 0; pass < 4; pass++) {
    const { scale } = openingScale(drawn.layout, area, drawn.graph.nodes.length);
    if (scale >= assumed) return drawn;
    assumed = scale * 0.9;
    drawn = drawnAt(family, ancestry, measure, area, assumed, mode);
  }
  return drawn;
}

function drawnAt(
  family: DrawnFamily,
  ancestry: AncestryResponse | null,
  measure: (text: string) => number,
  area: { width: number; height: number },
  fanScale: number,
  mode: LayoutMode,
): DrawnLineage {
  const aspect = area.width > 0 && area.height > 0 ? area.width / area.height : 1.6;
  const merged = mergeLineage(family, ancestry);
  const keys = new Set(merged.map((node) => node.key));
  const edgeKeys = new Set<string>();
  const edges: GraphPayload["edges"] = [];
  for (const edge of [...family.graph.edges, ...(ancestry?.graph.edges ?? [])]) {
    if (edgeKeys.has(edge.key) || !keys.has(edge.source) || !keys.has(edge.target)) continue;
    edgeKeys.add(edge.key);
    edges.push(edge);
  }
  const hasParent = new Set(edges.map((edge) => edge.target));
  const names = drawnNames(merged, family.kind === "model" ? family.query : null);
  const nodes = merged.map(({ key, attributes }) => {
    const name = names.get(key) ?? key;
    const fan = attributes.fan;
    const count = fan?.count ?? attributes.collapsed?.count ?? attributes.descendants;
    const radius =
      fan !== undefined
        ? PILL_RADIUS / fanScale
        : Math.max(nodeSize(count), nodeSize(knownNumber(attributes.downloads) ?? 0));
    const drawn: DrawnNodeAttributes = {
      ...attributes,
      root: !hasParent.has(key),
      row: attributes.depth,
      name,
      labelWidth: Math.ceil(measure(name)),
      radius,
      queried: attributes.depth === 0 && fan === undefined && attributes.collapsed === undefined,
    };
    return { key, attributes: drawn };
  });
  const items: LayoutItem[] = nodes.map(({ key, attributes }) => ({
    key,
    row: attributes.row,
    radius: attributes.radius,
    // A fan's pill holds its dot and text; a model's box its dot and the label beside it.
    // Fans and the family's own models are laid out `fanScale` times larger when the opening zoom will shrink the
    // layout as much, so they keep their room on screen.
    width:
      attributes.fan !== undefined
        ? (2 * PILL_RADIUS + attributes.labelWidth + 2 * PILL_PADDING + 4) / fanScale
        : (2 * attributes.radius + 4 + attributes.labelWidth + 6) / (attributes.queried ? fanScale : 1),
    height:
      attributes.fan !== undefined
        ? (LABEL_HEIGHT + 6) / fanScale
        : Math.max(LABEL_HEIGHT + 2, 2 * attributes.radius + 2) / (attributes.queried ? fanScale : 1),
    weight: attributes.fan?.count ?? attributes.collapsed?.count ?? attributes.descendants,
  }));
  const pairs = edges.map((edge) => [edge.source, edge.target] as const);
  const layout = mode === "radial" ? radialLayout(items, pairs) : lineageLayout(items, pairs, { aspect });
  for (const node of nodes) {
    const box = layout.boxes.get(node.key);
    if (box === undefined) continue;
    // Sigma's y axis points up.
    node.attributes.x = box.x;
    node.attributes.y = -box.y;
  }
  return {
    graph: { nodes, edges },
    layout,
    ancestors:
      ancestry === null
        ? null
        : {
            total: ancestry.ancestors,
            drawn: ancestry.graph.nodes.length - 1,
            omitted: ancestry.omittedNodes,
          },
  };
}
