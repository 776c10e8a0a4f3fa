// A model's or an org's family: its members with their depth, and the report behind `hf-lineage family`
// (direct children by relation as the Hub's model tree shows them, descendants by relation and depth, ancestors).

import { emptyRelationCounts, type Relation, type RelationCounts } from "../vocabulary/relation.js";
import type { LineageGraph } from "./build-graph.js";
import { ancestorsOf } from "./ancestry.js";
import { reachable } from "./reachable.js";
import type { ResolvedQuery } from "./resolve-query.js";

export interface FamilyOptions {
  /** Only descendants at most this many steps below the family's own models. */
  maxDepth?: number;
  /** Only follow parent → child edges of these relations. */
  relations?: readonly Relation[];
}

export interface FamilyReport {
  query: string;
  kind: "model" | "org";
  /** How many models the family starts from: 1 for a model, the org's own models for an org. */
  models: number;
  /** Direct children by the relation of their edge (a model only). */
  children?: { total: number; byRelation: RelationCounts };
  descendants: { total: number; byRelation: RelationCounts; byDepth: Record<string, number> };
  /** Every ancestor with its shortest distance (a model only), nearest first. */
  ancestors?: { id: string; depth: number }[];
  /**
   * A model only: true when it has no record of its own (named as a parent, never seen): its own bases are then
   * unknown, not none, and it is no root.
   */
  placeholder?: boolean;
}

/** The family's own models (a model, or every model of an org). */
export function familyRoots(resolved: ResolvedQuery): string[] {
  return resolved.kind === "model" ? [resolved.id] : resolved.models;
}

/** Every member with its depth: the family's own models at 0, descendants at their shortest distance. */
export function familyMembers(
  graph: LineageGraph,
  resolved: ResolvedQuery,
  options: FamilyOptions = {},
): Map<string, number> {
  const roots = familyRoots(resolved);
  for (const root of roots) if (!graph.hasNode(root)) throw new Error(`graph/family: unknown model "${root}"`);
  const relations = options.relations === undefined ? null : new Set(options.relations);
  const below = reachable(graph, roots, "down", {
    maxDepth: options.maxDepth,
    followEdge:
      relations === null
        ? undefined
        : (parent, child) => relations.has(graph.getEdgeAttribute(parent, child, "relation")),
  });
  const members = new Map<string, number>();
  for (const root of roots) members.set(root, 0);
  for (const [id, depth] of below) members.set(id, depth);
  return members;
}

function byDepthOf(depths: Iterable<number>): Record<string, number> {
  const counts = new Map<number, number>();
  for (const depth of depths) counts.set(depth, (counts.get(depth) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => a[0] - b[0]).map(([depth, count]) => [String(depth), count]));
}

export function familyReport(graph: LineageGraph, resolved: ResolvedQuery): FamilyReport {
  const roots = familyRoots(resolved);
  const descendants = reachable(graph, roots, "down");
  const byRelation = emptyRelationCounts();
  for (const id of descendants.keys()) byRelation[graph.getNodeAttribute(id, "relation") ?? "unknown"] += 1;
  const report: FamilyReport = {
    query: resolved.kind === "model" ? resolved.id : resolved.org,
    kind: resolved.kind,
    models: roots.length,
    descendants: { total: descendants.size, byRelation, byDepth: byDepthOf(descendants.values()) },
  };
  if (resolved.kind === "model") {
    const children = emptyRelationCounts();
    graph.forEachOutEdge(resolved.id, (_edge, attributes) => {
      children[attributes.relation] += 1;
    });
    report.children = { total: graph.outDegree(resolved.id), byRelation: children };
    report.ancestors = ancestorsOf(graph, resolved.id);
    report.placeholder = graph.getNodeAttribute(resolved.id, "placeholder") === true;
  }
  return report;
}
