// The viewer's drawn graph from the API's compact one, worked by hand: labels filled in from the keys where none is
// sent, edges named by their ends' ids.

import { describe, expect, it } from "vitest";
import type { WireGraph } from "../../src/server/wire-types.js";
import { drawnGraph, withDrawnGraph } from "../../web/drawn-graph.js";

const base = { depth: 0, author: "a", downloads: null, descendants: 0, placeholder: false, root: false };

const wire: WireGraph = {
  nodes: [
    { key: "a/base", attributes: { ...base, x: 0, y: 0, relation: null, descendants: 14, root: true } },
    { key: "b/tuned", attributes: { ...base, x: -10, y: -72, depth: 1, relation: "finetune", author: "b" } },
    {
      key: "fan:a/base:quantized",
      attributes: {
        ...base,
        label: "12 quantized",
        x: 10,
        y: -72,
        depth: 1,
        relation: "quantized",
        author: null,
        fan: { parent: "a/base", relation: "quantized", count: 12 },
      },
    },
  ],
  edges: [
    [0, 1, "finetune"],
    [0, 2, "quantized"],
  ],
};

describe("drawnGraph", () => {
  it("labels a model by its key, keeps a sent label, and names each edge parent->child", () => {
    const graph = drawnGraph(wire);
    expect(graph.nodes.map((node) => node.attributes.label)).toEqual(["a/base", "b/tuned", "12 quantized"]);
    expect(graph.nodes[1]).toEqual({
      key: "b/tuned",
      attributes: { ...base, label: "b/tuned", x: -10, y: -72, depth: 1, relation: "finetune", author: "b" },
    });
    expect(graph.edges).toEqual([
      { key: "a/base->b/tuned", source: "a/base", target: "b/tuned", attributes: { relation: "finetune" } },
      {
        key: "a/base->fan:a/base:quantized",
        source: "a/base",
        target: "fan:a/base:quantized",
        attributes: { relation: "quantized" },
      },
    ]);
  });

  it("keeps the rest of an answer as it came", () => {
    const answer = withDrawnGraph({ id: "b/tuned", paths: [["b/tuned", "a/base"]], graph: wire });
    expect(answer.id).toBe("b/tuned");
    expect(answer.paths).toEqual([["b/tuned", "a/base"]]);
    expect(answer.graph.edges).toHaveLength(2);
  });
});
