// Family size under each stated definition, side by side: direct children (the Hub's model-tree numbers), transitive
// descendants, by relation, those over 5 downloads, repositories tagging the family, and those of its architectures.

import { emptyRelationCounts, type RelationCounts } from "../vocabulary/relation.js";
import { forEachReached } from "./index-reach.js";
import { relationOfCode, type LineageIndex } from "./lineage-index.js";
import { NO_CODE, type ReportFacts } from "./report-facts.js";
import { dayOf, KeyCounts, monthOf, recentWindowStart } from "./report-time.js";

/** A family the report measures: a model, or an org's models, by node number. */
export interface ReportFamily {
  query: string;
  kind: "model" | "org";
  nodes: number[];
}

export interface FamilySize {
  query: string;
  kind: "model" | "org";
  /** The family's own models (1 for a model). */
  models: number;
  directChildren: number;
  descendants: number;
  byRelation: RelationCounts;
  /** null when the family has descendants but the data gives the download figure of none of them. */
  descendantsOver5Downloads: number | null;
  /** Descendants whose download figure is known: the coverage of the count above. */
  descendantsWithDownloads: number;
  taggingRepos: number;
  /** null when none of the family's own models has a known architecture. */
  architectureRepos: number | null;
  architectures: string[];
  /** Descendants whose creation time is known: the coverage of the series below. */
  descendantsWithCreated: number;
  /** Descendants created on or after --since (null without it). */
  createdSince: number | null;
  perMonth: Record<string, number>;
  /** The last 30 days of the data, its last creation day included. */
  perDay: Record<string, number>;
}

export const FAMILY_DEFINITIONS = {
  directChildren:
    "direct children: the sum over the family's own models of each one's children (the Hub's model-tree " +
    "numbers; a child of two of them counts twice)",
  descendants:
    "descendants: every model reachable from the family's own models along parent -> child links, the own " +
    "models excluded, each counted once (as `family` counts them)",
  byRelation: "by relation: the descendants by their own relation (finetune, adapter, quantized, merge, unknown)",
  descendantsOver5Downloads:
    "descendants over 5 downloads: descendants whose download figure is known and greater than 5 (the ATOM " +
    "report's threshold); coverage = descendants with a known figure; unknown (—) when none is known",
  taggingRepos:
    "tagging repos: models whose own base_model names one of the family's own models, each counted once (own " +
    "models included)",
  architectureRepos:
    "architecture repos: models, other than the family's own, whose config model_type (or architecture) is one " +
    "of the family's own models' architectures, whether or not they declare a base",
  perMonth: "per month / per day: descendants by the UTC month or day of their createdAt; unknown dates are left out",
} as const;

export function familySize(
  index: LineageIndex,
  facts: ReportFacts,
  family: ReportFamily,
  options: { since: number | null; lastCreated: number },
): FamilySize {
  const own = new Uint8Array(index.size);
  for (const node of family.nodes) own[node] = 1;
  let directChildren = 0;
  const tagging = new Set<number>();
  const ownArchitectures = new Set<number>();
  for (const node of family.nodes) {
    const from = index.childStart[node] as number;
    const to = index.childStart[node + 1] as number;
    directChildren += to - from;
    for (let e = from; e < to; e++) tagging.add(index.children[e] as number);
    const architecture = facts.architecture[node] as number;
    if (architecture !== NO_CODE) ownArchitectures.add(architecture);
  }
  const byRelation = emptyRelationCounts();
  const perMonth = new KeyCounts();
  const perDay = new KeyCounts();
  const recentStart = recentWindowStart(options.lastCreated);
  let descendants = 0;
  let over5 = 0;
  let withDownloads = 0;
  let withCreated = 0;
  let createdSince = 0;
  forEachReached(index, family.nodes, { direction: "down" }, (node) => {
    descendants++;
    byRelation[relationOfCode(index.relation[node] as number)] += 1;
    const downloads = facts.downloads[node] as number;
    if (!Number.isNaN(downloads)) {
      withDownloads++;
      if (downloads > 5) over5++;
    }
    const created = index.created[node] as number;
    if (Number.isNaN(created)) return;
    withCreated++;
    if (options.since !== null && created < options.since) return;
    createdSince++;
    perMonth.add(monthOf(created));
    if (created >= recentStart) perDay.add(dayOf(created));
  });
  let architectureRepos: number | null = null;
  if (ownArchitectures.size > 0) {
    architectureRepos = 0;
    for (let node = 0; node < index.size; node++)
      if (own[node] === 0 && ownArchitectures.has(facts.architecture[node] as number)) architectureRepos++;
  }
  return {
    query: family.query,
    kind: family.kind,
    models: family.nodes.length,
    directChildren,
    descendants,
    byRelation,
    descendantsOver5Downloads: descendants > 0 && withDownloads === 0 ? null : over5,
    descendantsWithDownloads: withDownloads,
    taggingRepos: tagging.size,
    architectureRepos,
    architectures: [...ownArchitectures].map((code) => facts.architectures[code] as string).sort(),
    descendantsWithCreated: withCreated,
    createdSince: options.since === null ? null : createdSince,
    perMonth: perMonth.toObject(),
    perDay: perDay.toObject(),
  };
}
