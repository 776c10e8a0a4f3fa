// The tree layout on small graphs worked out by hand, on cycles, and on the largest real family (edges.csv), whose
// rows are compared with networkx (longest path from a source, test/server/derive-expected.py "llamaRows").

import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { familyMembers } from "../../src/graph/family.js";
import { lineageSubgraph } from "../../src/graph/subgraph.js";
import { treeLayout, type TreePosition } from "../../src/graph/tree-layout.js";
import { fixtureLineage } from "../support/fixture-databases.js";

function graphOf(edges: [string, string][]): DirectedGraph {
  const graph = new DirectedGraph();
  for (const [parent, child] of edges) graph.mergeEdge(parent, child);
  return graph;
}

describe("treeLayout", () => {
  it("places leaves in depth-first slots and parents midway over their children", () => {
    // r has a (subtree of 3, placed first) and b (2); leaves a1, a2, b1 take slots 0, 1, 2. a = 0.5, b = 2,
    // r = (0.5 + 2) / 2. Width 3 slots over 3 rows gives rowGap max(1, 3 / 6) = 1.
    const layout = treeLayout(
      graphOf([
        ["r", "a"],
        ["r", "b"],
        ["a", "a1"],
        ["a", "a2"],
        ["b", "b1"],
      ]),
    );
    expect(Object.fromEntries(layout)).toEqual({
      r: { x: 1.25, y: 0, row: 0, parent: null },
      a: { x: 0.5, y: -1, row: 1, parent: "r" },
      b: { x: 2, y: -1, row: 1, parent: "r" },
      a1: { x: 0, y: -2, row: 2, parent: "a" },
      a2: { x: 1, y: -2, row: 2, parent: "a" },
      b1: { x: 2, y: -2, row: 2, parent: "b" },
    });
  });

  it("puts a merge below all of its parents, under the lowest one", () => {
    // m merges p1 (row 0) and x (row 1, child of p2): row 1 + max(0, 1) = 2, hung under x.
    const layout = treeLayout(
      graphOf([
        ["p1", "m"],
        ["p2", "x"],
        ["x", "m"],
      ]),
    );
    expect(layout.get("m")).toMatchObject({ row: 2, parent: "x" });
    expect(layout.get("p1")).toMatchObject({ row: 0, parent: null });
  });

  it("breaks cycles instead of looping", () => {
    // r → a → b → c → a: the walk from r drops c → a, so rows are 0, 1, 2, 3. x ⇄ y has no way in: the walk
    // starts at x (first in graph order) and drops y → x.
    const layout = treeLayout(
      graphOf([
        ["r", "a"],
        ["a", "b"],
        ["b", "c"],
        ["c", "a"],
        ["x", "y"],
        ["y", "x"],
      ]),
    );
    expect([..."rabcxy"].map((key) => layout.get(key)?.row)).toEqual([0, 1, 2, 3, 0, 1]);
  });

  it("honours an explicit row gap", () => {
    expect(treeLayout(graphOf([["a", "b"]]), { rowGap: 10 }).get("b")).toMatchObject({ y: -10 });
  });
});

describe("treeLayout on meta-llama/Llama-3.1-8B's family (2,300 models)", () => {
  const lineage = fixtureLineage("edges-and-metadata");
  const members = familyMembers(lineage.graph, { kind: "model", id: "meta-llama/Llama-3.1-8B" });
  const layout = treeLayout(lineageSubgraph(lineage.graph, members) as unknown as DirectedGraph);

  it("gives every model the row networkx computes", () => {
    const rows: Record<number, number> = {};
    for (const { row } of layout.values()) rows[row] = (rows[row] ?? 0) + 1;
    expect(rows).toEqual({ 0: 1, 1: 357, 2: 714, 3: 1065, 4: 103, 5: 33, 6: 11, 7: 10, 8: 5, 9: 1 });
  });

  it("keeps siblings together and subtrees apart", () => {
    const byRow = new Map<number, [string, TreePosition][]>();
    for (const entry of layout) byRow.set(entry[1].row, [...(byRow.get(entry[1].row) ?? []), entry]);
    for (const entries of byRow.values()) {
      entries.sort((a, b) => a[1].x - b[1].x);
      for (let i = 1; i < entries.length; i++) {
        const [previous, current] = [entries[i - 1]![1], entries[i]![1]];
        expect(current.x).toBeGreaterThan(previous.x);
        // Left to right in a row, the parents never go back left: subtrees do not interleave.
        if (previous.parent !== null && current.parent !== null)
          expect(layout.get(current.parent)!.x).toBeGreaterThanOrEqual(layout.get(previous.parent)!.x);
      }
    }
  });
});
