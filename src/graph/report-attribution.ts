// Author kind and attribution: whether an author is a user or an organisation where the data says so (the records
// read here do not), and country and kind of organisation only from a table the user supplies, never guessed.

import type { AttributionTable } from "../ingest/attribution-table.js";
import type { LineageIndex } from "./lineage-index.js";
import { NO_CODE, type ReportFacts } from "./report-facts.js";

export interface AttributionGroup {
  authors: number;
  models: number;
  /** Download figures summed over the models with a known one; null when none is known. */
  downloads: number | null;
}

export interface AttributionFigures {
  /** The Hub's user/organisation kind of each author: no source this tool reads gives it, so none is known. */
  authorKind: { known: number; unknown: number };
  /** null without --attribution. */
  supplied: {
    source: string;
    /** Authors the table lists, and how many of them publish models here. */
    authorsListed: number;
    authorsFound: number;
    /** Models whose author the table lists, and those it does not (unattributed). */
    modelsAttributed: number;
    modelsUnattributed: number;
    byCountry: Record<string, AttributionGroup>;
    byKind: Record<string, AttributionGroup>;
  } | null;
}

export const ATTRIBUTION_DEFINITIONS = {
  authorKind: "author kind: user or organisation as the Hub states it; no record read here states it, so it is unknown",
  supplied:
    "supplied attribution: country and kind from the user's table (author,country,kind), matched to the org " +
    "part of model ids; not from the data; an empty cell is unknown (—)",
} as const;

const UNKNOWN_KEY = "—";

export function attributionFigures(
  index: LineageIndex,
  facts: ReportFacts,
  table: AttributionTable | null,
): AttributionFigures {
  const authors = new Set<number>();
  for (let node = 0; node < index.size; node++)
    if (facts.isModel[node] === 1 && facts.org[node] !== NO_CODE) authors.add(facts.org[node] as number);
  const authorKind = { known: 0, unknown: authors.size };
  if (table === null) return { authorKind, supplied: null };
  const attributionOf = facts.orgs.map((org) => table.byAuthor.get(org.toLowerCase()) ?? null);
  const byCountry = new Map<string, AttributionGroup & { seen: Set<number> }>();
  const byKind = new Map<string, AttributionGroup & { seen: Set<number> }>();
  const found = new Set<number>();
  let attributed = 0;
  let unattributed = 0;
  const add = (groups: typeof byCountry, key: string, org: number, downloads: number) => {
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { authors: 0, models: 0, downloads: null, seen: new Set() }));
    if (!group.seen.has(org)) {
      group.seen.add(org);
      group.authors++;
    }
    group.models++;
    if (!Number.isNaN(downloads)) group.downloads = (group.downloads ?? 0) + downloads;
  };
  for (let node = 0; node < index.size; node++) {
    if (facts.isModel[node] !== 1) continue;
    const org = facts.org[node] as number;
    const attribution = org === NO_CODE ? null : attributionOf[org];
    if (attribution === null || attribution === undefined) {
      unattributed++;
      continue;
    }
    attributed++;
    found.add(org);
    const downloads = facts.downloads[node] as number;
    add(byCountry, attribution.country ?? UNKNOWN_KEY, org, downloads);
    add(byKind, attribution.kind ?? UNKNOWN_KEY, org, downloads);
  }
  const plain = (groups: typeof byCountry) =>
    Object.fromEntries(
      [...groups.entries()]
        .sort(([a, x], [b, y]) => y.models - x.models || (a < b ? -1 : 1))
        .map(([key, { authors: count, models, downloads }]) => [key, { authors: count, models, downloads }]),
    );
  return {
    authorKind,
    supplied: {
      source: table.path,
      authorsListed: table.byAuthor.size,
      authorsFound: found.size,
      modelsAttributed: attributed,
      modelsUnattributed: unattributed,
      byCountry: plain(byCountry),
      byKind: plain(byKind),
    },
  };
}
