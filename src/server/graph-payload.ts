// A drawn family (graph/family-view.ts) as the viewer receives it (wire-types.ts WireGraph): every node with its
// tree-layout position and what the viewer shows about it, every edge by its ends' positions with its relation; and
// the fans drawn.

import type { Attributes } from "graphology-types";
import type { FamilyView } from "../graph/family-view.js";
import type { Relation } from "../vocabulary/relation.js";
import type { CollapsedInfo, FanInfo, WireEdge, WireGraph, WireNode } from "./wire-types.js";

/** The view's graph serialized, nodes in the view's order (a family view or an overview). */
export function graphPayload(
  view: Pick<FamilyView, "graph" | "order" | "positions">,
  descendantsOf: (key: string) => number,
): WireGraph {
  const { graph, positions } = view;
  const positionOf = new Map(view.order.map((key, index) => [key, index]));
  const nodes = view.order.map((key): WireNode => {
    const a: Attributes = graph.getNodeAttributes(key);
    const position = positions.get(key) ?? { x: 0, y: 0 };
    const fan = a.fan as FanInfo | undefined;
    const collapsed = a.collapsed as CollapsedInfo | undefined;
    // A model's label is its key, left for the viewer to fill in; a fan's and a collapsed node's are sent.
    const label = fan ? `${fan.count} ${fan.relation}` : collapsed ? `${collapsed.count} more` : null;
    const attributes: WireNode["attributes"] = {
      ...(label === null ? {} : { label }),
      x: position.x,
      y: position.y,
      depth: Number(a.depth ?? 0),
      relation: (a.relation as Relation | null | undefined) ?? null,
      author: (a.author as string | null | undefined) ?? null,
      downloads: typeof a.downloads === "number" ? a.downloads : null,
      descendants: descendantsOf(key),
      placeholder: a.placeholder === true,
      root: graph.inDegree(key) === 0,
    };
    if (fan) attributes.fan = fan;
    if (collapsed) attributes.collapsed = collapsed;
    return { key, attributes };
  });
  const edges = graph.mapEdges((_edge, attributes, source, target): WireEdge => [
    positionOf.get(source) as number,
    positionOf.get(target) as number,
    attributes.relation as Relation,
  ]);
  return { nodes, edges };
}

/** The fans drawn, as the viewer lists them. */
export function fanInfos(view: { fans: readonly FanInfo[] }): FanInfo[] {
  return view.fans.map(({ parent, relation, count }) => ({ parent, relation, count }));
}
