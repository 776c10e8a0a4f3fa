// Reports on the hand-drawn fifteen-model edge list of small-lineage.ts: the printed tree, rankings, checks and
// "did you mean" suggestions, each expected value worked out by hand from the picture there.
import { beforeAll, describe, expect, it } from "vitest";
import { runChecks } from "../../src/graph/checks.js";
import { loadLineage, type Lineage } from "../support/graphology-reference/lineage.js";
import { familyNodes } from "../../src/graph/index-family.js";
import { indexTree, treeLines } from "../../src/graph/index-tree.js";
import { openIndexedLineage, type IndexedLineage } from "../../src/graph/indexed-lineage.js";
import { resolveQuery, UnknownQueryError } from "../../src/graph/resolve-query.js";
import { topModels } from "../../src/graph/top-models.js";
import { importFile } from "../../src/sync/import-file.js";
import { openStore } from "../../src/store/open-store.js";
import { SMALL_LINEAGE_TREE, writeSmallLineage } from "../support/small-lineage.js";

let lineage: Lineage;
let indexed: IndexedLineage;

beforeAll(async () => {
  const db = openStore(":memory:");
  await importFile(db, writeSmallLineage());
  lineage = loadLineage(db);
  indexed = openIndexedLineage(db);
});

const tree = (root: string, maxDepth: number, maxNodes = 200, relations?: ("finetune" | "merge")[]) =>
  treeLines(
    indexTree(indexed, familyNodes(indexed, { kind: "model", id: root })[0] as number, {
      maxDepth,
      maxNodes,
      relations,
    }),
  );

describe("the small lineage's tree", () => {
  it("prints the diamond's merge once and refers to it under its second parent", () => {
    expect(tree("a/base", 2)).toEqual(SMALL_LINEAGE_TREE);
  });

  it("stops at --max-nodes and says how many siblings are left", () => {
    // a/base, a/ft1, c/merge fill the three places; c/merge-GGUF and then b/ft2, e/Variant, e/variant are left.
    expect(tree("a/base", 10, 3)).toEqual([
      "a/base (placeholder)  [7 descendants]",
      "├─ finetune: a/ft1  [3 descendants]",
      "│  └─ merge: c/merge  [2 descendants]",
      "│     └─ ... 1 more (raise --max-nodes)",
      "└─ ... 3 more (raise --max-nodes)",
    ]);
  });

  it("follows only the relations asked for", () => {
    expect(tree("a/base", 10, 200, ["finetune"])).toEqual([
      "a/base (placeholder)  [7 descendants]",
      "├─ finetune: a/ft1  [3 descendants]",
      "└─ finetune: b/ft2  [3 descendants]",
    ]);
  });

  it("goes round a cycle once", () => {
    // x/three's children: x/one (3 descendants, already printed) before x/leaf (0).
    expect(tree("x/root", 10)).toEqual([
      "x/root (placeholder)  [4 descendants]",
      "└─ finetune: x/one  [3 descendants]",
      "   └─ finetune: x/two  [3 descendants]",
      "      └─ finetune: x/three  [3 descendants]",
      "         ├─ finetune: x/one (shown above)",
      "         └─ adapter: x/leaf",
    ]);
  });
});

describe("the small lineage's rankings", () => {
  it("ranks by descendants, ties (no downloads) by id", () => {
    // a/base 7, x/root 4, then 3 each: a/ft1, b/ft2, x/one, x/three, x/two.
    expect(topModels(lineage.graph, lineage.metrics, "descendants", 5).map(({ id, value }) => [id, value])).toEqual([
      ["a/base", 7],
      ["x/root", 4],
      ["a/ft1", 3],
      ["b/ft2", 3],
      ["x/one", 3],
    ]);
  });

  it("ranks by direct children", () => {
    // a/base 4, x/three 2 (x/one and x/leaf), then eight models with 1 child, first by id a/ft1.
    expect(topModels(lineage.graph, lineage.metrics, "children", 3).map(({ id, value }) => [id, value])).toEqual([
      ["a/base", 4],
      ["x/three", 2],
      ["a/ft1", 1],
    ]);
  });
});

describe("the small lineage's checks", () => {
  it("finds the self-loop, the cycle, the placeholders, the case variants and the quantized parent", () => {
    const report = runChecks(openIndexedLineage(lineage.store), { examples: 10 });
    const found = Object.fromEntries(
      Object.entries(report).map(([name, check]) => [name, [check.count, check.examples]]),
    );
    expect(found).toEqual({
      selfLoops: [1, ["s/self"]],
      cycles: [1, [["x/one", "x/three", "x/two"]]],
      placeholders: [2, ["a/base", "x/root"]],
      caseVariants: [1, [["e/Variant", "e/variant"]]],
      unresolved: [0, []],
      quantizedWithChildren: [1, [{ id: "c/merge-GGUF", children: 1 }]],
      childOlderThanParent: [0, []],
      duplicateBases: [0, []],
      skippedRecords: [0, []],
    });
  });
});

describe("looking up the small lineage", () => {
  const unknown = (query: string): UnknownQueryError => {
    try {
      resolveQuery(lineage.store, query);
    } catch (error) {
      if (error instanceof UnknownQueryError) return error;
      throw error;
    }
    throw new Error(`"${query}" resolved`);
  };

  it("finds models and orgs in any letter case, the exact spelling first", () => {
    expect(resolveQuery(lineage.store, "A/BASE")).toEqual({ kind: "model", id: "a/base" });
    expect(resolveQuery(lineage.store, "e/variant")).toEqual({ kind: "model", id: "e/variant" });
    expect(resolveQuery(lineage.store, "e/Variant")).toEqual({ kind: "model", id: "e/Variant" });
    expect(resolveQuery(lineage.store, "X")).toEqual({
      kind: "org",
      org: "x",
      models: ["x/leaf", "x/one", "x/root", "x/three", "x/two"],
    });
  });

  it("suggests the closest ids for a typo, the same name under another org, or a near org", () => {
    // "a/bsae" is two edits from a/base and at least four from every other id.
    expect(unknown("a/bsae").suggestions).toEqual(["a/base"]);
    expect(unknown("a/bsae").message).toBe('unknown model or org "a/bsae"; did you mean "a/base"?');
    // "base" is the name of a/base; "merge-gguf" the name of c/merge-GGUF in another case.
    expect(unknown("base").suggestions).toEqual(["a/base"]);
    expect(unknown("merge-gguf").suggestions).toEqual(["c/merge-GGUF"]);
    // "y" is one edit from every one-letter org; five are shown, by id.
    expect(unknown("y").suggestions).toEqual(["a", "b", "c", "d", "e"]);
    expect(unknown("nothing-like-it").suggestions).toEqual([]);
  });
});
