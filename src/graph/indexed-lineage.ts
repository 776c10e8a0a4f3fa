// The lineage of one database as the questions read it: the index, its metrics and the headline figures (stats, the
// largest org families), stored with the data version they were built from and rebuilt only when the data changed.

import { dataVersion, StoreError } from "../store/open-store.js";
import { storedIndexVersion, storedSectionReader, withWriteLock, writeIndexSections } from "../store/index-sections.js";
import { changedModelCount } from "../store/lineage-rows.js";
import { knownSubtreeDownloads } from "./known-subtree-downloads.js";
import type { ModelMetrics } from "./model-metrics.js";
import type { Store } from "../store/open-store.js";
import { transaction } from "../store/transaction.js";
import { runChecks, type ChecksReport } from "./checks.js";
import {
  cycleGroups,
  NO_ORG,
  readIndexGroups,
  updateIndexGroups,
  type IdGroups,
  type IndexGroups,
} from "./index-groups.js";
import { readLicenceCodes, updateLicenceCodes, type LicenceCodes } from "./index-licence-codes.js";
import { computeIndexMetrics, indexComponents, type IndexMetrics } from "./index-metrics.js";
import { updateIndexMetrics, type MetricsUpdate } from "./index-metrics-update.js";
import { descendantCounts, type DescendantCounts } from "./index-descendant-counts.js";
import { descendantCounter } from "./index-reach.js";
import { indexFromSections, indexSections, type IndexParts } from "./index-sections.js";
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
  /**
   * The family counts of the same orgs (by org number, in the same order): `family ORG` of the largest orgs, the
   * question asked most, read instead of walked.
   */
  largestOrgFamilyCounts: { org: number; models: number; descendants: DescendantCounts }[];
  /** The checks report with CHECK_EXAMPLES_KEPT examples of each check. */
  checks: ChecksReport;
}

export interface IndexedLineage {
  store: Store;
  index: LineageIndex;
  metrics: IndexMetrics;
  groups: IndexGroups;
  /** Each model's declared licence. */
  licences: LicenceCodes;
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

/** Each org's models as compressed rows: the models of org k, in node order, from `start[k]` up to `start[k + 1]`. */
function orgMembers(groups: IndexGroups): { start: Uint32Array; members: Uint32Array } {
  const { org, orgNames } = groups;
  const start = new Uint32Array(orgNames.length + 1);
  for (let node = 0; node < org.length; node++) {
    const number = org[node] as number;
    if (number !== NO_ORG) start[number + 1] = (start[number + 1] as number) + 1;
  }
  for (let k = 0; k < orgNames.length; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const next = start.slice(0, orgNames.length);
  const members = new Uint32Array(start[orgNames.length] as number);
  for (let node = 0; node < org.length; node++) {
    const number = org[node] as number;
    if (number === NO_ORG) continue;
    members[next[number] as number] = node;
    next[number] = (next[number] as number) + 1;
  }
  return { start, members };
}

/**
 * The largest org families, without walking every org: the sum of an org's models' descendant counts bounds its
 * family from above, so orgs are measured exactly in order of that bound until no other can beat those found. Orgs
 * whose models have no descendants are left out. Each with its org number.
 */
function largestOrgFamilies(
  index: LineageIndex,
  metrics: IndexMetrics,
  groups: IndexGroups,
  limit: number,
): { number: number; size: OrgFamilySize }[] {
  const bound = new Float64Array(groups.orgNames.length);
  for (let node = 0; node < index.size; node++) {
    const number = groups.org[node] as number;
    if (number !== NO_ORG) bound[number] = (bound[number] as number) + (metrics.descendants[node] as number);
  }
  const candidates: number[] = [];
  for (let number = 0; number < bound.length; number++) if ((bound[number] as number) > 0) candidates.push(number);
  candidates.sort((a, b) => (bound[b] as number) - (bound[a] as number));
  const { start, members } = orgMembers(groups);
  const countDescendants = descendantCounter(index);
  const found: { number: number; size: OrgFamilySize }[] = [];
  const byRank = (a: { size: OrgFamilySize }, b: { size: OrgFamilySize }) =>
    b.size.descendants - a.size.descendants || (a.size.org < b.size.org ? -1 : 1);
  for (const candidate of candidates) {
    const kth = found.length >= limit ? (found[limit - 1] as { size: OrgFamilySize }).size.descendants : -1;
    if ((bound[candidate] as number) < kth) break;
    const nodes = members.subarray(start[candidate], start[candidate + 1]);
    // Spelled as the org's first model in node order spells it, as the graph's largestOrgFamilies does.
    found.push({
      number: candidate,
      size: { org: groups.orgNames[candidate] as string, models: nodes.length, descendants: countDescendants(nodes) },
    });
    found.sort(byRank);
  }
  return found.slice(0, limit);
}

/** The descendant counts of each of the `largest` org families, walked once here so that reading them is enough. */
function largestOrgFamilyCounts(
  index: LineageIndex,
  groups: IndexGroups,
  largest: { number: number; size: OrgFamilySize }[],
): Headline["largestOrgFamilyCounts"] {
  const { start, members } = orgMembers(groups);
  return largest.map(({ number, size }) => ({
    org: number,
    models: size.models,
    descendants: descendantCounts(index, [...members.subarray(start[number], start[number + 1])]),
  }));
}

/**
 * The stored family counts of the org whose own models are exactly `sources`, or null when the org is not among
 * the largest kept (or `sources` are not all of one org's models).
 */
export function storedOrgFamilyCounts(lineage: IndexedLineage, sources: readonly number[]): DescendantCounts | null {
  const first = sources[0];
  if (first === undefined) return null;
  const org = lineage.groups.org[first];
  const stored = lineage.headline.largestOrgFamilyCounts.find((entry) => entry.org === org);
  if (stored === undefined || stored.models !== sources.length) return null;
  // The org's models are distinct nodes, so as many of them, all of this org, are all of them.
  return sources.every((node) => lineage.groups.org[node] === org) ? stored.descendants : null;
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
  return largestOrgFamilies(lineage.index, lineage.metrics, lineage.groups, limit).map(({ size }) => size);
}

/** The stored index of `version`, every section read now (inside the caller's transaction), or null. */
function storedIndexOf(store: Store, version: number): IndexParts<Headline> | null {
  const loaded = indexFromSections<Headline>(storedSectionReader(store, version));
  if (loaded === null) return null;
  for (const part of [loaded.index, loaded.metrics, loaded.groups, loaded.licences])
    for (const key of Object.keys(part)) void (part as unknown as Record<string, unknown>)[key];
  return loaded;
}

/**
 * The index of the data as it is now, with the groups read from ids and each model's licence code: the stored ones
 * brought up to date from the models changed since they were built when those are few (with the stored index
 * returned as `previous`), else built whole. One transaction: the stored index and the list of changes belong together.
 */
function currentIndex(store: Store): {
  index: LineageIndex;
  ids: IdGroups;
  licences: LicenceCodes;
  previous: IndexParts<Headline> | null;
} {
  return transaction(store, () => {
    const version = storedIndexVersion(store);
    const stored = version === null ? null : storedIndexOf(store, version);
    if (stored !== null && changedModelCount(store) * 4 < stored.index.size) {
      const index = updateLineageIndex(store, stored.index);
      return {
        index,
        ids: updateIndexGroups(store, stored.groups, index),
        licences: updateLicenceCodes(store, stored.licences, index),
        previous: stored,
      };
    }
    const index = buildLineageIndex(store);
    return { index, ids: readIndexGroups(store, index), licences: readLicenceCodes(store, index), previous: null };
  });
}

/** The metrics and cycles of `index`: brought up to date from the previous index's when it allows, else whole. */
function currentMetrics(index: LineageIndex, previous: IndexParts<Headline> | null): MetricsUpdate {
  const updated =
    previous === null ? null : updateIndexMetrics(previous.index, previous.metrics, previous.groups.cycles, index);
  if (updated !== null) return updated;
  const components = indexComponents(index);
  return { metrics: computeIndexMetrics(index, components), cycles: cycleGroups(index, components) };
}

function build(store: Store): IndexedLineage {
  const { index, ids, licences, previous } = currentIndex(store);
  const { metrics, cycles } = currentMetrics(index, previous);
  const groups = { ...ids, cycles };
  const largest = largestOrgFamilies(index, metrics, groups, ORG_FAMILIES_KEPT);
  const headline = {
    stats: headlineStats(index, metrics),
    largestOrgFamilies: largest.map(({ size }) => size),
    largestOrgFamilyCounts: largestOrgFamilyCounts(index, groups, largest),
    checks: runChecks({ store, index, groups }, { examples: CHECK_EXAMPLES_KEPT }),
  };
  if (!store.readonly) {
    // Stored only when the data is still what it was built from; while another process writes, it is not stored.
    withWriteLock(store, (version) => {
      if (version === index.dataVersion)
        writeIndexSections(store, version, indexSections({ index, metrics, groups, licences, headline }));
    });
  }
  return { store, index, metrics, groups, licences, headline };
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
    const read = storedSectionReader(store, version);
    return indexFromSections<Headline>((name) => {
      const bytes = read(name);
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
    subtreeDownloads: knownSubtreeDownloads(index, metrics, node),
  };
}
