// Fan aggregation: when a parent has many leaf children of one relation (typically quantizations or adapters),
// they are drawn as one node `fan:PARENT:RELATION` with a count, unless the caller asks to expand that fan.

import { DirectedGraph } from "graphology";
import type { Attributes } from "graphology-types";
import { fanName, fanNodeKey } from "../vocabulary/fan.js";
import { isRelation, type Relation } from "../vocabulary/relation.js";

/** More leaf children than this, of one parent and one relation, become a fan. */
export const FAN_THRESHOLD = 12;

export interface Fan {
  /** `fan:PARENT:RELATION`, the fan node's key. */
  key: string;
  parent: string;
  relation: Relation;
  count: number;
  /** The models the fan stands for, in the graph's order. */
  members: string[];
}

export interface AggregateFansOptions {
  /** Aggregate only when a parent has more than this many leaf children of one relation (default 12). */
  threshold?: number;
  /** Fans to leave expanded, as `PARENT:RELATION` (see vocabulary/fan.ts). */
  expand?: Iterable<string>;
}

/**
 * A copy of `graph` in which each qualifying group of leaf children is replaced by one fan node (attributes
 * `fan: {parent, relation, count}`, `depth` one below the parent's when the parent has a `depth`). A leaf here has
 * no children and this one parent, so no other edge is lost. Edges need a `relation` attribute.
 */
export function aggregateFans(
  graph: DirectedGraph,
  options: AggregateFansOptions = {},
): { graph: DirectedGraph; fans: Fan[] } {
  const threshold = options.threshold ?? FAN_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 0)
    throw new Error(`graph/aggregate-fans: threshold must be a whole number, got ${threshold}`);
  const expanded = new Set(options.expand ?? []);
  const fans: Fan[] = [];
  graph.forEachNode((parent) => {
    const groups = new Map<Relation, string[]>();
    graph.forEachOutEdge(parent, (_edge, attributes: Attributes, _source, child) => {
      if (child === parent || graph.outDegree(child) > 0 || graph.inDegree(child) !== 1) return;
      const relation: unknown = attributes.relation;
      if (!isRelation(relation)) return;
      const group = groups.get(relation);
      if (group) group.push(child);
      else groups.set(relation, [child]);
    });
    for (const [relation, members] of groups) {
      if (members.length <= threshold || expanded.has(fanName(parent, relation))) continue;
      fans.push({ key: fanNodeKey(parent, relation), parent, relation, count: members.length, members });
    }
  });
  const folded = new Set<string>();
  for (const fan of fans) for (const member of fan.members) folded.add(member);
  // Built afresh rather than copied and pruned: dropping thousands of nodes one by one is the slow path in graphology.
  const result = new DirectedGraph();
  graph.forEachNode((key, attributes) => {
    if (!folded.has(key)) result.addNode(key, { ...attributes });
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (!folded.has(target)) result.addDirectedEdge(source, target, { ...attributes });
  });
  for (const fan of fans) {
    const parentDepth: unknown = result.getNodeAttribute(fan.parent, "depth");
    const attributes: Attributes = {
      fan: { parent: fan.parent, relation: fan.relation, count: fan.count },
      relation: fan.relation,
      placeholder: false,
    };
    if (typeof parentDepth === "number") attributes.depth = parentDepth + 1;
    result.addNode(fan.key, attributes);
    result.addDirectedEdge(fan.parent, fan.key, { relation: fan.relation });
  }
  return { graph: result, fans };
}
