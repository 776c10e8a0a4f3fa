// The legend's rows, as the page and the PNG draw them for each colour choice: relation rows count nodes only while
// the models are coloured by relation, licence rows leave out empty extra classes, a centrality's row carries its
// scale. Counts are written out by hand.

import { describe, expect, it } from "vitest";
import { CENTRALITY_SCALE, centralityDisplay, centralityLegendRow } from "../../web/centrality.js";
import { legendRows, type LegendCounts } from "../../web/legend.js";
import { licenceLegendRows } from "../../web/licence-colours.js";

const COUNTS: LegendCounts = {
  root: 1,
  placeholder: 2,
  fans: 3,
  fanMembers: 40,
  collapsed: 4,
  collapsedMembers: 50,
  byRelation: { finetune: 5, adapter: 0, quantized: 6, merge: 7, unknown: 0 },
};

describe("legend rows", () => {
  it("counts nodes by relation only while the models are coloured by it; pills are always counted", () => {
    const byRelation = legendRows(COUNTS);
    expect(byRelation.map((row) => row.count)).toEqual([1, 5, 0, 6, 7, 0, 2, 3, 4]);
    expect(byRelation.slice(-2).map((row) => row.pill)).toEqual(["fan", "collapsed"]);
    const byOther = legendRows(COUNTS, false);
    expect(byOther.map((row) => row.count)).toEqual([null, null, null, null, null, null, null, 3, 4]);
  });

  it("lists the four licence classes always, the others only when some drawn node is in them", () => {
    const counts = { permissive: 9, restrictive: 1, none: 0, unknown: 2, outside: 0, fan: 3 };
    expect(licenceLegendRows(counts).map((row) => [row.label.split(" ")[0], row.count])).toEqual([
      ["permissive", 9],
      ["restrictive", 1],
      ["no", 0],
      ["unknown", 2],
      ["fan", 3],
    ]);
  });

  it("gives a colour centrality its scale and a size centrality none, with the measure's range", () => {
    const values = new Map([
      ["a", 0.5],
      ["b", 0.25],
    ]);
    const colour = centralityLegendRow("PageRank", centralityDisplay(values, "colour"));
    expect(colour.scale).toEqual(CENTRALITY_SCALE);
    expect(colour.label).toBe(
      "node colour: PageRank in the family (2 drawn models and the edges among them), 0 to 0.500",
    );
    expect(centralityLegendRow("degree", centralityDisplay(values, "size")).scale).toBeUndefined();
  });
});
