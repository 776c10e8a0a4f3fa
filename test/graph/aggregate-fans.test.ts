// Fan aggregation on a small graph worked out by hand, and on the whole real edge list, where the number of fans
// is counted independently with networkx (test/server/derive-expected.py "allFans").

import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { aggregateFans } from "../../src/graph/aggregate-fans.js";
import { parseFanName } from "../../src/vocabulary/fan.js";
import { fixtureLineage } from "../support/fixture-databases.js";

/**
 * P has 13 quantized leaves, 12 adapter leaves, a quantized child Q that has a child, and a quantized leaf M that
 * also derives from R. Only the 13 quantized leaves qualify: the adapters are not more than 12, Q is not a leaf,
 * M has a second parent.
 */
function sample(quantizedLeaves = 13): DirectedGraph {
  const graph = new DirectedGraph();
  graph.addNode("P", { depth: 0 });
  const add = (parent: string, child: string, relation: string) => graph.mergeEdge(parent, child, { relation });
  for (let i = 0; i < quantizedLeaves; i++) add("P", `q${i}`, "quantized");
  for (let i = 0; i < 12; i++) add("P", `a${i}`, "adapter");
  add("P", "Q", "quantized");
  add("Q", "Q1", "finetune");
  add("P", "M", "quantized");
  add("R", "M", "quantized");
  return graph;
}

describe("aggregateFans", () => {
  it("folds more than 12 leaf children of one relation into one node", () => {
    const { graph, fans } = aggregateFans(sample());
    expect(fans.map(({ key, parent, relation, count }) => ({ key, parent, relation, count }))).toEqual([
      { key: "fan:P:quantized", parent: "P", relation: "quantized", count: 13 },
    ]);
    // P, R, Q, Q1, M, 12 adapters and the fan.
    expect(graph.order).toBe(18);
    expect(graph.getNodeAttributes("fan:P:quantized")).toEqual({
      fan: { parent: "P", relation: "quantized", count: 13 },
      relation: "quantized",
      placeholder: false,
      depth: 1,
    });
    expect(graph.getEdgeAttribute("P", "fan:P:quantized", "relation")).toBe("quantized");
    expect(graph.hasEdge("R", "M") && graph.hasEdge("Q", "Q1")).toBe(true);
  });

  it("leaves exactly 12 alone, and a fan the caller expands", () => {
    expect(aggregateFans(sample(12)).fans).toEqual([]);
    const expanded = aggregateFans(sample(), { expand: ["P:quantized"] });
    expect(expanded.fans).toEqual([]);
    expect(expanded.graph.order).toBe(sample().order);
  });

  it("does not change the graph it is given", () => {
    const input = sample();
    aggregateFans(input);
    expect(input.order).toBe(sample().order);
  });

  it("reads fan names as written in ?expand=", () => {
    expect(parseFanName("org/model:adapter")).toEqual({ parent: "org/model", relation: "adapter" });
    expect(parseFanName("org/model")).toBeNull();
    expect(parseFanName("org/model:lora")).toBeNull();
  });

  it("finds the fans networkx finds in the whole real edge list", () => {
    const lineage = fixtureLineage("edges-and-metadata");
    expect(aggregateFans(lineage.graph as unknown as DirectedGraph).fans).toHaveLength(295);
  });
});
