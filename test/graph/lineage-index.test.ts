// The lineage index and its typed-array metrics against the graphology graph and its metrics (themselves checked
// against networkx in lineage-vs-oracle.test.ts): on the whole bundled snapshot, and on generated lineages with
// cycles, self-loops, merges and several sources naming one pair.

import { knownSubtreeDownloads } from "../../src/graph/known-subtree-downloads.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLineageGraph, type LineageGraph } from "../../src/graph/build-graph.js";
import { computeMetrics } from "../support/graphology-reference/compute-metrics.js";
import { computeIndexMetrics, indexComponents, type IndexMetrics } from "../../src/graph/index-metrics.js";
import { buildLineageIndex, NO_RELATION, PLACEHOLDER, type LineageIndex } from "../../src/graph/lineage-index.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { importFile } from "../../src/sync/import-file.js";
import { RELATIONS } from "../../src/vocabulary/relation.js";
import { openFixture } from "../support/fixture-databases.js";
import { seededRandom } from "../../tools/scale-model/seeded-random.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-index-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function idsByNode(store: Store): Map<number, string> {
  const rows = connectionOf(store).prepare(`SELECT node, id FROM models`).raw().all() as [number, string][];
  return new Map(rows);
}

/** Every per-model figure of the index, by id, in the graph's terms; compared as one table so a miss shows its row. */
function expectSameLineage(store: Store, graph: LineageGraph, index: LineageIndex, metrics: IndexMetrics): void {
  const idOf = idsByNode(store);
  const expected = computeMetrics(graph);
  expect(index.models).toBe(graph.order);
  expect(index.parents.length).toBe(graph.size);
  const actualRows: unknown[] = [];
  const expectedRows: unknown[] = [];
  for (const [node, id] of idOf) {
    const attributes = graph.getNodeAttributes(id);
    const own = index.relation[node] as number;
    const from = index.childStart[node] as number;
    const to = index.childStart[node + 1] as number;
    actualRows.push({
      id,
      relation: own === NO_RELATION ? null : RELATIONS[own],
      placeholder: ((index.flags[node] as number) & PLACEHOLDER) !== 0,
      parents: [...index.parents.subarray(index.parentStart[node], index.parentStart[node + 1])].map((n) =>
        idOf.get(n),
      ),
      // Children in node order here, in id order in the graph: compared as (id, relation) pairs in id order.
      children: [...index.children.subarray(from, to)]
        .map((n, i) => `${idOf.get(n)} ${RELATIONS[index.childRelation[from + i] as number]}`)
        .sort(),
      generation: metrics.generation[node],
      descendants: metrics.descendants[node],
      // The stored sum, null where no model of the subtree has known downloads.
      subtreeDownloads: knownSubtreeDownloads(index, metrics, node),
      // The same power iteration in the same order: equal but for rounding in the last bits.
      pagerank: (metrics.pagerank[node] as number).toPrecision(12),
    });
    const want = expected.get(id)!;
    expectedRows.push({
      id,
      relation: attributes.relation,
      placeholder: attributes.placeholder,
      parents: graph.inNeighbors(id),
      children: graph.mapOutEdges(id, (_edge, edge, _source, target) => `${target} ${edge.relation}`).sort(),
      generation: want.generation,
      descendants: want.descendants,
      subtreeDownloads: want.subtreeDownloads,
      pagerank: want.pagerank.toPrecision(12),
    });
  }
  expect(actualRows.length).toBe(graph.order);
  expect(actualRows).toEqual(expectedRows);
}

describe("the lineage index of the bundled snapshot", () => {
  let store: Store;
  let index: LineageIndex;
  beforeAll(() => {
    store = openFixture("bundle");
    index = buildLineageIndex(store);
  });

  it("holds the graph's models, edges, relations and metrics, model by model", () => {
    // 37,991 models and 38,088 edges: the README's figures for the bundled data.
    expect([index.models, index.parents.length]).toEqual([37_991, 38_088]);
    expectSameLineage(store, buildLineageGraph(store), index, computeIndexMetrics(index));
  });
});

/**
 * An edge list of `models` models in which most point to an earlier model, some to a later one (making cycles),
 * some to themselves, some list two or three parents (merges), some pairs appear twice with other relations, and
 * every 250th model starts a cycle of three.
 */
function generatedEdgeList(seed: number, models: number): string {
  const rand = seededRandom(seed);
  const lines = ["child,parent,relation"];
  const relations = ["finetune", "adapter", "quantized", "merge", "unknown"];
  for (let child = 1; child < models; child++) {
    const parents = rand() < 0.15 ? 2 + Math.floor(rand() * 2) : 1;
    for (let k = 0; k < parents; k++) {
      const roll = rand();
      const parent = roll < 0.05 ? child : roll < 0.1 ? Math.floor(rand() * models) : Math.floor(rand() * child);
      const relation = parents > 1 ? "merge" : relations[Math.floor(rand() * relations.length)];
      lines.push(`org${child % 7}/m${child},org${parent % 7}/m${parent},${relation}`);
      if (rand() < 0.05) lines.push(`org${child % 7}/m${child},org${parent % 7}/m${parent},finetune`);
    }
  }
  // A three-model cycle every 250 models, on top of whatever the draws above made.
  for (let k = 10; k + 2 < models; k += 250) {
    for (const [child, parent] of [
      [k + 1, k],
      [k + 2, k + 1],
      [k, k + 2],
    ] as const) {
      lines.push(`org${child % 7}/m${child},org${parent % 7}/m${parent},finetune`);
    }
  }
  return lines.join("\n") + "\n";
}

describe.each([1, 2, 3, 4, 5])("the lineage index of generated lineage %i", (seed) => {
  it("holds the graph's models, edges, relations and metrics, model by model", async () => {
    const file = join(folder, `generated-${seed}.csv`);
    writeFileSync(file, generatedEdgeList(seed, 3000));
    const store = openStore(":memory:");
    await importFile(store, file);
    const index = buildLineageIndex(store);
    const graph = buildLineageGraph(store);
    expect(index.selfLoops).toBeGreaterThan(0);
    // Cycles: fewer strongly connected components than models.
    expect(indexComponents(index).count).toBeLessThan(index.models);
    expectSameLineage(store, graph, index, computeIndexMetrics(index));
  });
});
