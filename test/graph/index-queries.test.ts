// Questions answered from the lineage index against the same questions answered on the graphology graph (checked
// against networkx in lineage-vs-oracle.test.ts), on the whole bundled snapshot: families of orgs and models,
// ancestors and their paths, rankings, the headline figures; and the index read back from the store.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ancestorPaths, ancestorsOf } from "../../src/graph/ancestry.js";
import { familyReport } from "../../src/graph/family.js";
import { indexAncestorPaths } from "../../src/graph/index-ancestry.js";
import { familyNodes, indexAncestors, indexFamilyReport } from "../../src/graph/index-family.js";
import { forEachReached, reachOrder, type IndexReachOptions } from "../../src/graph/index-reach.js";
import { indexTopModels } from "../../src/graph/index-top.js";
import { runChecks } from "../../src/graph/checks.js";
import {
  CHECK_EXAMPLES_KEPT,
  indexChecks,
  openIndexedLineage,
  ORG_FAMILIES_KEPT,
  storedOrgFamilyCounts,
  type IndexedLineage,
} from "../../src/graph/indexed-lineage.js";
import { lineageStats } from "../support/graphology-reference/lineage-stats.js";
import { loadLineage, type Lineage } from "../support/graphology-reference/lineage.js";
import { largestOrgFamilies } from "../../src/graph/org-families.js";
import { resolveQuery } from "../../src/graph/resolve-query.js";
import { RANKINGS, topModels } from "../../src/graph/top-models.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { storedIndexVersion } from "../../src/store/index-sections.js";
import { dataVersion, openStore } from "../../src/store/open-store.js";
import { buildLineageIndex } from "../../src/graph/lineage-index.js";
import { computeIndexMetrics } from "../../src/graph/index-metrics.js";
import { copyOfFixture } from "../support/fixture-databases.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

let graphSide: Lineage;
let indexSide: IndexedLineage;
/** Models asked about: the 200 with most descendants, every 97th model, and every model with several parents. */
let askedModels: string[];

beforeAll(() => {
  const store = openStore(copyOfFixture("bundle", scratchFolder()));
  graphSide = loadLineage(store);
  indexSide = openIndexedLineage(store);
  const byDescendants = topModels(graphSide.graph, graphSide.metrics, "descendants", 200).map((model) => model.id);
  const every97th = graphSide.graph.nodes().filter((_id, position) => position % 97 === 0);
  const merges = graphSide.graph.filterNodes((id) => graphSide.graph.inDegree(id) > 1);
  askedModels = [...new Set([...byDescendants, ...every97th, ...merges])];
});

afterAll(() => removeScratchFolders());

describe("questions answered from the lineage index", () => {
  it("gives every org family of the 100 largest and every asked model's family as the graph does", () => {
    const orgs = largestOrgFamilies(graphSide.graph, graphSide.metrics, 100).map((family) => family.org);
    expect(askedModels.length).toBeGreaterThan(600);
    for (const query of [...orgs, ...askedModels]) {
      const resolved = resolveQuery(graphSide.store, query);
      expect(indexFamilyReport(indexSide, resolved), query).toEqual(familyReport(graphSide.graph, resolved));
    }
  });

  it("keeps the counts of the 100 largest org families, read for exactly those orgs' own models", () => {
    const kept = indexSide.headline.largestOrgFamilyCounts;
    expect(kept.map((entry) => indexSide.groups.orgNames[entry.org])).toEqual(
      indexSide.headline.largestOrgFamilies.map((family) => family.org),
    );
    for (const family of indexSide.headline.largestOrgFamilies) {
      const resolved = resolveQuery(graphSide.store, family.org);
      const sources = familyNodes(indexSide, resolved);
      const stored = storedOrgFamilyCounts(indexSide, sources);
      expect(stored, family.org).toEqual(familyReport(graphSide.graph, resolved).descendants);
      // Not all of the org's models, or another model's family: walked, not read.
      if (sources.length > 1) expect(storedOrgFamilyCounts(indexSide, sources.slice(1)), family.org).toBeNull();
    }
    const [largest] = indexSide.headline.largestOrgFamilies;
    const model = resolveQuery(
      graphSide.store,
      askedModels.find((id) => !id.startsWith(`${largest?.org}/`))!,
    );
    expect(storedOrgFamilyCounts(indexSide, familyNodes(indexSide, model))).toBeNull();
  });

  it("counts every family from a walk made once for the overview as the graph does", () => {
    const orgs = largestOrgFamilies(graphSide.graph, graphSide.metrics, 100).map((family) => family.org);
    for (const query of [...orgs, ...askedModels]) {
      const resolved = resolveQuery(graphSide.store, query);
      const walked = reachOrder(indexSide.index, familyNodes(indexSide, resolved), { direction: "down" });
      expect(indexFamilyReport(indexSide, resolved, walked), query).toEqual(familyReport(graphSide.graph, resolved));
    }
  });

  it("walks as arrays the nodes forEachReached visits, in its order, with their depth and where each came from", () => {
    const walks: IndexReachOptions[] = [
      { direction: "down" },
      { direction: "up" },
      { direction: "down", maxDepth: 2 },
      { direction: "down", relations: ["finetune", "merge"] },
      { direction: "down", maxDepth: 0 },
    ];
    const { index } = indexSide;
    let reached = 0;
    for (const id of askedModels.slice(0, 300)) {
      const sources = familyNodes(indexSide, resolveQuery(graphSide.store, id));
      for (const options of walks) {
        const visited: [number, number, number][] = [];
        forEachReached(index, sources, options, (node, depth, from) => visited.push([node, depth, from]));
        const walked = reachOrder(index, sources, options);
        expect([...walked.nodes.subarray(0, walked.sources)]).toEqual(sources);
        const arrays = [...walked.nodes.subarray(walked.sources)].map((node, k) => {
          const at = walked.sources + k;
          return [node, walked.depth[at], walked.nodes[walked.from[at]!]];
        });
        expect(arrays, `${id} ${JSON.stringify(options)}`).toEqual(visited);
        for (let at = 0; at < walked.nodes.length; at++) expect(walked.position[walked.nodes[at]!]).toBe(at);
        reached += visited.length;
      }
    }
    expect(reached).toBeGreaterThan(10_000);
  });

  it("gives every asked model's ancestors and paths to the roots as the graph does", () => {
    for (const id of askedModels) {
      const [node] = familyNodes(indexSide, { kind: "model", id });
      expect(indexAncestors(indexSide, node!), id).toEqual(ancestorsOf(graphSide.graph, id));
      expect(indexAncestorPaths(indexSide, node!, { maxPaths: 50 }), id).toEqual(
        ancestorPaths(graphSide.graph, id, { maxPaths: 50 }),
      );
    }
  });

  it("ranks models by every measure as the graph does", () => {
    for (const by of RANKINGS) {
      for (const limit of [1, 20, 100, 1000]) {
        expect(indexTopModels(indexSide, by, limit), `${by} ${limit}`).toEqual(
          topModels(graphSide.graph, graphSide.metrics, by, limit),
        );
      }
    }
  });

  it("keeps the checks report, and gives the stored one sliced or a new one for more examples", () => {
    for (const examples of [0, 1, 5, CHECK_EXAMPLES_KEPT, CHECK_EXAMPLES_KEPT + 1, 1_000_000]) {
      expect(indexChecks(indexSide, examples), `${examples} examples`).toEqual(runChecks(indexSide, { examples }));
    }
    // The snapshot has every kind of finding but self-loops, so the stored examples are really sliced.
    expect(indexSide.headline.checks.placeholders.count).toBeGreaterThan(CHECK_EXAMPLES_KEPT);
  });

  it("keeps the headline figures the graph gives", () => {
    expect(indexSide.headline.stats).toEqual(lineageStats(graphSide));
    // Roots by SQL: models with a record of their own and no parent but themselves; placeholders are not roots.
    const sqlRoots = connectionOf(graphSide.store)
      .prepare(
        `SELECT count(*) FROM models m WHERE m.placeholder = 0
           AND NOT EXISTS (SELECT 1 FROM edges e WHERE e.child = m.id AND e.parent <> m.id)`,
      )
      .pluck()
      .get();
    expect(indexSide.headline.stats.roots).toBe(sqlRoots);
    // A placeholder is never anyone's child, so the graph's models with no parent are the roots and the placeholders.
    const { roots, placeholders } = indexSide.headline.stats;
    expect(roots + placeholders).toBe(graphSide.graph.filterNodes((id) => graphSide.graph.inDegree(id) === 0).length);
    expect(placeholders).toBeGreaterThan(0);
    expect(indexSide.headline.largestOrgFamilies).toEqual(
      largestOrgFamilies(graphSide.graph, graphSide.metrics, ORG_FAMILIES_KEPT),
    );
  });

  it("is stored with the data version it was built from, read back identical, and rebuilt after new data", () => {
    const { store } = graphSide;
    expect(storedIndexVersion(store)).toBe(dataVersion(store));
    // What is read back (indexSide, stored when the fixture was made) equals what a new build gives.
    const built = buildLineageIndex(store);
    expect(indexSide.index).toEqual(built);
    expect(indexSide.metrics).toEqual(computeIndexMetrics(built));
    // New data (one more model as an edge list row) makes the stored index stale: the next open rebuilds it.
    const before = dataVersion(store);
    connectionOf(store).prepare(`UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'`).run();
    expect(storedIndexVersion(store)).toBe(before);
    const rebuilt = openIndexedLineage(store);
    expect(rebuilt.index.dataVersion).toBe(before + 1);
    expect(storedIndexVersion(store)).toBe(before + 1);
  });
});
