// Every member of a family as one table row, read from the lineage index and the models' records: id, relation,
// depth, downloads, likes, created, licence, children and descendants (the whole Hub's counts), for the viewer's table.

import { tableFacts } from "../store/detail-queries.js";
import { RELATIONS, type Relation } from "../vocabulary/relation.js";
import { indexFamilyMembers } from "./index-family-graph.js";
import type { IndexReachOptions } from "./index-reach.js";
import type { IndexedLineage } from "./indexed-lineage.js";
import { NO_RELATION, PLACEHOLDER } from "./lineage-index.js";

/** The columns of a family table row, in order. */
export const FAMILY_TABLE_COLUMNS = [
  "id",
  "relation",
  "depth",
  "downloads",
  "likes",
  "created",
  "licence",
  "children",
  "descendants",
  "placeholder",
] as const;

/** One row: a value the data does not hold is null. */
export type FamilyTableRow = [
  id: string,
  relation: Relation | null,
  depth: number,
  downloads: number | null,
  likes: number | null,
  created: string | null,
  licence: string | null,
  children: number,
  descendants: number,
  placeholder: boolean,
];

export interface FamilyTable {
  /** The rows, nearest first, then by id; at most `maxRows`. */
  rows: FamilyTableRow[];
  /** Members of the family, rows or not. */
  members: number;
}

/** The family of `sources` (node numbers at depth 0) as table rows, the nearest `maxRows` of them. */
export function indexFamilyTable(
  lineage: IndexedLineage,
  sources: readonly number[],
  options: Omit<IndexReachOptions, "direction"> & { maxRows: number },
): FamilyTable {
  if (!(options.maxRows >= 1))
    throw new Error(`graph/family-table: maxRows must be at least 1, got ${options.maxRows}`);
  const { index, metrics } = lineage;
  const { maxRows, ...reach } = options;
  const members = indexFamilyMembers(lineage, sources, { ...reach, direction: "down" });
  // The walk reaches nodes nearest first, so the first `maxRows` are the nearest.
  const kept = [...members].slice(0, maxRows);
  const depthOf = new Map(kept);
  const rows = tableFacts(lineage.store, depthOf.keys()).map((fact): FamilyTableRow => {
    const own = index.relation[fact.node] as number;
    return [
      fact.id,
      own === NO_RELATION ? null : (RELATIONS[own] as Relation),
      depthOf.get(fact.node) ?? 0,
      fact.downloads,
      fact.likes,
      fact.created_at,
      fact.license,
      (index.childStart[fact.node + 1] as number) - (index.childStart[fact.node] as number),
      metrics.descendants[fact.node] ?? 0,
      ((index.flags[fact.node] as number) & PLACEHOLDER) !== 0,
    ];
  });
  rows.sort((a, b) => a[2] - b[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { rows, members: members.size };
}
