// Pure node and edge reducers: from the graph's data and the display State (hover, selection, size mode) to what
// sigma draws. The graph is never changed to change the display; a new State and a refresh do it.

import {
  FADED_EDGE_COLOR,
  FADED_NODE_COLOR,
  PLACEHOLDER_COLOR,
  RELATION_COLORS,
  ROOT_COLOR,
} from "../src/vocabulary/palette.js";
import type { ViewNodeAttributes, Relation } from "./api.js";
import type { SizeMode } from "./state.js";

export interface DisplayState {
  hovered: string | null;
  /** The hovered node's parents and children (empty when nothing is hovered). */
  hoveredParents: ReadonlySet<string>;
  hoveredChildren: ReadonlySet<string>;
  selected: string | null;
  size: SizeMode;
}

export interface NodeDisplay {
  x: number;
  y: number;
  label: string | null;
  color: string;
  size: number;
  highlighted: boolean;
  forceLabel: boolean;
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

/** Above this many children, hovering a node leaves its children's labels to sigma's label grid. */
export const MAX_FORCED_CHILD_LABELS = 12;

export const IDLE: Omit<DisplayState, "size" | "selected"> = {
  hovered: null,
  hoveredParents: new Set(),
  hoveredChildren: new Set(),
};

/** The display state with `node` hovered: its parents and children light up. */
export function hoverState(graph: Neighbourhood, state: DisplayState, node: string | null): DisplayState {
  if (node === null) return { ...state, ...IDLE };
  return {
    ...state,
    hovered: node,
    hoveredParents: new Set(graph.inNeighbors(node)),
    hoveredChildren: new Set(graph.outNeighbors(node)),
  };
}

/** The count a node stands for when sized by descendants or downloads (a fan stands for its members). */
export function sizeValue(attributes: ViewNodeAttributes, mode: SizeMode): number {
  if (mode === "downloads") return attributes.downloads ?? 0;
  return attributes.fan !== undefined ? attributes.fan.count : attributes.descendants;
}

/** Node radius in pixels: logarithmic in the value, so a family of 100,000 stays on screen next to a leaf. */
export function nodeSize(value: number): number {
  return Math.min(22, 2.5 + 2.4 * Math.log10(1 + Math.max(0, value)));
}

const SHORT_LABEL = 28;

/** A label that fits between neighbours on a row: the name without its org, cut at 28 characters. */
export function shortLabel(label: string): string {
  const name = label.slice(label.lastIndexOf("/") + 1);
  return name.length <= SHORT_LABEL ? name : `${name.slice(0, SHORT_LABEL - 1)}…`;
}

export function nodeColor(attributes: ViewNodeAttributes): string {
  if (attributes.placeholder) return PLACEHOLDER_COLOR;
  if (attributes.root || attributes.relation === null) return ROOT_COLOR;
  return RELATION_COLORS[attributes.relation];
}

function isLit(state: DisplayState, node: string): boolean {
  return node === state.hovered || state.hoveredParents.has(node) || state.hoveredChildren.has(node);
}

export function nodeDisplay(state: DisplayState, node: string, attributes: ViewNodeAttributes): NodeDisplay {
  const display: NodeDisplay = {
    x: attributes.x,
    y: attributes.y,
    label: node === state.selected || node === state.hovered ? attributes.label : shortLabel(attributes.label),
    color: nodeColor(attributes),
    size: nodeSize(sizeValue(attributes, state.size)),
    highlighted: node === state.selected,
    forceLabel: node === state.selected,
    zIndex: attributes.root ? 1 : 0,
  };
  if (state.hovered !== null) {
    if (isLit(state, node)) {
      // Labels of the hovered node and its parents always; of its children only when they are few enough to read.
      display.forceLabel =
        !state.hoveredChildren.has(node) ||
        state.hoveredChildren.size <= MAX_FORCED_CHILD_LABELS ||
        node === state.hovered;
      display.highlighted = display.highlighted || node === state.hovered;
      display.zIndex = 2;
    } else {
      display.color = FADED_NODE_COLOR;
      display.label = null;
      display.forceLabel = false;
      display.zIndex = 0;
    }
  }
  return display;
}

export function edgeColor(relation: Relation): string {
  return `${RELATION_COLORS[relation]}99`;
}

export function edgeDisplay(state: DisplayState, relation: Relation, source: string, target: string): EdgeDisplay {
  const display: EdgeDisplay = { color: edgeColor(relation), size: 1, hidden: false, zIndex: 0 };
  if (state.hovered !== null) {
    if (source === state.hovered || target === state.hovered) {
      display.color = RELATION_COLORS[relation];
      display.size = 2.5;
      display.zIndex = 1;
    } else {
      display.color = FADED_EDGE_COLOR;
    }
  }
  return display;
}
