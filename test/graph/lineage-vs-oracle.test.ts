// The lineage engine on the real data (the 30K edge list, its model list, the family-tree dumps, and all together)
// against the networkx oracle in test/oracle: every expected figure comes from lineage_oracle.py reading the raw files.
import { beforeAll, describe, expect, it } from "vitest";
import { ancestorPaths, ancestorsOf } from "../../src/graph/ancestry.js";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { runChecks } from "../../src/graph/checks.js";
import { familyReport } from "../../src/graph/family.js";
import { lineageStats } from "../support/graphology-reference/lineage-stats.js";
import type { Lineage } from "../support/graphology-reference/lineage.js";
import { resolveQuery } from "../../src/graph/resolve-query.js";
import { topModels } from "../../src/graph/top-models.js";
import { fixtureLineage, SOURCE_SETS, type SourceSet } from "../support/fixture-databases.js";
import { runOracle } from "../support/oracle-cache.js";
import { ORACLE_QUESTIONS, ORACLE_TOP as TOP } from "../support/oracle-questions.js";
import type { OracleResult } from "../support/run-oracle.js";

/**
 * Each source set is a database the run builds once (importFile of these files, in order, into a new database,
 * and loadLineage), and the oracle reads the same files. The families asked (test/support/oracle-questions.ts): two
 * orgs; Qwen2.5-14B, whose family is mostly merges of merges; bigscience/bloom, a placeholder whose one grandchild
 * is a merge of its two children (so it is reached through two parents); and two roots of the family-tree dumps,
 * whose children come from the Hub's tags and from the dumps' child lists.
 */
const SOURCES: { name: string; set: SourceSet; families: readonly string[] }[] = [
  { name: "edges.csv alone", set: "edges", families: ORACLE_QUESTIONS.edges.families },
  {
    name: "edges.csv and metadata.csv",
    set: "edges-and-metadata",
    families: ORACLE_QUESTIONS["edges-and-metadata"].families,
  },
  { name: "the eleven family trees", set: "family-trees", families: ORACLE_QUESTIONS["family-trees"].families },
  { name: "all 13 files", set: "bundle", families: ORACLE_QUESTIONS.bundle.families },
];

it("asks the oracle about the same files each database holds", () => {
  for (const { set } of SOURCES) {
    const question = ORACLE_QUESTIONS[set];
    const files = [...(question.edges ?? []), ...(question.metadata ?? []), ...(question.familyTrees ?? [])];
    expect(files).toEqual(SOURCE_SETS[set]);
  }
});

describe.each(SOURCES)("the lineage of $name", ({ set, families }) => {
  let lineage: Lineage;
  let oracle: OracleResult;

  beforeAll(() => {
    oracle = runOracle(ORACLE_QUESTIONS[set]);
    lineage = fixtureLineage(set);
  });

  it("has the oracle's headline figures", () => {
    expect(lineageStats(lineage)).toEqual(oracle.stats);
  });

  it.each(families)("gives the family of %s as networkx does (each model once, at its shortest depth)", (query) => {
    expect(familyReport(lineage.graph, resolveQuery(lineage.store, query))).toEqual(oracle.families[query]);
  });

  it("gives every model the oracle's generation, descendant count and number of children", () => {
    const expected = oracle.perModel ?? {};
    const mismatches: string[] = [];
    for (const [id, [generation, descendants, children]] of Object.entries(expected)) {
      const got = lineage.metrics.get(id);
      if (got?.generation !== generation || got.descendants !== descendants || got.children !== children) {
        mismatches.push(
          `${id}: expected ${generation}/${descendants}/${children}, ` +
            `got ${got?.generation}/${got?.descendants}/${got?.children}`,
        );
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(lineage.metrics.size).toBe(Object.keys(expected).length);
  });

  it("finds the deepest model's ancestors and every one of its paths to a root", () => {
    const deepest = oracle.deepest.ids[0] as string;
    const expected = oracle.ancestors[deepest];
    expect(lineage.metrics.get(deepest)?.generation).toBe(oracle.deepest.generation);
    expect(ancestorsOf(lineage.graph, deepest)).toEqual(expected?.ancestors);
    const all = ancestorPaths(lineage.graph, deepest, { maxPaths: 100_000 });
    expect(all).toEqual({ paths: expected?.paths, truncated: false });
    // The longest chain networkx finds is one of those paths, read from the root down.
    expect(all.paths).toContainEqual([...(oracle.deepest.chain ?? [])].reverse());
    // Capped: the first paths in order of their ids, and a flag saying whether there were more.
    expect(ancestorPaths(lineage.graph, deepest, { maxPaths: 100 })).toEqual({
      paths: expected?.paths?.slice(0, 100),
      truncated: (expected?.pathCount ?? 0) > 100,
    });
  });

  it("counts self-loops, cycles, placeholders, case variants and quantized parents as networkx does", () => {
    const report = runChecks(openIndexedLineage(lineage.store), { examples: 1_000_000 });
    expect(report.selfLoops.examples).toEqual(oracle.checks.selfLoops);
    expect(report.cycles.examples).toEqual(oracle.checks.cycles);
    expect(report.placeholders.examples).toEqual(oracle.checks.placeholders);
    expect(report.caseVariants.examples).toEqual(oracle.checks.caseVariants);
    expect(report.quantizedWithChildren.examples).toEqual(oracle.checks.quantizedWithChildren);
  });

  const ranksTitle =
    "ranks models by descendants, children and subtree downloads as networkx counts them, ties by downloads then id";
  it(ranksTitle, () => {
    for (const by of ["descendants", "children", "subtree-downloads"] as const) {
      expect(topModels(lineage.graph, lineage.metrics, by, TOP)).toEqual(oracle.top[by]);
    }
  });

  it("ranks models by influence as networkx's PageRank on the reversed graph does", () => {
    // Both iterate to a tolerance, so values agree to about 1e-6 relative; a different damping factor or handling
    // of dangling models would move them by percents.
    const ranked = topModels(lineage.graph, lineage.metrics, "pagerank", TOP);
    expect(ranked.map((model) => model.id)).toEqual(oracle.top.pagerank.map((model) => model.id));
    ranked.forEach((model, index) =>
      expect((model.value ?? NaN) / (oracle.top.pagerank[index]?.value ?? NaN)).toBeCloseTo(1, 4),
    );
  });
});
