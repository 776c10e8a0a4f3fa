// A model's or an org's family read from the lineage index: the report behind `hf-lineage family` (direct children
// by relation, descendants by relation and depth, ancestors), the same figures the graph gives, without the graph.

import { idsOfNodes, nodesOfIds } from "../store/model-queries.js";
import { StoreError } from "../store/open-store.js";
import { emptyRelationCounts, type RelationCounts } from "../vocabulary/relation.js";
import type { FamilyReport } from "./family.js";
import { descendantCounts } from "./index-descendant-counts.js";
import { forEachReached, type ReachOrder } from "./index-reach.js";
import { storedOrgFamilyCounts, type IndexedLineage } from "./indexed-lineage.js";
import { PLACEHOLDER, PRESENT, relationOfCode, SELF_LOOP, type LineageIndex } from "./lineage-index.js";
import type { ResolvedQuery } from "./resolve-query.js";

/**
 * A model stored after the lineage index being read was built (while an import or a crawl is writing): it is
 * known once the index is rebuilt. Reported in one line, as the store's own errors are.
 */
export class ModelNotIndexedError extends StoreError {
  constructor(readonly id: string) {
    super(`store: "${id}" came after the lineage index in use was built; it is answered once the index is rebuilt`);
  }
}

/** The node numbers of the family's own models; a model the index does not hold yet is an error. */
export function familyNodes(lineage: IndexedLineage, resolved: ResolvedQuery): number[] {
  const ids = resolved.kind === "model" ? [resolved.id] : resolved.models;
  const nodes = nodesOfIds(lineage.store, ids);
  return ids.map((id) => {
    const node = nodes.get(id);
    if (node === undefined || node >= lineage.index.size || ((lineage.index.flags[node] as number) & PRESENT) === 0) {
      throw new ModelNotIndexedError(id);
    }
    return node;
  });
}

/** Every ancestor of a node with its shortest distance, nearest first, then by id. */
export function indexAncestors(lineage: IndexedLineage, node: number): { id: string; depth: number }[] {
  const reached: [number, number][] = [];
  forEachReached(lineage.index, [node], { direction: "up" }, (ancestor, depth) => reached.push([ancestor, depth]));
  const ids = idsOfNodes(
    lineage.store,
    reached.map(([ancestor]) => ancestor),
  );
  return reached
    .map(([ancestor, depth]) => ({ id: ids.get(ancestor) as string, depth }))
    .sort((a, b) => a.depth - b.depth || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function childCounts(index: LineageIndex, node: number): { total: number; byRelation: RelationCounts } {
  const byRelation = emptyRelationCounts();
  const from = index.childStart[node] as number;
  const to = index.childStart[node + 1] as number;
  for (let e = from; e < to; e++) byRelation[relationOfCode(index.childRelation[e] as number)] += 1;
  return { total: to - from, byRelation };
}

/** Whether the model has no record of its own (named as a parent only). */
export function isPlaceholder(lineage: IndexedLineage, node: number): boolean {
  return ((lineage.index.flags[node] as number) & PLACEHOLDER) !== 0;
}

/** Whether the model names itself as its base (a self-loop, kept out of the lineage's edges). */
export function namesItself(lineage: IndexedLineage, node: number): boolean {
  return ((lineage.index.flags[node] as number) & SELF_LOOP) !== 0;
}

/**
 * The family report of a model or an org. `walked`, when given, is the walk down from the same own models along
 * every edge to any depth (reachOrder), already made for another purpose: the counts are read from it.
 */
export function indexFamilyReport(
  lineage: IndexedLineage,
  resolved: ResolvedQuery,
  walked: ReachOrder | null = null,
): FamilyReport {
  const { index } = lineage;
  const sources = familyNodes(lineage, resolved);
  const stored = resolved.kind === "org" && walked === null ? storedOrgFamilyCounts(lineage, sources) : null;
  const descendants = stored ?? descendantCounts(index, sources, walked);
  const report: FamilyReport = {
    query: resolved.kind === "model" ? resolved.id : resolved.org,
    kind: resolved.kind,
    models: sources.length,
    descendants,
  };
  if (resolved.kind === "model") {
    const node = sources[0] as number;
    report.children = childCounts(index, node);
    report.ancestors = indexAncestors(lineage, node);
    report.placeholder = ((index.flags[node] as number) & PLACEHOLDER) !== 0;
  }
  return report;
}
