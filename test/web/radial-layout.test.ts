// The radial layout on a small tree written out by hand: the queried model at the centre, each depth on a ring
// further out, angles in proportion to subtree size, no two dots overlapping, ancestors above the disc.

import { describe, expect, it } from "vitest";
import type { LayoutItem } from "../../web/layout.js";
import { radialLayout } from "../../web/radial-layout.js";

const item = (key: string, row: number, weight = 0): LayoutItem => ({
  key,
  row,
  width: 80,
  height: 18,
  radius: 5,
  weight,
});

// q has children a (with 3 children of its own) and b (a leaf): subtree sizes a = 4, b = 1; one ancestor p above q.
const ITEMS = [item("p", -1), item("q", 0), item("a", 1, 3), item("b", 1), item("a1", 2), item("a2", 2), item("a3", 2)];
const EDGES = [
  ["p", "q"],
  ["q", "a"],
  ["q", "b"],
  ["a", "a1"],
  ["a", "a2"],
  ["a", "a3"],
] as const;

describe("radial layout", () => {
  const layout = radialLayout(ITEMS, EDGES, { ringGap: 90, gap: 6 });
  const at = (key: string) => layout.boxes.get(key)!;
  const centre = at("q");
  const polar = (key: string) => {
    const dx = at(key).x - centre.x;
    const dy = at(key).y - centre.y;
    return { r: Math.hypot(dx, dy), theta: Math.atan2(dy, dx) };
  };

  it("puts each depth on its own ring around the model", () => {
    expect(polar("a").r).toBeCloseTo(90, 6);
    expect(polar("b").r).toBeCloseTo(90, 6);
    for (const key of ["a1", "a2", "a3"]) expect(polar(key).r).toBeCloseTo(180, 6);
  });

  it("gives each subtree an angle in proportion to its size", () => {
    // a's subtree holds 4 of the 5 descendants: 4/5 of the turn from straight up (-π/2), its dot at the middle;
    // b's holds 1/5, after it.
    const turn = 2 * Math.PI;
    expect(polar("a").theta).toBeCloseTo(-Math.PI / 2 + (turn * 4) / 5 / 2, 6);
    const b = -Math.PI / 2 + (turn * 4) / 5 + turn / 5 / 2;
    expect(polar("b").theta).toBeCloseTo(Math.atan2(Math.sin(b), Math.cos(b)), 6);
    // a's three children split a's 4/5 of the turn equally (one node each, of a's 3).
    const step = (turn * 4) / 5 / 3;
    const thetas = ["a1", "a2", "a3"].map((key) => polar(key).theta);
    const expected = [0, 1, 2].map((k) => -Math.PI / 2 + step * (k + 0.5));
    expected.forEach((theta, k) => expect(thetas[k]).toBeCloseTo(Math.atan2(Math.sin(theta), Math.cos(theta)), 6));
  });

  it("keeps every dot apart, the ancestor above the disc, and the drawing at the origin", () => {
    const keys = ITEMS.map((i) => i.key);
    for (const a of keys)
      for (const b of keys)
        if (a < b) expect(Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y)).toBeGreaterThanOrEqual(10 + 6);
    expect(at("p").y).toBeLessThan(Math.min(...["a", "b", "a1", "a2", "a3"].map((key) => at(key).top)));
    expect(Math.min(...keys.map((key) => at(key).left))).toBeCloseTo(0, 6);
    expect(Math.min(...keys.map((key) => at(key).top))).toBeCloseTo(0, 6);
    expect(layout.treeParent.get("a2")).toBe("a");
  });
});
