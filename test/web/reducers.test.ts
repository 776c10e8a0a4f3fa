// The pure reducers: hover lights a node's parents and children and fades the rest, sizes grow with the log of
// the count, and nothing in the graph's data is changed. A five-node merge drawn by hand is the fixture.

import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { ViewNodeAttributes } from "../../web/api.js";
import { FADED_EDGE_COLOR, FADED_NODE_COLOR, RELATION_COLORS, ROOT_COLOR } from "../../src/vocabulary/palette.js";
import {
  edgeDisplay,
  hoverState,
  IDLE,
  nodeDisplay,
  nodeSize,
  sizeValue,
  type DisplayState,
} from "../../web/reducers.js";

function node(key: string, relation: ViewNodeAttributes["relation"], descendants: number): ViewNodeAttributes {
  return {
    label: key,
    x: 0,
    y: 0,
    depth: 0,
    relation,
    author: null,
    downloads: 99,
    descendants,
    placeholder: false,
    root: relation === null,
  };
}

// a → b (finetune), a → c (quantized), b → m and c → m (merge of b and c), m → z (adapter).
const graph = new DirectedGraph<ViewNodeAttributes>();
graph.addNode("a", node("a", null, 4));
graph.addNode("b", node("b", "finetune", 2));
graph.addNode("c", node("c", "quantized", 2));
graph.addNode("m", node("m", "merge", 1));
graph.addNode("z", node("z", "adapter", 0));
for (const [source, target] of [
  ["a", "b"],
  ["a", "c"],
  ["b", "m"],
  ["c", "m"],
  ["m", "z"],
] as const)
  graph.addEdge(source, target);

const idle: DisplayState = { ...IDLE, selected: null, size: "descendants" };

describe("reducers", () => {
  it("hovering the merge lights both of its parents and its child, and fades the root", () => {
    const state = hoverState(graph, idle, "m");
    expect([...state.hoveredParents].sort()).toEqual(["b", "c"]);
    expect([...state.hoveredChildren]).toEqual(["z"]);
    expect(nodeDisplay(state, "b", graph.getNodeAttributes("b")).color).toBe(RELATION_COLORS.finetune);
    expect(nodeDisplay(state, "z", graph.getNodeAttributes("z")).forceLabel).toBe(true);
    const root = nodeDisplay(state, "a", graph.getNodeAttributes("a"));
    expect(root.color).toBe(FADED_NODE_COLOR);
    expect(root.label).toBeNull();
    expect(edgeDisplay(state, "merge", "b", "m").color).toBe(RELATION_COLORS.merge);
    expect(edgeDisplay(state, "finetune", "a", "b").color).toBe(FADED_EDGE_COLOR);
    expect(hoverState(graph, state, null)).toEqual(idle);
  });

  it("colours by relation when idle, the root apart, and never changes the graph's data", () => {
    const before = JSON.stringify(graph.export());
    expect(nodeDisplay(idle, "a", graph.getNodeAttributes("a")).color).toBe(ROOT_COLOR);
    expect(nodeDisplay(idle, "c", graph.getNodeAttributes("c")).color).toBe(RELATION_COLORS.quantized);
    expect(edgeDisplay(idle, "adapter", "m", "z").color).toBe(`${RELATION_COLORS.adapter}99`);
    expect(JSON.stringify(graph.export())).toBe(before);
  });

  it("labels a node by its name alone, cut to fit, and the hovered or selected node by its whole id", () => {
    const long = { ...node("TheDrummer/Cydonia-24B-v4.1-an-unusually-long-name", "finetune", 0) };
    expect(nodeDisplay(idle, "x", long).label).toBe("Cydonia-24B-v4.1-an-unusual…");
    expect(nodeDisplay({ ...idle, selected: "x" }, "x", long).label).toBe(
      "TheDrummer/Cydonia-24B-v4.1-an-unusually-long-name",
    );
    expect(nodeDisplay(hoverState(graph, idle, "a"), "a", graph.getNodeAttributes("a")).label).toBe("a");
    expect(nodeDisplay(idle, "fan:a:quantized", { ...node("12 quantized", "quantized", 0) }).label).toBe(
      "12 quantized",
    );
  });

  it("sizes by descendants (a fan by its members) or by downloads, on a log scale", () => {
    expect(nodeSize(0)).toBe(2.5);
    expect(nodeSize(9)).toBeCloseTo(2.5 + 2.4, 10); // log10(1 + 9) = 1
    expect(nodeSize(99)).toBeCloseTo(2.5 + 4.8, 10); // log10(1 + 99) = 2
    expect(nodeSize(1e12)).toBe(22);
    const fan = {
      ...node("fan:a:quantized", "quantized", 0),
      fan: { parent: "a", relation: "quantized" as const, count: 40 },
    };
    expect(sizeValue(fan, "descendants")).toBe(40);
    expect(sizeValue(graph.getNodeAttributes("a"), "descendants")).toBe(4);
    expect(sizeValue(graph.getNodeAttributes("a"), "downloads")).toBe(99);
  });
});
