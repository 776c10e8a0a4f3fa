// The hand-made family-tree dump of small-family-tree.ts, through the engine and through the networkx oracle: both
// must give the figures worked out by hand from the picture there (tags beat lists; ties rank by downloads).
import { beforeAll, describe, expect, it } from "vitest";
import { familyReport } from "../../src/graph/family.js";
import { lineageStats } from "../support/graphology-reference/lineage-stats.js";
import { loadLineage, type Lineage } from "../support/graphology-reference/lineage.js";
import { resolveQuery } from "../../src/graph/resolve-query.js";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { runChecks } from "../../src/graph/checks.js";
import { topModels } from "../../src/graph/top-models.js";
import { importFile } from "../../src/sync/import-file.js";
import { openStore } from "../../src/store/open-store.js";
import { runOracle } from "../support/oracle-cache.js";
import type { OracleResult } from "../support/run-oracle.js";
import { writeSmallFamilyTree } from "../support/small-family-tree.js";

// Generation 0: r/root and p/gone, but only r/root is a root (p/gone is a placeholder, with no record); z/other has
// two parents; deepest: m/grand and z/other at 2.
const STATS = { nodes: 7, edges: 6, selfLoops: 0, multiParent: 1, roots: 1, placeholders: 1, maxGeneration: 2 };
// r/root's children: k/ft and k/q finetune (k/q's tag overrules the quantized list), k/lora adapter. Below them
// m/grand (finetune, from k/ft's children list) and z/other (merge), both at depth 2.
const ROOT_FAMILY = {
  query: "r/root",
  kind: "model",
  models: 1,
  children: { total: 3, byRelation: { finetune: 2, adapter: 1, quantized: 0, merge: 0, unknown: 0 } },
  descendants: {
    total: 5,
    byRelation: { finetune: 3, adapter: 1, quantized: 0, merge: 1, unknown: 0 },
    byDepth: { "1": 3, "2": 2 },
  },
  ancestors: [],
  placeholder: false,
};
// Subtree downloads: r/root 100 + 50 + 7 + 3 = 160; k/ft 50 + 3; k/q 7; z/other 3 and p/gone 0 + 3 tie at 3, and
// z/other's own 3 downloads rank it first (known before unknown); no source gives the downloads of p/gone, k/lora
// and m/grand (no record, or metadata N/A): null, counted as none in the sums; k/lora and m/grand are leaves, so no
// model of their subtree has known downloads: their subtree downloads are null too, ranked last.
const BY_SUBTREE_DOWNLOADS = [
  ["r/root", 160, 100],
  ["k/ft", 53, 50],
  ["k/q", 7, 7],
  ["z/other", 3, 3],
  ["p/gone", 3, null],
  ["k/lora", null, null],
  ["m/grand", null, null],
];
// Descendants: r/root 5, k/ft 2 (m/grand, z/other), p/gone 1; the four leaves by downloads (k/q 7, z/other 3), then id.
const BY_DESCENDANTS = [
  ["r/root", 5, 100],
  ["k/ft", 2, 50],
  ["p/gone", 1, null],
  ["k/q", 0, 7],
  ["z/other", 0, 3],
  ["k/lora", 0, null],
  ["m/grand", 0, null],
];

const triples = (models: { id: string; value: number | null; downloads: number | null }[]) =>
  models.map((m) => [m.id, m.value, m.downloads]);

describe("a small family-tree dump", () => {
  let lineage: Lineage;
  let oracle: OracleResult;

  beforeAll(async () => {
    const path = writeSmallFamilyTree();
    const db = openStore(":memory:");
    await importFile(db, path);
    lineage = loadLineage(db);
    oracle = runOracle({ familyTrees: [path], families: ["r/root"], top: 10 });
  });

  it("has the hand-counted figures, in the engine and in the oracle", () => {
    expect(lineageStats(lineage)).toEqual(STATS);
    expect(oracle.stats).toEqual(STATS);
  });

  it("counts a child by the Hub's tag, not by the list that names it", () => {
    expect(familyReport(lineage.graph, resolveQuery(lineage.store, "r/root"))).toEqual(ROOT_FAMILY);
    expect(oracle.families["r/root"]).toEqual(ROOT_FAMILY);
    expect(runChecks(openIndexedLineage(lineage.store)).quantizedWithChildren.count).toBe(0);
    expect(oracle.checks.placeholders).toEqual(["p/gone"]);
  });

  it("ranks by value, then by the model's own downloads, then by id", () => {
    expect(triples(topModels(lineage.graph, lineage.metrics, "subtree-downloads", 10))).toEqual(BY_SUBTREE_DOWNLOADS);
    expect(triples(oracle.top["subtree-downloads"])).toEqual(BY_SUBTREE_DOWNLOADS);
    expect(triples(topModels(lineage.graph, lineage.metrics, "descendants", 10))).toEqual(BY_DESCENDANTS);
    expect(triples(oracle.top.descendants)).toEqual(BY_DESCENDANTS);
  });
});
