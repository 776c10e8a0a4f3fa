// Keeps the networkx oracle honest: on the hand-drawn edge list of test/support/small-lineage.ts it must give the
// figures worked out by hand there, and on the real edge list the counts the data README states.
import { describe, expect, it } from "vitest";
import { writeSmallLineage, SMALL_LINEAGE_STATS } from "../support/small-lineage.js";
import { runOracle } from "../support/oracle-cache.js";
import { ORACLE_QUESTIONS } from "../support/oracle-questions.js";

describe("the lineage oracle", () => {
  it("reproduces the hand-derived figures of the small lineage", () => {
    const oracle = runOracle({
      edges: [writeSmallLineage()],
      families: ["a/base", "a", "x/two"],
      ancestors: ["x/leaf"],
    });
    // Counted off the picture in small-lineage.ts.
    expect(oracle.stats).toEqual(SMALL_LINEAGE_STATS);
    expect(oracle.deepest).toEqual({ ids: ["d/from-quant"], generation: 4, chain: null });
    expect(oracle.families["a/base"]?.descendants).toEqual({
      total: 7,
      byRelation: { finetune: 3, adapter: 2, quantized: 1, merge: 1, unknown: 0 },
      byDepth: { "1": 4, "2": 1, "3": 1, "4": 1 },
    });
    expect(oracle.families.a?.descendants.byDepth).toEqual({ "1": 4, "2": 1, "3": 1 });
    expect(oracle.families["x/two"]?.ancestors).toEqual([
      { id: "x/one", depth: 1 },
      { id: "x/root", depth: 2 },
      { id: "x/three", depth: 2 },
    ]);
    expect(oracle.ancestors["d/from-quant"]?.paths).toEqual([
      ["d/from-quant", "c/merge-GGUF", "c/merge", "a/ft1", "a/base"],
      ["d/from-quant", "c/merge-GGUF", "c/merge", "b/ft2", "a/base"],
    ]);
    // Paths through a cycle are not listed by the oracle (the tests derive those by hand).
    expect(oracle.ancestors["x/leaf"]?.paths).toBeNull();
    expect(oracle.checks).toEqual({
      selfLoops: ["s/self"],
      cycles: [["x/one", "x/three", "x/two"]],
      placeholders: ["a/base", "x/root"],
      caseVariants: [["e/Variant", "e/variant"]],
      quantizedWithChildren: [{ id: "c/merge-GGUF", children: 1 }],
      multiParent: 2,
    });
  });

  it("finds in the real edge list what the data README counts, and the cases the tests ask about", () => {
    // The questions the engine's tests ask of the edge list (they include Qwen2.5-14B and bigscience/bloom).
    const oracle = runOracle(ORACLE_QUESTIONS.edges);
    // README: 29,973 distinct ids, 42 self-loops, 1,062 children with more than one parent, chains 16 generations deep.
    expect(oracle.stats).toMatchObject({ nodes: 29_973, selfLoops: 42, multiParent: 1_062, maxGeneration: 16 });
    // 30,383 rows, none repeated, less the 42 self-loops.
    expect(oracle.stats.edges).toBe(30_383 - 42);
    // The tests use Qwen2.5-14B as a family with merges, bigscience/bloom as one whose grandchild merges two children.
    expect(oracle.families["Qwen/Qwen2.5-14B"]?.descendants.byRelation.merge).toBeGreaterThan(0);
    expect(oracle.families["bigscience/bloom"]?.children?.total).toBe(2);
    expect(oracle.families["bigscience/bloom"]?.descendants.byDepth).toEqual({ "1": 2, "2": 1 });
    // The deepest model's paths outnumber the default cap of 100 (so the tests see a capped list).
    expect(Object.values(oracle.ancestors)[0]?.pathCount).toBeGreaterThan(100);
  });
});
