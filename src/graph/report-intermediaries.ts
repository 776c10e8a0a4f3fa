// Who stands between a family and its users: the orgs publishing the most of its descendants (by relation, with
// downloads), and, per base model of the family, whether its own org published a quantization and how many others did.

import { RELATIONS, emptyRelationCounts, type RelationCounts } from "../vocabulary/relation.js";
import { forEachReached } from "./index-reach.js";
import { NO_RELATION, type LineageIndex } from "./lineage-index.js";
import { NO_CODE, type ReportFacts } from "./report-facts.js";

export interface Intermediary {
  org: string;
  models: number;
  byRelation: RelationCounts;
  /** Download figures summed over the known ones; null when none is known. */
  downloads: number | null;
}

export interface BaseQuantizations {
  /** A family model with quantized children. */
  model: string;
  /** Direct quantized children published by the model's own org, and by any other. */
  byOwnOrg: number;
  byOthers: number;
}

export const INTERMEDIARY_DEFINITIONS = {
  intermediaries:
    "intermediaries: orgs publishing descendants of the family, other than the orgs of the family's own models, " +
    "by descendants published (downloads summed over known figures)",
  quantizations:
    "own quantizations: per family model, its direct children whose relation is quantized, published by the " +
    "model's own org or by others",
} as const;

const QUANTIZED = RELATIONS.indexOf("quantized");

export function familyIntermediaries(
  index: LineageIndex,
  facts: ReportFacts,
  nodes: readonly number[],
  limit: number,
): Intermediary[] {
  const ownOrgs = new Set(nodes.map((node) => facts.org[node] as number));
  const byOrg = new Map<number, Intermediary & { known: number }>();
  forEachReached(index, nodes, { direction: "down" }, (node) => {
    const org = facts.org[node] as number;
    if (org === NO_CODE || ownOrgs.has(org) || facts.isModel[node] !== 1) return;
    let entry = byOrg.get(org);
    if (entry === undefined)
      byOrg.set(
        org,
        (entry = {
          org: facts.orgs[org] as string,
          models: 0,
          byRelation: emptyRelationCounts(),
          downloads: 0,
          known: 0,
        }),
      );
    entry.models++;
    const code = index.relation[node] as number;
    entry.byRelation[code === NO_RELATION ? "unknown" : (RELATIONS[code] ?? "unknown")] += 1;
    const downloads = facts.downloads[node] as number;
    if (Number.isNaN(downloads)) return;
    entry.downloads = (entry.downloads ?? 0) + downloads;
    entry.known++;
  });
  return [...byOrg.values()]
    .map(({ known, ...entry }) => ({ ...entry, downloads: known === 0 ? null : entry.downloads }))
    .sort((a, b) => b.models - a.models || (b.downloads ?? -1) - (a.downloads ?? -1) || (a.org < b.org ? -1 : 1))
    .slice(0, limit);
}

/** The family's models with direct quantizations, as node numbers with their counts (ranked once ids are known). */
export function baseQuantizations(
  index: LineageIndex,
  facts: ReportFacts,
  nodes: readonly number[],
): { node: number; byOwnOrg: number; byOthers: number }[] {
  const found: { node: number; byOwnOrg: number; byOthers: number }[] = [];
  for (const node of new Set(nodes)) {
    const own = facts.org[node] as number;
    let byOwnOrg = 0;
    let byOthers = 0;
    for (let e = index.childStart[node] as number; e < (index.childStart[node + 1] as number); e++) {
      if ((index.childRelation[e] as number) !== QUANTIZED) continue;
      const org = facts.org[index.children[e] as number] as number;
      if (org !== NO_CODE && org === own) byOwnOrg++;
      else byOthers++;
    }
    if (byOwnOrg + byOthers > 0) found.push({ node, byOwnOrg, byOthers });
  }
  return found;
}
