// The pure reducers: hover lights a node's path to the roots and its children and fades the rest, sizes grow with
// the log of the count, and nothing in the graph's data is changed. A five-node merge drawn by hand is the fixture.

import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { cut, drawnNames } from "../../web/lineage-view.js";
import type { DrawnNodeAttributes } from "../../web/lineage-view.js";
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

function node(key: string, relation: DrawnNodeAttributes["relation"], descendants: number): DrawnNodeAttributes {
  return {
    row: 0,
    name: key,
    labelWidth: 10,
    radius: 3,
    queried: relation === null,
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
const graph = new DirectedGraph<DrawnNodeAttributes>();
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

const idle: DisplayState = { ...IDLE, selected: null, size: "descendants", scale: 1 };

describe("reducers", () => {
  it("hovering the merge lights its path to the root (both parents and the root) and its child", () => {
    const state = hoverState(graph, idle, "m");
    expect([...state.hoveredPath].sort()).toEqual(["a", "b", "c", "m"]);
    expect([...state.hoveredChildren]).toEqual(["z"]);
    expect(nodeDisplay(state, "b", graph.getNodeAttributes("b")).color).toBe(RELATION_COLORS.finetune);
    expect(nodeDisplay(state, "a", graph.getNodeAttributes("a")).color).toBe(ROOT_COLOR);
    expect(edgeDisplay(state, "merge", "b", "m")).toMatchObject({ color: RELATION_COLORS.merge, size: 3.5 });
    expect(edgeDisplay(state, "finetune", "a", "b")).toMatchObject({ color: RELATION_COLORS.finetune, size: 3.5 });
    expect(edgeDisplay(state, "adapter", "m", "z").color).toBe(RELATION_COLORS.adapter);
    // Hovering b: its path is b and a; c (a sibling) and c → m fade.
    const onB = hoverState(graph, idle, "b");
    expect(nodeDisplay(onB, "c", graph.getNodeAttributes("c")).color).toBe(FADED_NODE_COLOR);
    expect(edgeDisplay(onB, "merge", "c", "m").color).toBe(FADED_EDGE_COLOR);
    expect(hoverState(graph, state, null)).toEqual(idle);
  });

  it("colours by relation in the legend's opaque colours, models with no base apart; the data is untouched", () => {
    const before = JSON.stringify(graph.export());
    expect(nodeDisplay(idle, "a", graph.getNodeAttributes("a")).color).toBe(ROOT_COLOR);
    expect(nodeDisplay(idle, "c", graph.getNodeAttributes("c")).color).toBe(RELATION_COLORS.quantized);
    // Sigma blends as if colours were premultiplied: any alpha would draw a lighter colour than the legend's.
    expect(edgeDisplay(idle, "adapter", "m", "z").color).toBe(RELATION_COLORS.adapter);
    expect(edgeDisplay(idle, "adapter", "m", "z").color).toMatch(/^#[0-9a-f]{6}$/);
    expect(JSON.stringify(graph.export())).toBe(before);
  });

  it("names a node without its org, with it where two drawn models share a name, the query by its whole id", () => {
    const payload = (key: string) => ({ key, attributes: node(key, "finetune", 0) });
    const names = drawnNames(
      [payload("a/Llama-3-8B"), payload("b/llama-3-8b"), payload("c/Other"), payload("q/Query")],
      "q/Query",
    );
    expect(Object.fromEntries(names)).toEqual({
      "a/Llama-3-8B": "a/Llama-3-8B",
      "b/llama-3-8b": "b/llama-3-8b",
      "c/Other": "Other",
      "q/Query": "q/Query",
    });
    // Cut in the middle, so the version at the end stays: 32 characters, the first 16, "…", the last 15.
    expect(cut("NQLSG-Qwen2.5-14B-MegaFusion-v9.2-fusechat-sft", 32)).toBe("NQLSG-Qwen2.5-14….2-fusechat-sft");
  });

  it("sizes by descendants (a fan by its members) or by downloads (unknown as none), on a log scale", () => {
    expect(nodeSize(0)).toBe(3);
    expect(nodeSize(9)).toBeCloseTo(3 + 2.2, 10); // log10(1 + 9) = 1
    expect(nodeSize(99)).toBeCloseTo(3 + 4.4, 10); // log10(1 + 99) = 2
    expect(nodeSize(1e12)).toBe(14);
    const fan = {
      ...node("fan:a:quantized", "quantized", 0),
      fan: { parent: "a", relation: "quantized" as const, count: 40 },
    };
    expect(sizeValue(fan, "descendants")).toBe(40);
    expect(sizeValue(graph.getNodeAttributes("a"), "descendants")).toBe(4);
    expect(sizeValue(graph.getNodeAttributes("a"), "downloads")).toBe(99);
    const unknown = { ...node("u", "finetune", 0), downloads: null as unknown as number };
    expect(sizeValue(unknown, "downloads")).toBe(0);
  });
});
