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
  /** The dot's radius in the layout (the largest it takes in either size mode, or sized by a centrality). */
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
  /** The models' dots are drawn this many times their size (an overview shrinks them to keep them apart). */
  dots: number;
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

/** What the drawing reads of a family answer (a path between two models is drawn from the same shape). */
export type DrawnFamily = Pick<FamilyResponse, "query" | "kind" | "graph">;

/**
 * How far above the model each drawn ancestor is drawn: its longest path down to the model along the drawn edges, so
 * that every parent lies above each of its children. The API's depth is the shortest distance, which puts a base
 * reached by a short path (a merge's own base) below a child of it reached only by a longer one, its edge pointing
 * up. An ancestor no such path is found for (its edges run in a cycle) keeps the API's depth.
 */
export function ancestorRows(ancestry: AncestryResponse): Map<string, number> {
  const children = new Map<string, string[]>();
  for (const edge of ancestry.graph.edges) {
    const list = children.get(edge.source);
    if (list === undefined) children.set(edge.source, [edge.target]);
    else list.push(edge.target);
  }
  const rows = new Map<string, number>([[ancestry.id, 0]]);
  const walking = new Set<string>();
  // Depth first along each ancestor's children; the deepest chain of real data is a few hundred models.
  const rowOf = (key: string): number | null => {
    const known = rows.get(key);
    if (known !== undefined) return known;
    if (walking.has(key)) return null;
    walking.add(key);
    let longest: number | null = null;
    for (const child of children.get(key) ?? []) {
      const below = rowOf(child);
      if (below !== null) longest = Math.max(longest ?? 0, below + 1);
    }
    walking.delete(key);
    if (longest !== null) rows.set(key, longest);
    return longest;
  };
  for (const node of ancestry.graph.nodes) {
    const longest = rowOf(node.key);
    rows.set(node.key, Math.max(longest ?? node.attributes.depth, node.attributes.depth));
  }
  return rows;
}

/** The family and, above it, the ancestors (their rows made negative), as one graph. */
export function mergeLineage(family: DrawnFamily, ancestry: AncestryResponse | null): PayloadNode[] {
  const nodes: PayloadNode[] = family.graph.nodes.map((node) => ({
    key: node.key,
    attributes: { ...node.attributes },
  }));
  if (ancestry === null) return nodes;
  const present = new Set(nodes.map((node) => node.key));
  const rows = ancestorRows(ancestry);
  for (const node of ancestry.graph.nodes) {
    if (present.has(node.key)) continue;
    present.add(node.key);
    const row = rows.get(node.key) ?? node.attributes.depth;
    nodes.push({ key: node.key, attributes: { ...node.attributes, depth: -row } });
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

/**
 * The largest scale that shows the whole layout in an area, and the fitting one. A small view in rows opens at 1:1
 * at least (its labels need it; the rest is a pan away); rings are always opened whole.
 */
export function openingScale(
  layout: Pick<Layout, "width" | "height" | "shape">,
  area: { width: number; height: number },
  nodes: number,
): { scale: number; fits: number } {
  const fits = Math.min(
    (area.width - 2 * MARGIN - ROW_GUTTER) / layout.width,
    (area.height - 2 * MARGIN) / layout.height,
    MAX_OPENING_SCALE,
  );
  return { scale: nodes <= ALL_LABELS_UP_TO && layout.shape === "rows" ? Math.max(fits, 1) : fits, fits };
}

/**
 * The layout point the opening camera centres between the row gutter and the right edge, at `scale`. A layout that
 * fits an axis is centred on it; one that does not keeps `focus` (the query) in the middle, moved only as far as
 * keeps the drawing's edge at the area's edge, so no band of the canvas is left blank while the drawing is cut.
 */
export function openingCentre(
  layout: Pick<Layout, "width" | "height">,
  area: { width: number; height: number },
  scale: number,
  focus: { x: number; y: number } | null,
): { x: number; y: number } {
  const along = (size: number, room: number, wanted: number | undefined) => {
    const half = room / 2 / scale;
    if (wanted === undefined || size <= 2 * half + 1e-9) return size / 2;
    return Math.min(Math.max(wanted, half), size - half);
  };
  return {
    x: along(layout.width, area.width - 2 * MARGIN - ROW_GUTTER, focus?.x),
    y: along(layout.height, area.height - 2 * MARGIN, focus?.y),
  };
}

/** The overview's gaps on screen: between dots side by side, and between depth rows (for edges and row numbers). */
const OVERVIEW_COLUMN_GAP = 4;
const OVERVIEW_ROW_GAP = 12;
/** A fan's or collapsed node's dot, drawn under its pill or alone where the pill has no room. */
export const FOLDED_DOT_RADIUS = 4;
/** Steps of the search for the dots' scale and the label room an overview can keep. */
const ROOM_STEPS = 6;
/** The most of an overview's height its own models' labels may take, so the rows below keep room for their pills. */
const OWN_ROWS_SHARE = 0.25;
/** The largest fans and collapsed nodes that keep their pill before the family's own models keep their labels. */
const FIRST_PILLS = 10;
/** Down to this opening zoom a view keeps room for every label at 1:1; below it, it is laid out as an overview. */
const LABELLED_DOWN_TO = 0.3;
/** The smallest an overview draws its dots, against their size in a view with room for every label. */
const MIN_DOT_SCALE = 0.5;

/** A fan or a collapsed node: something that stands for several models and opens on request. */
export function isFolded(attributes: Pick<ViewNodeAttributes, "fan" | "collapsed">): boolean {
  return attributes.fan !== undefined || attributes.collapsed !== undefined;
}

/** How many models a fan or collapsed node stands for (0 for a model). */
const foldedSize = (attributes: Pick<ViewNodeAttributes, "fan" | "collapsed">) =>
  attributes.fan?.count ?? attributes.collapsed?.count ?? 0;

/** The count a fan or collapsed node shows in its narrow pill. */
export function foldedCount(attributes: Pick<ViewNodeAttributes, "fan" | "collapsed">): string {
  return countText(foldedSize(attributes));
}

/** A pill's width on screen: its dot, the text, padding (the overlay draws it so). */
export const pillWidth = (textWidth: number) => 2 * PILL_RADIUS + textWidth + 2 * PILL_PADDING;
export const narrowPillWidth = (countWidth: number) => 2 * PILL_RADIUS + countWidth + PILL_PADDING + 2;
export const PILL_HEIGHT = LABEL_HEIGHT + 2;

/**
 * The drawn lineage, laid out for an area of the given size. A view that fits at 1:1 with every label beside its
 * node (or a small one, which opens at 1:1 and pans) keeps that layout, and so does one shown a little smaller
 * (down to LABELLED_DOWN_TO). A larger one is laid out as an overview, in
 * screen pixels at its opening zoom: every dot keeps its own room, as many fans and collapsed nodes as fit (the
 * largest first) keep room for their pill with its count, and then labels get as much room as is left. A model in
 * `radii` (its dot's radius when a centrality sizes it) keeps room for that dot too.
 */
export function drawnLineage(
  family: DrawnFamily,
  ancestry: AncestryResponse | null,
  measure: (text: string) => number,
  area: { width: number; height: number },
  mode: LayoutMode = "rows",
  radii: ReadonlyMap<string, number> = new Map(),
): DrawnLineage {
  const lineage = lineageNodes(family, ancestry, measure, radii);
  const { nodes, pairs } = lineage;
  if (mode === "radial") return placed(lineage, radialLayout(labelledItems(nodes), pairs));
  const aspect = area.width > 0 && area.height > 0 ? area.width / area.height : 1.6;
  let labelled = lineageLayout(labelledItems(nodes), pairs, { aspect });
  const across = area.width - 2 * MARGIN - ROW_GUTTER;
  if (nodes.length <= ALL_LABELS_UP_TO && across > 0 && labelled.width > across)
    // A small view opens at 1:1 whatever its size: wrapped to the canvas's width it pans only up and down, and no
    // column is cut at the canvas's side.
    labelled = lineageLayout(labelledItems(nodes), pairs, { aspect, maxWidth: across });
  let { scale } = openingScale(labelled, area, nodes.length);
  if (scale >= 1) return placed(lineage, labelled);
  if (scale >= LABELLED_DOWN_TO) {
    // Shown a little below 1:1: the fans and the family's own models are laid out larger by as much, so their pills
    // and labels keep their room; larger boxes make the zoom smaller again, so this is repeated a few times, and a
    // view that falls below LABELLED_DOWN_TO so is laid out as an overview instead.
    let assumed = 1;
    let enlarged = labelled;
    for (let pass = 0; pass < 4 && scale < assumed && scale >= LABELLED_DOWN_TO; pass++) {
      assumed = scale * 0.9;
      enlarged = lineageLayout(labelledItems(nodes, assumed), pairs, { aspect });
      ({ scale } = openingScale(enlarged, area, nodes.length));
    }
    if (scale >= assumed && scale >= LABELLED_DOWN_TO) return placed(lineage, enlarged);
  }

  const width = area.width - 2 * MARGIN - ROW_GUTTER;
  const height = area.height - 2 * MARGIN;
  const folded = nodes
    .filter(({ attributes }) => isFolded(attributes))
    .sort((a, b) => foldedSize(b.attributes) - foldedSize(a.attributes) || (a.key < b.key ? -1 : 1))
    .map(({ key }) => key);
  // The family's own models, the most descendants first: the first `own` of them keep room for their labels.
  const ownModels = nodes
    .filter(({ attributes }) => attributes.queried)
    .sort((a, b) => b.attributes.descendants - a.attributes.descendants || (a.key < b.key ? -1 : 1))
    .map(({ key }) => key);
  const attempt = (kept: OverviewRoom) =>
    lineageLayout(
      overviewItems(nodes, measure, {
        ...kept,
        own: new Set(ownModels.slice(0, kept.own)),
        pills: new Set(folded.slice(0, kept.pills)),
      }),
      pairs,
      {
        aspect,
        maxWidth: width,
        rowGap: OVERVIEW_ROW_GAP,
        columnGap: OVERVIEW_COLUMN_GAP,
      },
    );
  const fits = (layout: Layout) => layout.width <= width && layout.height <= height;
  // In order of importance, each as large as still fits: pills with their count for the FIRST_PILLS largest fans and
  // collapsed nodes, room for the labels of as many of the family's own models as fit within OWN_ROWS_SHARE (the
  // most descendants first), pills for the other fans and collapsed nodes (the largest first, at the smallest dots),
  // the dots' size, then a share of every label's room.
  let chosen: OverviewRoom = { own: 0, pills: 0, dots: MIN_DOT_SCALE, room: 0 };
  let best = attempt(chosen);
  if (!fits(best)) return placed(lineage, best, MIN_DOT_SCALE);
  /** Takes the room asked for when the drawing still fits (and its own models' row takes at most `share` of it). */
  const accepts = (next: OverviewRoom, share = 1) => {
    const layout = attempt(next);
    const ownRow = layout.rows.find((row) => row.row === 0);
    if (!fits(layout) || (ownRow !== undefined && ownRow.bottom - ownRow.top > share * height)) return false;
    chosen = next;
    best = layout;
    return true;
  };
  const firstPills = Math.min(FIRST_PILLS, folded.length);
  chosen.pills = largestWhole(0, firstPills, (pills) => accepts({ ...chosen, pills }));
  chosen.own = largestWhole(0, ownModels.length, (own) => accepts({ ...chosen, own }, OWN_ROWS_SHARE));
  if (chosen.pills === firstPills)
    chosen.pills = largestWhole(firstPills, folded.length, (pills) => accepts({ ...chosen, pills }));
  largestShare(MIN_DOT_SCALE, 1, (dots) => accepts({ ...chosen, dots }));
  largestShare(0, 1, (room) => accepts({ ...chosen, room }));
  return placed(lineage, best, chosen.dots);
}

/** The largest whole number from `low` (accepted) to `high` that `accepts` takes, by binary search. */
function largestWhole(low: number, high: number, accepts: (value: number) => boolean): number {
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (accepts(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The largest value from `low` (accepted) to `high` that `accepts` takes: `high` itself, else a binary search. */
function largestShare(low: number, high: number, accepts: (value: number) => boolean): number {
  if (accepts(high)) return high;
  for (let step = 0; step < ROOM_STEPS; step++) {
    const middle = (low + high) / 2;
    if (accepts(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/**
 * What an overview keeps room for: how many of the family's own models keep their labels' room and how many pills
 * (the largest first of each), the dots' scale, and the share of every label's room.
 */
interface OverviewRoom {
  own: number;
  pills: number;
  dots: number;
  room: number;
}

interface LineageNodes {
  nodes: { key: string; attributes: DrawnNodeAttributes }[];
  edges: GraphPayload["edges"];
  pairs: (readonly [string, string])[];
  ancestors: DrawnLineage["ancestors"];
}

function lineageNodes(
  family: DrawnFamily,
  ancestry: AncestryResponse | null,
  measure: (text: string) => number,
  radii: ReadonlyMap<string, number>,
): LineageNodes {
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
    const count = attributes.fan?.count ?? attributes.collapsed?.count ?? attributes.descendants;
    const radius = isFolded(attributes)
      ? PILL_RADIUS
      : Math.max(nodeSize(count), nodeSize(knownNumber(attributes.downloads) ?? 0), radii.get(key) ?? 0);
    const drawn: DrawnNodeAttributes = {
      ...attributes,
      root: !hasParent.has(key),
      row: attributes.depth,
      name,
      labelWidth: Math.ceil(measure(name)),
      radius,
      queried: attributes.depth === 0 && !isFolded(attributes),
    };
    return { key, attributes: drawn };
  });
  return {
    nodes,
    edges,
    pairs: edges.map((edge) => [edge.source, edge.target] as const),
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

/**
 * Boxes at 1:1 with room for every label: a pill holds its dot and text, a model its dot and the label beside it.
 * Pills and the family's own models are laid out `enlarged` times larger when the opening zoom will shrink the
 * layout as much, so they keep their room on screen.
 */
function labelledItems(nodes: LineageNodes["nodes"], enlarged = 1): LayoutItem[] {
  return nodes.map(({ key, attributes }) => {
    const kept = isFolded(attributes) || attributes.queried ? enlarged : 1;
    return {
      key,
      row: attributes.row,
      radius: attributes.radius / (isFolded(attributes) ? enlarged : 1),
      width:
        (isFolded(attributes)
          ? pillWidth(attributes.labelWidth) + 4
          : 2 * attributes.radius + 4 + attributes.labelWidth + 6) / kept,
      height: (isFolded(attributes) ? PILL_HEIGHT + 4 : Math.max(LABEL_HEIGHT + 2, 2 * attributes.radius + 2)) / kept,
      weight: attributes.fan?.count ?? attributes.collapsed?.count ?? attributes.descendants,
    };
  });
}

/**
 * Boxes of an overview, on screen: each dot (`dots` times its size) with a ring's room around it, the pills of
 * `pills` with their count at least, other fans and collapsed nodes as a small dot; `room` (0 to 1) is the share of
 * each label's size kept, all of it for the family's own models in `own`.
 */
function overviewItems(
  nodes: LineageNodes["nodes"],
  measure: (text: string) => number,
  {
    own,
    pills,
    dots,
    room,
  }: Omit<OverviewRoom, "own" | "pills"> & { own: ReadonlySet<string>; pills: ReadonlySet<string> },
): LayoutItem[] {
  return nodes.map(({ key, attributes }) => {
    const weight = attributes.fan?.count ?? attributes.collapsed?.count ?? attributes.descendants;
    const row = attributes.row;
    if (pills.has(key)) {
      const narrow = narrowPillWidth(Math.ceil(measure(foldedCount(attributes))));
      const width = Math.max(narrow, room * pillWidth(attributes.labelWidth));
      return { key, row, weight, radius: PILL_RADIUS, width, height: PILL_HEIGHT + 4 };
    }
    if (isFolded(attributes)) {
      const dot = 2 * FOLDED_DOT_RADIUS + 4;
      return { key, row, weight, radius: FOLDED_DOT_RADIUS, width: dot, height: dot };
    }
    const radius = attributes.radius * dots;
    const dot = 2 * radius + 4;
    const kept = own.has(key) ? 1 : room;
    const width = Math.max(dot, kept * (dot + attributes.labelWidth + 6));
    const height = Math.max(dot, kept * (LABEL_HEIGHT + 2));
    return { key, row, weight, radius, width, height };
  });
}

/** The nodes placed where the layout puts them (sigma's y axis points up), dots drawn `dots` times their size. */
function placed(lineage: LineageNodes, layout: Layout, dots = 1): DrawnLineage {
  const nodes = lineage.nodes.map(({ key, attributes }) => {
    const box = layout.boxes.get(key);
    return { key, attributes: box === undefined ? attributes : { ...attributes, x: box.x, y: -box.y } };
  });
  return { graph: { nodes, edges: lineage.edges }, layout, ancestors: lineage.ancestors, dots };
}
