// Where the opening camera centres a drawing, worked by hand: a layout that fits an axis is centred on it, and one
// that does not keeps the query in the middle only as far as the drawing's edge stays at the canvas's edge.

import { describe, expect, it } from "vitest";
import { MARGIN, openingCentre, ROW_GUTTER } from "../../web/lineage-view.js";

// An 800 × 900 canvas: (800 − 2·24 − 74) = 678 pixels across for the drawing, (900 − 2·24) = 852 down.
const AREA = { width: 800, height: 900 };

describe("opening camera centre", () => {
  it("checks the margins the hand-worked figures assume", () => {
    expect([MARGIN, ROW_GUTTER]).toEqual([24, 74]);
  });

  it("centres a layout that fits both ways, wherever the query is", () => {
    expect(openingCentre({ width: 600, height: 800 }, AREA, 1, { x: 10, y: 10 })).toEqual({ x: 300, y: 400 });
  });

  it("keeps a query at the top of a tall drawing at the canvas's top, not in its middle", () => {
    // Half the room down is 852 / 2 = 426: the query at y = 10 would leave 416 pixels blank above the drawing.
    expect(openingCentre({ width: 600, height: 2000 }, AREA, 1, { x: 300, y: 10 })).toEqual({ x: 300, y: 426 });
  });

  it("keeps a query at the bottom of a tall drawing at the canvas's bottom", () => {
    expect(openingCentre({ width: 600, height: 2000 }, AREA, 1, { x: 300, y: 1990 })).toEqual({ x: 300, y: 1574 });
  });

  it("centres on a query inside a drawing too large both ways, and clamps across by the room's half", () => {
    // Across, half of 678 is 339: a query at x = 100 is moved to 339, one at 500 of 1000 stays.
    expect(openingCentre({ width: 1000, height: 2000 }, AREA, 1, { x: 100, y: 1000 })).toEqual({ x: 339, y: 1000 });
    expect(openingCentre({ width: 1000, height: 2000 }, AREA, 1, { x: 500, y: 1000 })).toEqual({ x: 500, y: 1000 });
  });

  it("measures the room in layout units at the scale shown", () => {
    // At scale 2 the room down is 852 / 2 = 426 layout units, half of it 213.
    expect(openingCentre({ width: 300, height: 1000 }, AREA, 2, { x: 150, y: 0 })).toEqual({ x: 150, y: 213 });
  });

  it("centres without a query to keep in view", () => {
    expect(openingCentre({ width: 1000, height: 2000 }, AREA, 1, null)).toEqual({ x: 500, y: 1000 });
  });
});
