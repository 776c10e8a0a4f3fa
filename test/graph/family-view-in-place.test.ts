// The family view drawn on a graph built for it (in the members' order, depths set in place) against the view drawn
// on a copy of the members taken from the graph in node order, as before: on the bundled snapshot, for an org capped
// below its size, a model with its fans and a model whose family is drawn whole, the same nodes in the same order
// with the same attributes and positions, the same edges, fans and omitted count.

import { describe, expect, it } from "vitest";
import type { DirectedGraph } from "graphology";
import { familyView, type FamilyView } from "../../src/graph/family-view.js";
import { indexFamilyGraph, indexFamilyMembers } from "../../src/graph/index-family-graph.js";
import { familyNodes } from "../../src/graph/index-family.js";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { resolveQuery } from "../../src/graph/resolve-query.js";
import { openFixture } from "../support/fixture-databases.js";

const lineage = openIndexedLineage(openFixture("bundle"));

/** The view of a family with fans folded and the cap, on a graph built for it or on a copy. */
function viewOf(query: string, maxNodes: number, inPlace: boolean): FamilyView {
  const members = indexFamilyMembers(lineage, familyNodes(lineage, resolveQuery(lineage.store, query)), {
    direction: "down",
  });
  const family = indexFamilyGraph(lineage, members, inPlace);
  const descendantsOf = (key: string) => {
    const node = family.nodes.get(key);
    return node === undefined ? 0 : (lineage.metrics.descendants[node] as number);
  };
  return familyView(family.graph, family.members, {
    fans: { expand: [] },
    cap: { maxNodes, descendantsOf },
    inPlace,
  });
}

const nodesOf = (graph: DirectedGraph) => graph.mapNodes((key, attributes) => [key, attributes]);
const edgesOf = (graph: DirectedGraph) =>
  graph.mapEdges((_edge, attributes, source, target) => [source, target, attributes]);

describe("the family view on a graph built for it", () => {
  for (const [query, maxNodes] of [
    ["Qwen", 1_000],
    ["Qwen/Qwen2.5-14B", 2_000],
    ["microsoft/phi-2", 2_000],
  ] as const)
    it(`draws ${query} capped at ${maxNodes} as on a copy of the members`, () => {
      const copied = viewOf(query, maxNodes, false);
      const inPlace = viewOf(query, maxNodes, true);
      expect(inPlace.graph.order).toBeGreaterThan(20);
      expect(nodesOf(inPlace.graph)).toEqual(nodesOf(copied.graph));
      expect(edgesOf(inPlace.graph)).toEqual(edgesOf(copied.graph));
      expect(inPlace.order).toEqual(copied.order);
      expect(inPlace.fans).toEqual(copied.fans);
      expect(inPlace.omittedModels).toBe(copied.omittedModels);
      expect([...inPlace.positions]).toEqual([...copied.positions]);
    });
});
