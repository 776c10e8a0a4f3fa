// Pure node and edge reducers: from the graph's data and the display State (hover, selection, size mode) to what
// sigma draws. The graph is never changed to change the display; a new State and a refresh do it.

import {
  FADED_EDGE_COLOR,
  FADED_NODE_COLOR,
  PLACEHOLDER_COLOR,
  RELATION_COLORS,
  ROOT_COLOR,
} from "../src/vocabulary/palette.js";
import type { Relation } from "./api.js";
import { edgeName, LICENCE_EDGE_COLOUR, type LicenceDisplay } from "./licence-colours.js";
import { FOLDED_DOT_RADIUS, isFolded, nodeSize, type DrawnNodeAttributes } from "./lineage-view.js";
import type { SizeMode } from "./state.js";
import { knownNumber } from "./unknown.js";

export { nodeSize };

export interface DisplayState {
  hovered: string | null;
  /** The hovered node and every ancestor of it that is drawn: its path to the roots. */
  hoveredPath: ReadonlySet<string>;
  /** The hovered node's children (empty when nothing is hovered). */
  hoveredChildren: ReadonlySet<string>;
  selected: string | null;
  size: SizeMode;
  /** Dots are drawn this much smaller than laid out when the opening zoom shows the layout smaller than 1:1. */
  scale: number;
  /** Licence colours and the findings filter; absent or null for neither. */
  licence?: LicenceDisplay | null;
}

export interface NodeDisplay {
  x: number;
  y: number;
  label: null;
  color: string;
  size: number;
  highlighted: boolean;
  zIndex: number;
}

export interface EdgeDisplay {
  color: string;
  size: number;
  hidden: boolean;
  zIndex: number;
}

/** The neighbourhood lookups the hover needs, as graphology names them. */
export interface Neighbourhood {
  inNeighbors(node: string): string[];
  outNeighbors(node: string): string[];
}

export const IDLE: Pick<DisplayState, "hovered" | "hoveredPath" | "hoveredChildren"> = {
  hovered: null,
  hoveredPath: new Set(),
  hoveredChildren: new Set(),
};

/** The display state with `node` hovered: its path up to the roots and its children light up. */
export function hoverState(graph: Neighbourhood, state: DisplayState, node: string | null): DisplayState {
  if (node === null) return { ...state, ...IDLE };
  const path = new Set<string>([node]);
  const queue = [node];
  for (let head = 0; head < queue.length; head++)
    for (const parent of graph.inNeighbors(queue[head]!))
      if (!path.has(parent)) {
        path.add(parent);
        queue.push(parent);
      }
  return { ...state, hovered: node, hoveredPath: path, hoveredChildren: new Set(graph.outNeighbors(node)) };
}

/** The count a node stands for when sized by descendants or downloads (a fan or a collapsed node: its models). */
export function sizeValue(attributes: DrawnNodeAttributes, mode: SizeMode): number {
  if (mode === "downloads")
    return attributes.fan !== undefined || attributes.collapsed !== undefined
      ? 0
      : (knownNumber(attributes.downloads) ?? 0);
  return attributes.fan?.count ?? attributes.collapsed?.count ?? attributes.descendants;
}

/** A node's colour: placeholders grey, models with no base of their own vermillion, the rest by relation. */
export function nodeColor(attributes: Pick<DrawnNodeAttributes, "placeholder" | "relation">): string {
  if (attributes.placeholder) return PLACEHOLDER_COLOR;
  if (attributes.relation === null) return ROOT_COLOR;
  return RELATION_COLORS[attributes.relation];
}

/** Whether a node is lit by the hover and the findings filter (always true when neither is on). */
export function isLit(state: DisplayState, node: string): boolean {
  if (state.licence?.lit != null && !state.licence.lit.has(node)) return false;
  return state.hovered === null || state.hoveredPath.has(node) || state.hoveredChildren.has(node);
}

export function nodeDisplay(state: DisplayState, node: string, attributes: DrawnNodeAttributes): NodeDisplay {
  const folded = isFolded(attributes);
  const display: NodeDisplay = {
    x: attributes.x,
    y: attributes.y,
    label: null,
    color: state.licence?.colours?.get(node) ?? nodeColor(attributes),
    size: (folded ? FOLDED_DOT_RADIUS : nodeSize(sizeValue(attributes, state.size))) * state.scale,
    highlighted: !folded && (node === state.selected || node === state.hovered || attributes.queried),
    zIndex: attributes.queried ? 1 : 0,
  };
  if (state.licence?.lit != null && !state.licence.lit.has(node)) {
    display.color = FADED_NODE_COLOR;
    display.highlighted = node === state.selected;
  }
  if (state.hovered !== null) {
    if (isLit(state, node)) display.zIndex = 2;
    else {
      display.color = FADED_NODE_COLOR;
      display.highlighted = false;
      display.zIndex = 0;
    }
  }
  return display;
}

/** Edges in the legend's colours, opaque: sigma blends as if colours were premultiplied, so no alpha is used. */
export function edgeColor(relation: Relation): string {
  return RELATION_COLORS[relation];
}

export function edgeDisplay(state: DisplayState, relation: Relation, source: string, target: string): EdgeDisplay {
  const colour = state.licence?.colours != null ? LICENCE_EDGE_COLOUR : edgeColor(relation);
  const display: EdgeDisplay = { color: colour, size: 2, hidden: false, zIndex: 0 };
  if (state.licence?.litEdges != null && !state.licence.litEdges.has(edgeName(source, target)))
    display.color = FADED_EDGE_COLOR;
  if (state.hovered !== null) {
    const onPath = state.hoveredPath.has(source) && state.hoveredPath.has(target);
    if (onPath || source === state.hovered) {
      display.size = 3.5;
      display.zIndex = 1;
    } else {
      display.color = FADED_EDGE_COLOR;
    }
  }
  return display;
}
