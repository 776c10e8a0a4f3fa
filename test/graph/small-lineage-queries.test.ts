// Lineage queries on the hand-drawn fifteen-model edge list of small-lineage.ts: headline figures, families,
// ancestors and per-model metrics, each expected value worked out by hand from the picture there.
import { beforeAll, describe, expect, it } from "vitest";
import { ancestorPaths, ancestorsOf } from "../../src/graph/ancestry.js";
import { familyReport } from "../../src/graph/family.js";
import { lineageStats } from "../support/graphology-reference/lineage-stats.js";
import { loadLineage, type Lineage } from "../support/graphology-reference/lineage.js";
import { resolveQuery } from "../../src/graph/resolve-query.js";
import { importFile } from "../../src/sync/import-file.js";
import { openStore } from "../../src/store/open-store.js";
import { writeSmallLineage, SMALL_LINEAGE_STATS } from "../support/small-lineage.js";

let lineage: Lineage;

beforeAll(async () => {
  const db = openStore(":memory:");
  await importFile(db, writeSmallLineage());
  lineage = loadLineage(db);
});

const family = (query: string) => familyReport(lineage.graph, resolveQuery(lineage.store, query));

describe("the small lineage", () => {
  it("has the headline figures counted off the picture", () => {
    expect(lineageStats(lineage)).toEqual(SMALL_LINEAGE_STATS);
  });

  it("counts the diamond's merge once in a/base's family, at its shortest depth", () => {
    // Children: a/ft1, b/ft2 (finetune), e/Variant, e/variant (adapter). Below: c/merge at 2 (through either parent),
    // c/merge-GGUF at 3, d/from-quant at 4. Relations are the descendants' own: finetune a/ft1, b/ft2, d/from-quant.
    expect(family("a/base")).toEqual({
      query: "a/base",
      kind: "model",
      models: 1,
      children: { total: 4, byRelation: { finetune: 2, adapter: 2, quantized: 0, merge: 0, unknown: 0 } },
      descendants: {
        total: 7,
        byRelation: { finetune: 3, adapter: 2, quantized: 1, merge: 1, unknown: 0 },
        byDepth: { "1": 4, "2": 1, "3": 1, "4": 1 },
      },
      // a/base is named as a parent only: no record, so its own bases are unknown.
      ancestors: [],
      placeholder: true,
    });
  });

  it("walks a cycle once: x/two's family and ancestors", () => {
    // Down from x/two: x/three 1, then x/one and x/leaf 2; x/two itself is excluded though the cycle returns to it.
    // Up: x/one 1, then x/root and x/three 2 (ties by id).
    expect(family("x/two")).toEqual({
      query: "x/two",
      kind: "model",
      models: 1,
      children: { total: 1, byRelation: { finetune: 1, adapter: 0, quantized: 0, merge: 0, unknown: 0 } },
      descendants: {
        total: 3,
        byRelation: { finetune: 2, adapter: 1, quantized: 0, merge: 0, unknown: 0 },
        byDepth: { "1": 1, "2": 2 },
      },
      ancestors: [
        { id: "x/one", depth: 1 },
        { id: "x/root", depth: 2 },
        { id: "x/three", depth: 2 },
      ],
      placeholder: false,
    });
  });

  it("gives an org family: the union below the org's models, minus the org's own, each at the nearest depth", () => {
    // Org a: a/base, a/ft1. Depth 1: b/ft2, e/Variant, e/variant (from a/base), c/merge (from a/ft1); 2: c/merge-GGUF;
    // 3: d/from-quant. a/ft1 is the org's own, so not a descendant although a/base's child.
    expect(family("a")).toEqual({
      query: "a",
      kind: "org",
      models: 2,
      descendants: {
        total: 6,
        byRelation: { finetune: 2, adapter: 2, quantized: 1, merge: 1, unknown: 0 },
        byDepth: { "1": 4, "2": 1, "3": 1 },
      },
    });
    // Org c: c/merge, c/merge-GGUF; d/from-quant is 1 below c/merge-GGUF (2 below c/merge): depth 1.
    expect(family("C").descendants).toEqual({
      total: 1,
      byRelation: { finetune: 1, adapter: 0, quantized: 0, merge: 0, unknown: 0 },
      byDepth: { "1": 1 },
    });
  });

  it("follows every parent of a merge up to the roots", () => {
    // d/from-quant ← c/merge-GGUF ← c/merge ← {a/ft1, b/ft2} ← a/base: two paths, parents in order of id.
    expect(ancestorsOf(lineage.graph, "d/from-quant")).toEqual([
      { id: "c/merge-GGUF", depth: 1 },
      { id: "c/merge", depth: 2 },
      { id: "a/ft1", depth: 3 },
      { id: "b/ft2", depth: 3 },
      { id: "a/base", depth: 4 },
    ]);
    const both = [
      ["d/from-quant", "c/merge-GGUF", "c/merge", "a/ft1", "a/base"],
      ["d/from-quant", "c/merge-GGUF", "c/merge", "b/ft2", "a/base"],
    ];
    expect(ancestorPaths(lineage.graph, "d/from-quant")).toEqual({ paths: both, truncated: false });
    expect(ancestorPaths(lineage.graph, "d/from-quant", { maxPaths: 1 })).toEqual({
      paths: both.slice(0, 1),
      truncated: true,
    });
  });

  it("ends a path where a cycle closes, and stops at a self-loop", () => {
    // x/leaf ← x/three ← x/two ← x/one ← {x/root, x/three}: x/three is already on the path, so only x/root
    // goes on.
    expect(ancestorPaths(lineage.graph, "x/leaf").paths).toEqual([["x/leaf", "x/three", "x/two", "x/one", "x/root"]]);
    expect(ancestorPaths(lineage.graph, "s/kid").paths).toEqual([["s/kid", "s/self"]]);
    expect(ancestorPaths(lineage.graph, "s/self").paths).toEqual([["s/self"]]);
  });

  it("stores generations, descendant counts and children per model", () => {
    // generation: longest chain of ancestors, the cycle x/one, x/two, x/three sharing one (1, below x/root).
    // descendants: each reachable model once, the model itself excluded even inside the cycle.
    const expected: Record<string, [number, number, number]> = {
      "a/base": [0, 7, 4],
      "a/ft1": [1, 3, 1],
      "b/ft2": [1, 3, 1],
      "e/Variant": [1, 0, 0],
      "e/variant": [1, 0, 0],
      "c/merge": [2, 2, 1],
      "c/merge-GGUF": [3, 1, 1],
      "d/from-quant": [4, 0, 0],
      "x/root": [0, 4, 1],
      "x/one": [1, 3, 1],
      "x/two": [1, 3, 1],
      "x/three": [1, 3, 2],
      "x/leaf": [2, 0, 0],
      "s/self": [0, 1, 1],
      "s/kid": [1, 0, 0],
    };
    const got = Object.fromEntries(
      [...lineage.metrics].map(([id, m]) => [id, [m.generation, m.descendants, m.children]]),
    );
    expect(got).toEqual(expected);
  });

  it("gives each model the relation of its own edge, a self-loop's included", () => {
    // s/self's only edge is its self-loop (finetuned); a/base and x/root declare nothing.
    const relations = Object.fromEntries(lineage.graph.mapNodes((id, attributes) => [id, attributes.relation]));
    expect(relations).toMatchObject({
      "a/base": null,
      "x/root": null,
      "s/self": "finetune",
      "c/merge": "merge",
      "c/merge-GGUF": "quantized",
      "e/variant": "adapter",
    });
  });
});
