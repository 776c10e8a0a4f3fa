// The one palette, as `#rrggbb`: a colour per relation (Okabe–Ito, readable with colour-blindness), the family's
// own models, placeholders and faded items. The viewer's legend and reducers and GEXF `viz:color` all read it.

import type { Relation } from "./relation.js";

export const RELATION_COLORS: Readonly<Record<Relation, string>> = {
  finetune: "#0072b2",
  adapter: "#009e73",
  quantized: "#e69f00",
  merge: "#cc79a7",
  unknown: "#8c8c8c",
};

/** A model with no base of its own in this view: the family's root, or an org's own model. */
export const ROOT_COLOR = "#d55e00";
/** A parent named by some card but with no record (deleted, private, or outside the crawl). */
export const PLACEHOLDER_COLOR = "#c8c8c8";
/** Nodes and edges away from the hovered node, in the viewer. */
export const FADED_NODE_COLOR = "#ececec";
export const FADED_EDGE_COLOR = "#f2f2f2";
