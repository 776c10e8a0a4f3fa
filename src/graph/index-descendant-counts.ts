// How many models descend from a set of models, by their relation and by their shortest distance: the counts of a
// family report, read from the lineage index (or from a walk already made).

import { emptyRelationCounts, type RelationCounts } from "../vocabulary/relation.js";
import { forEachReached, type ReachOrder } from "./index-reach.js";
import { relationOfCode, type LineageIndex } from "./lineage-index.js";

export interface DescendantCounts {
  total: number;
  byRelation: RelationCounts;
  /** How many are at each shortest distance from the sources, keyed "1", "2", ...; distances with none left out. */
  byDepth: Record<string, number>;
}

/**
 * The descendants of `sources` (the sources not counted) along every edge, to any depth. `walked`, when given, is
 * that walk already made (reachOrder from the same sources, every edge, any depth): the counts are read from it.
 */
export function descendantCounts(
  index: LineageIndex,
  sources: readonly number[],
  walked: ReachOrder | null = null,
): DescendantCounts {
  // Tallied by relation code (NO_RELATION and all) and by depth as numbers, named once at the end.
  const byCode = new Uint32Array(256);
  const depths: number[] = [];
  let total = 0;
  const count = (node: number, depth: number) => {
    total++;
    byCode[index.relation[node] as number]! += 1;
    depths[depth] = (depths[depth] ?? 0) + 1;
  };
  if (walked === null) forEachReached(index, sources, { direction: "down" }, count);
  else for (let at = walked.sources; at < walked.nodes.length; at++) count(walked.nodes[at]!, walked.depth[at]!);
  const byRelation = emptyRelationCounts();
  byCode.forEach((n, code) => {
    if (n > 0) byRelation[relationOfCode(code)] += n;
  });
  const byDepth: Record<string, number> = {};
  depths.forEach((n, depth) => {
    if (n !== undefined) byDepth[String(depth)] = n;
  });
  return { total, byRelation, byDepth };
}
