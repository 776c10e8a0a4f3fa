// Author kind and attribution: whether an author is a user or an organisation as the Hub states it (looked up by
// `crawl --author-kinds`), and country and kind of organisation only from a table the user supplies, never guessed.

import type { AttributionTable } from "../ingest/attribution-table.js";
import type { AuthorKind } from "../store/author-kinds.js";
import type { LineageIndex } from "./lineage-index.js";
import { NO_CODE, type ReportFacts } from "./report-facts.js";

export interface AttributionGroup {
  authors: number;
  models: number;
  /** Download figures summed over the models with a known one; null when none is known. */
  downloads: number | null;
}

export interface AttributionFigures {
  /**
   * The Hub's user/organisation kind of the authors of the models: known for those looked up that the Hub knows,
   * unknown for the rest (never looked up, or no such account any more), with their models and downloads by kind.
   */
  authorKind: { known: number; unknown: number; byKind: Record<"org" | "user", AttributionGroup> };
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
  authorKind:
    "author kind: organisation or user as the Hub states it (its organisation or user overview answers for the " +
    "name), looked up by `crawl --author-kinds`; an author never looked up, or no longer on the Hub, is unknown",
  supplied:
    "supplied attribution: country and kind from the user's table (author,country,kind), matched to the org " +
    "part of model ids; not from the data; an empty cell is unknown (—)",
} as const;

const UNKNOWN_KEY = "—";

/** Authors, models and downloads by the kind the Hub states; authors whose kind is unknown are counted apart. */
function authorKindFigures(
  index: LineageIndex,
  facts: ReportFacts,
  kinds: ReadonlyMap<string, AuthorKind>,
): AttributionFigures["authorKind"] {
  const kindOf = facts.orgs.map((org) => {
    const kind = kinds.get(org.toLowerCase());
    return kind === "org" || kind === "user" ? kind : null;
  });
  const byKind = {
    org: { authors: 0, models: 0, downloads: null as number | null },
    user: { authors: 0, models: 0, downloads: null as number | null },
  };
  const seen = new Set<number>();
  let unknown = 0;
  for (let node = 0; node < index.size; node++) {
    const org = facts.org[node] as number;
    if (facts.isModel[node] !== 1 || org === NO_CODE) continue;
    const kind = kindOf[org] ?? null;
    const first = !seen.has(org);
    seen.add(org);
    if (kind === null) {
      if (first) unknown++;
      continue;
    }
    const group = byKind[kind];
    if (first) group.authors++;
    group.models++;
    const downloads = facts.downloads[node] as number;
    if (!Number.isNaN(downloads)) group.downloads = (group.downloads ?? 0) + downloads;
  }
  return { known: byKind.org.authors + byKind.user.authors, unknown, byKind };
}

export function attributionFigures(
  index: LineageIndex,
  facts: ReportFacts,
  table: AttributionTable | null,
  kinds: ReadonlyMap<string, AuthorKind>,
): AttributionFigures {
  const authorKind = authorKindFigures(index, facts, kinds);
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
