// The siblings of a model, read from the lineage index: every other model built on one of its parents, grouped by
// its relation to that parent (what else was built on the same base), most downloaded first.

import { idsOfNodes } from "../store/model-queries.js";
import { emptyRelationCounts, RELATIONS, type Relation, type RelationCounts } from "../vocabulary/relation.js";
import type { IndexedLineage } from "./indexed-lineage.js";
import { PLACEHOLDER, relationOfCode } from "./lineage-index.js";

export interface Sibling {
  id: string;
  /** The parents it shares with the model. */
  parents: string[];
  downloads: number | null;
}

export interface SiblingsReport {
  id: string;
  /** The model's parents and its relation to each. */
  parents: { id: string; relation: Relation }[];
  total: number;
  counts: RelationCounts;
  /** Siblings by their relation to the shared parent (a sibling sharing several parents is listed once). */
  byRelation: Record<Relation, Sibling[]>;
  /** Whether the model has no record of its own: then its parents, and so its siblings, are unknown, not none. */
  placeholder: boolean;
}

export function indexSiblings(lineage: IndexedLineage, node: number): SiblingsReport {
  const { index, store } = lineage;
  const parents: { node: number; relation: Relation }[] = [];
  const found = new Map<number, { relation: Relation; parents: number[] }>();
  for (let p = index.parentStart[node] as number; p < (index.parentStart[node + 1] as number); p++) {
    const parent = index.parents[p] as number;
    for (let e = index.childStart[parent] as number; e < (index.childStart[parent + 1] as number); e++) {
      const child = index.children[e] as number;
      const relation = relationOfCode(index.childRelation[e] as number);
      if (child === node) {
        parents.push({ node: parent, relation });
        continue;
      }
      const entry = found.get(child);
      if (entry === undefined) found.set(child, { relation, parents: [parent] });
      else entry.parents.push(parent);
    }
  }
  const ids = idsOfNodes(store, new Set([node, ...parents.map((p) => p.node), ...found.keys()]));
  const name = (n: number) => ids.get(n) as string;
  const byRelation = Object.fromEntries(RELATIONS.map((relation) => [relation, [] as Sibling[]])) as Record<
    Relation,
    Sibling[]
  >;
  const counts = emptyRelationCounts();
  for (const [sibling, entry] of found) {
    const downloads = index.downloads[sibling] as number;
    byRelation[entry.relation].push({
      id: name(sibling),
      parents: entry.parents.map(name).sort(),
      downloads: Number.isNaN(downloads) ? null : downloads,
    });
    counts[entry.relation] += 1;
  }
  for (const list of Object.values(byRelation))
    list.sort((a, b) => (b.downloads ?? -1) - (a.downloads ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    id: name(node),
    parents: parents.map((p) => ({ id: name(p.node), relation: p.relation })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    total: found.size,
    counts,
    byRelation,
    placeholder: ((index.flags[node] as number) & PLACEHOLDER) !== 0,
  };
}
