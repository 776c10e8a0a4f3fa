// The lineage of one database as the questions read it: the index, its metrics and the headline figures (stats, the
// largest org families), stored with the data version they were built from and rebuilt only when the data changed.

import { dataVersion, StoreError } from "../store/open-store.js";
import { readIndexSection, storedIndexVersion, withWriteLock, writeIndexSections } from "../store/index-sections.js";
import { changedModelCount } from "../store/lineage-rows.js";
import { idsOfMarkedNodes, orgModelNodes } from "../store/model-queries.js";
import type { ModelMetrics } from "./model-metrics.js";
import type { Store } from "../store/open-store.js";
import { transaction } from "../store/transaction.js";
import { orgOf } from "../vocabulary/model-id.js";
import { runChecks, type ChecksReport } from "./checks.js";
import { computeIndexMetrics, indexComponents, type IndexMetrics } from "./index-metrics.js";
import { countReached } from "./index-reach.js";
import { indexFromSections, indexSections } from "./index-sections.js";
import { buildLineageIndex, PLACEHOLDER, PRESENT, updateLineageIndex, type LineageIndex } from "./lineage-index.js";
import type { LineageStats } from "./lineage-stats.js";
import type { OrgFamilySize } from "./org-families.js";

/** How many of the largest org families are kept with the index. */
export const ORG_FAMILIES_KEPT = 100;

/** How many examples of each check are kept with the index. */
export const CHECK_EXAMPLES_KEPT = 100;

export interface Headline {
  stats: LineageStats;
  largestOrgFamilies: OrgFamilySize[];
  /** The checks report with CHECK_EXAMPLES_KEPT examples of each check. */
  checks: ChecksReport;
}

export interface IndexedLineage {
  store: Store;
  index: LineageIndex;
  metrics: IndexMetrics;
  headline: Headline;
}

function headlineStats(index: LineageIndex, metrics: IndexMetrics): LineageStats {
  let multiParent = 0;
  let roots = 0;
  let placeholders = 0;
  let maxGeneration = 0;
  for (let node = 0; node < index.size; node++) {
    const flags = index.flags[node] as number;
    if ((flags & PRESENT) === 0) continue;
    const parents = (index.parentStart[node + 1] as number) - (index.parentStart[node] as number);
    if (parents > 1) multiParent++;
    // A placeholder has no record, so nothing says whether it has a base: it is no root.
    if ((flags & PLACEHOLDER) !== 0) placeholders++;
    else if (parents === 0) roots++;
    maxGeneration = Math.max(maxGeneration, metrics.generation[node] as number);
  }
  return {
    nodes: index.models,
    edges: index.parents.length,
    selfLoops: index.selfLoops,
    multiParent,
    roots,
    placeholders,
    maxGeneration,
  };
}

/**
 * The largest org families, without walking every org: the sum of an org's models' descendant counts bounds its
 * family from above, so orgs are measured exactly in order of that bound until no other can beat those found. Only
 * models with descendants add to a bound; a measured org's own models are all looked up (they are not counted).
 */
function largestOrgFamilies(store: Store, index: LineageIndex, metrics: IndexMetrics, limit: number): OrgFamilySize[] {
  const bounds = new Map<string, { org: string; bound: number }>();
  const withDescendants = new Uint8Array(index.size);
  for (let node = 0; node < index.size; node++)
    if ((metrics.descendants[node] as number) > 0) withDescendants[node] = 1;
  for (const [node, id] of idsOfMarkedNodes(store, withDescendants)) {
    const descendants = metrics.descendants[node] as number;
    const org = orgOf(id);
    if (org === null) continue;
    const key = org.toLowerCase();
    const entry = bounds.get(key);
    if (entry === undefined) bounds.set(key, { org, bound: descendants });
    else entry.bound += descendants;
  }
  const candidates = [...bounds.values()].sort((a, b) => b.bound - a.bound);
  const found: OrgFamilySize[] = [];
  const byRank = (a: OrgFamilySize, b: OrgFamilySize) => b.descendants - a.descendants || (a.org < b.org ? -1 : 1);
  for (const candidate of candidates) {
    const kth = found.length >= limit ? (found[limit - 1] as OrgFamilySize).descendants : -1;
    if (candidate.bound < kth) break;
    const own = orgModelNodes(store, candidate.org).filter(([node]) => node < index.size);
    const nodes = own.map(([node]) => node);
    const descendants = countReached(index, nodes, { direction: "down" });
    // Spelled as the org's first model in node order spells it, as the graph's largestOrgFamilies does.
    found.push({ org: orgOf((own[0] as [number, string])[1]) as string, models: nodes.length, descendants });
    found.sort(byRank);
  }
  return found.slice(0, limit);
}

/** The checks report with `examples` examples of each check: the stored one when it holds enough, else run now. */
export function indexChecks(lineage: IndexedLineage, examples: number): ChecksReport {
  if (examples > CHECK_EXAMPLES_KEPT) return runChecks(lineage, { examples });
  const stored = lineage.headline.checks;
  const trimmed = Object.entries(stored).map(([name, check]) => [
    name,
    { ...check, examples: check.examples.slice(0, examples) },
  ]);
  return Object.fromEntries(trimmed) as unknown as ChecksReport;
}

/** The `limit` largest org families: the stored ones when they are enough, else measured now. */
export function indexOrgFamilies(lineage: IndexedLineage, limit: number): OrgFamilySize[] {
  if (limit <= ORG_FAMILIES_KEPT) return lineage.headline.largestOrgFamilies.slice(0, limit);
  return largestOrgFamilies(lineage.store, lineage.index, lineage.metrics, limit);
}

/** The stored index of `version`, every section read now (inside the caller's transaction), or null. */
function storedIndexOf(
  store: Store,
  version: number,
): { index: LineageIndex; metrics: IndexMetrics; headline: Headline } | null {
  const loaded = indexFromSections<Headline>((name) => readIndexSection(store, version, name));
  if (loaded === null) return null;
  for (const part of [loaded.index, loaded.metrics])
    for (const key of Object.keys(part)) void (part as unknown as Record<string, unknown>)[key];
  return loaded;
}

/**
 * The index of the data as it is now: the stored one brought up to date from the models changed since it was built
 * when they are few, else built whole. One transaction: the stored index and the list of changes belong together.
 */
function currentIndex(store: Store): LineageIndex {
  return transaction(store, () => {
    const version = storedIndexVersion(store);
    const stored = version === null ? null : storedIndexOf(store, version);
    if (stored !== null && changedModelCount(store) * 4 < stored.index.size) {
      return updateLineageIndex(store, stored.index);
    }
    return buildLineageIndex(store);
  });
}

function build(store: Store): IndexedLineage {
  const index = currentIndex(store);
  const components = indexComponents(index);
  const metrics = computeIndexMetrics(index, components);
  const headline = {
    stats: headlineStats(index, metrics),
    largestOrgFamilies: largestOrgFamilies(store, index, metrics, ORG_FAMILIES_KEPT),
    checks: runChecks({ store, index }, { examples: CHECK_EXAMPLES_KEPT, components }),
  };
  if (!store.readonly) {
    // Stored only when the data is still what it was built from; while another process writes, it is not stored.
    withWriteLock(store, (version) => {
      if (version === index.dataVersion) writeIndexSections(store, version, indexSections(index, metrics, headline));
    });
  }
  return { store, index, metrics, headline };
}

/**
 * The stored index when it is not the one of `servedVersion` (a newer one, stored by an import or a crawl that
 * finished), read whole in one transaction; null when there is no other. What `serve` switches to.
 */
export function newerStoredLineage(store: Store, servedVersion: number): IndexedLineage | null {
  return transaction(store, () => {
    const version = storedIndexVersion(store);
    if (version === null || version === servedVersion) return null;
    // Every section now, inside this transaction: a later rebuild may replace them.
    const loaded = storedIndexOf(store, version);
    return loaded === null ? null : { store, ...loaded };
  });
}

/** Rebuilds and stores the index unless the stored one matches the data (after an import or a crawl). */
export function refreshIndexedLineage(store: Store): void {
  if (storedIndexVersion(store) !== dataVersion(store)) build(store);
}

/** The stored index when it matches the data, else a new one (stored unless read-only or another process writes). */
export function openIndexedLineage(store: Store): IndexedLineage {
  // One read transaction: the version and every section come from one snapshot, whatever a writer does meanwhile.
  const loaded = transaction(store, () => {
    const version = dataVersion(store);
    if (storedIndexVersion(store) !== version) return null;
    return indexFromSections<Headline>((name) => {
      const bytes = readIndexSection(store, version, name);
      if (bytes === undefined && name !== "header") {
        throw new StoreError(`store: the lineage index of "${store.path}" was replaced while it was read; run again`);
      }
      return bytes;
    });
  });
  return loaded === null ? build(store) : { store, ...loaded };
}

/** One model's stored metrics, in the shape the API and the exports give them. */
export function modelMetricsOf(lineage: IndexedLineage, node: number): ModelMetrics {
  const { index, metrics } = lineage;
  return {
    generation: metrics.generation[node] as number,
    descendants: metrics.descendants[node] as number,
    children: (index.childStart[node + 1] as number) - (index.childStart[node] as number),
    pagerank: metrics.pagerank[node] as number,
    subtreeDownloads: metrics.subtreeDownloads[node] as number,
  };
}
