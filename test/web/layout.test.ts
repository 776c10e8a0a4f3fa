// The viewer's lineage layout and label placement, on graphs drawn by hand: rows are depths (ancestors above,
// descendants below), no two boxes intersect, a crowded band wraps into lines, and labels neither collide nor leave
// the canvas.

import { describe, expect, it } from "vitest";
import { intersects, Occupancy, placeLabels } from "../../web/label-placement.js";
import { lineageLayout, type LayoutItem } from "../../web/layout.js";

const item = (key: string, row: number, weight = 0, width = 120): LayoutItem => ({
  key,
  row,
  width,
  height: 18,
  radius: 4,
  weight,
});

function boxesIntersect(layout: ReturnType<typeof lineageLayout>): string[] {
  const boxes = [...layout.boxes].map(([key, b]) => ({ key, x: b.left, y: b.top, width: b.width, height: b.height }));
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (intersects(boxes[i]!, boxes[j]!)) found.push(`${boxes[i]!.key} × ${boxes[j]!.key}`);
  return found;
}

describe("lineage layout", () => {
  // p1 and p2 are the parents of the merge q (the query); g is p1's parent; q has children a, b and the merge m of
  // a and b, which is one step from q (through a), so it sits on row 2 although it is also a child of b.
  const items = [
    item("g", -2),
    item("p1", -1, 5),
    item("p2", -1, 1),
    item("q", 0, 3),
    item("a", 1, 1),
    item("b", 1),
    item("m", 2),
  ];
  const edges = [
    ["g", "p1"],
    ["p1", "q"],
    ["p2", "q"],
    ["q", "a"],
    ["q", "b"],
    ["a", "m"],
    ["b", "m"],
  ] as const;
  const layout = lineageLayout(items, edges, { aspect: 1.6 });

  it("draws ancestors above the query and descendants below, one band per depth, merges adding none", () => {
    const y = (key: string) => layout.boxes.get(key)!.y;
    expect(y("g")).toBeLessThan(y("p1"));
    expect(y("p1")).toBe(y("p2"));
    expect(y("p1")).toBeLessThan(y("q"));
    expect(y("q")).toBeLessThan(y("a"));
    expect(y("a")).toBe(y("b"));
    expect(y("b")).toBeLessThan(y("m"));
    expect(layout.rows.map((row) => row.row)).toEqual([-2, -1, 0, 1, 2]);
    // The tree link toward the query: the heavier of two candidates.
    expect(Object.fromEntries(layout.treeParent)).toEqual({
      g: "p1",
      p1: "q",
      p2: "q",
      q: null,
      a: "q",
      b: "q",
      m: "a",
    });
    expect(boxesIntersect(layout)).toEqual([]);
  });

  it("wraps a band of 60 leaves into lines, about as wide as the area's shape asks, no box on another", () => {
    const leaves = Array.from({ length: 60 }, (_, i) => item(`leaf-${String(i).padStart(2, "0")}`, 1));
    const wide = lineageLayout(
      [item("root", 0, 60), ...leaves],
      leaves.map((leaf) => ["root", leaf.key] as const),
      { aspect: 1.6 },
    );
    expect(boxesIntersect(wide)).toEqual([]);
    const band = wide.rows.find((row) => row.row === 1)!;
    const lines = Math.round((band.bottom - band.top) / 18);
    expect(lines).toBeGreaterThan(1);
    // 60 boxes of 120 + 12 pixels in one line would be 7,908 pixels wide; wrapped, the drawing is near 1.6 : 1.
    expect(wide.width).toBeLessThan(7908 / 2);
    expect(wide.width / wide.height).toBeGreaterThan(0.8);
    expect(wide.width / wide.height).toBeLessThan(3.2);
  });
});

describe("label placement", () => {
  it("places labels most important first, right of the node, else left, never colliding or off the canvas", () => {
    const placed = placeLabels(
      [
        { key: "first", x: 100, y: 50, radius: 4, width: 80, height: 16 },
        // Its right side is where "first" is: it goes left.
        { key: "second", x: 98, y: 52, radius: 4, width: 60, height: 16 },
        // Both sides taken: left out.
        { key: "third", x: 99, y: 51, radius: 4, width: 60, height: 16 },
        // At the right edge of a 300-pixel canvas: drawn left of its node.
        { key: "edge", x: 290, y: 150, radius: 4, width: 80, height: 16 },
        // Too wide for either side: left out.
        { key: "huge", x: 150, y: 250, radius: 4, width: 290, height: 16 },
      ],
      300,
      300,
    );
    expect(placed.map((label) => [label.key, label.side])).toEqual([
      ["first", "right"],
      ["second", "left"],
      ["edge", "left"],
    ]);
    for (const label of placed) {
      expect(label.x).toBeGreaterThanOrEqual(0);
      expect(label.x + label.width).toBeLessThanOrEqual(300);
    }
  });

  it("draws a label that must be drawn over what blocks it, in its first form that stays on the canvas", () => {
    // "blocked" has dots right and left of it (taken before, as the drawing takes every dot); worked by hand: its
    // right box 106..186 meets the dot at 150, its left box 14..94 the dot at 50. At x = 290 its right box leaves
    // the canvas and its left box 204..284 meets the dot at 240.
    const dots = [
      { x: 146, y: 46, width: 8, height: 8 },
      { x: 46, y: 46, width: 8, height: 8 },
      { x: 236, y: 46, width: 8, height: 8 },
    ];
    const occupied = () => {
      const taken = new Occupancy();
      for (const dot of dots) taken.add(dot);
      return taken;
    };
    const candidate = { key: "blocked", x: 100, y: 50, radius: 4, width: 80, height: 16 };
    expect(placeLabels([candidate], 300, 300, occupied())).toEqual([]);
    expect(placeLabels([{ ...candidate, always: true }], 300, 300, occupied())).toEqual([
      { key: "blocked", side: "right", x: 106, y: 42, width: 80, height: 16 },
    ]);
    expect(placeLabels([{ ...candidate, x: 290 }], 300, 300, occupied())).toEqual([]);
    expect(placeLabels([{ ...candidate, x: 290, always: true }], 300, 300, occupied())).toEqual([
      { key: "blocked", side: "left", x: 204, y: 42, width: 80, height: 16 },
    ]);
  });

  it("cuts a label with a narrowest form to the room left, from the widest cut that fits down to that width", () => {
    // A 300 × 300 canvas. Each candidate's boxes start radius + 2 = 6 pixels right of its node (or end 6 left of it).
    const placed = placeLabels(
      [
        // A box from x = 160 to 300 on row y = 42..58, taken first.
        { key: "wall", x: 154, y: 50, radius: 4, width: 140, height: 16 },
        // Right of it: 106..160 (54 pixels, less than its 80); left of it the canvas gives 94 - 0 = 94 but its
        // 80-pixel whole label fits there, so it goes left whole.
        { key: "whole-left", x: 100, y: 50, radius: 4, width: 80, height: 16, minWidth: 30 },
        // At x = 250 on another row: 44 pixels to the right edge (256..300), and 244 to the left, taken by
        // "far-wall" from 20 to 240. Cut to 44 pixels on the right: the widest cut that fits.
        { key: "far-wall", x: 14, y: 150, radius: 4, width: 220, height: 16 },
        { key: "cut-right", x: 250, y: 150, radius: 4, width: 100, height: 16, minWidth: 30 },
        // The same with only 20 pixels to the edge, under its 30-pixel narrowest form: left out.
        { key: "far-wall-2", x: 14, y: 250, radius: 4, width: 250, height: 16 },
        { key: "too-narrow", x: 274, y: 250, radius: 4, width: 100, height: 16, minWidth: 30 },
        // Without a narrowest form a label that fits nowhere whole (off the canvas right, on "far-wall" left) is
        // left out, as before.
        { key: "no-cut", x: 245, y: 150, radius: 4, width: 100, height: 16 },
      ],
      300,
      300,
    );
    expect(placed.map(({ key, side, x, width, fitted }) => ({ key, side, x, width, fitted }))).toEqual([
      { key: "wall", side: "right", x: 160, width: 140, fitted: undefined },
      { key: "whole-left", side: "left", x: 14, width: 80, fitted: undefined },
      { key: "far-wall", side: "right", x: 20, width: 220, fitted: undefined },
      { key: "cut-right", side: "right", x: 256, width: 44, fitted: true },
      { key: "far-wall-2", side: "right", x: 20, width: 250, fitted: undefined },
    ]);
  });

  it("steps a cut label down past a box in its way, and prefers the shorter form's width as the widest", () => {
    const placed = placeLabels(
      [
        // A box at 200..240 on the row: the label right of x = 100 starts at 106 and has 94 pixels before it.
        { key: "block", x: 194, y: 50, radius: 4, width: 40, height: 16 },
        // A wall at 6..100 leaves no room left of it. The shorter form is 120 wide: cuts from 120 down to 40 in 8 steps
        // of 10 pixels; the first clear of "block" (106 + w ≤ 200) is w = 90.
        { key: "wall", x: 0, y: 50, radius: 4, width: 94, height: 16 },
        { key: "stepped", x: 100, y: 50, radius: 4, width: 200, height: 16, shortWidth: 120, minWidth: 40 },
      ],
      300,
      300,
    );
    expect(placed.find((label) => label.key === "stepped")).toEqual({
      key: "stepped",
      side: "right",
      short: true,
      fitted: true,
      x: 106,
      y: 42,
      width: 90,
      height: 16,
    });
  });

  it("shares the room a neighbour's label took with a node at the canvas's edge, both cut to their narrowest", () => {
    // A 300 × 300 canvas. "edge" sits 10 pixels from the right edge: 4 pixels right of its box start (296), under its
    // 40-pixel narrowest form. Its left side (up to 284) is reached by "wide", whose label runs from 106 to 276.
    const placed = placeLabels(
      [
        { key: "wide", x: 100, y: 50, radius: 4, width: 170, height: 16, minWidth: 50 },
        { key: "edge", x: 290, y: 50, radius: 4, width: 100, height: 16, minWidth: 40 },
        // The same on another row, where the neighbour's narrowest form (150) leaves no 40 pixels: left out.
        { key: "wide-2", x: 100, y: 150, radius: 4, width: 170, height: 16, minWidth: 150 },
        { key: "edge-2", x: 290, y: 150, radius: 4, width: 100, height: 16, minWidth: 40 },
        // Mirrored: "edge-3" at the left edge (its left box would start at -2); "wide-3" labelled left of x = 200
        // from 24 to 194, reaching over edge-3's right side (16..).
        { key: "wide-3", x: 200, y: 250, radius: 4, width: 170, height: 16, minWidth: 50 },
        { key: "edge-3", x: 10, y: 250, radius: 4, width: 100, height: 16, minWidth: 40 },
      ],
      300,
      300,
    );
    // From wide's box start (106) to edge's left side (284): 178 pixels; 50 + 40 are each one's least, and the 88
    // left over are shared: edge 40 + 44 = 84 wide (200..284), wide 178 - 84 = 94 (106..200).
    // Mirrored: from edge-3's right side (16) to wide-3's box end (194): 178 pixels, edge-3 16..100, wide-3 100..194.
    expect(placed.map(({ key, side, x, width, fitted }) => ({ key, side, x, width, fitted }))).toEqual([
      { key: "wide", side: "right", x: 106, width: 94, fitted: true },
      { key: "edge", side: "left", x: 200, width: 84, fitted: true },
      { key: "wide-2", side: "right", x: 106, width: 170, fitted: undefined },
      { key: "wide-3", side: "left", x: 100, width: 94, fitted: true },
      { key: "edge-3", side: "right", x: 16, width: 84, fitted: true },
    ]);
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(intersects(placed[i]!, placed[j]!)).toBe(false);
  });
});
