// The family table's rows as values: filtering, sorting with unknown values last, and the CSV written from them.
// Rows are four real models of phi-2's family (bundled snapshot) with their stored values; orders are by hand.

import { describe, expect, it } from "vitest";
import { csvField, filterRows, licencesOf, sortRows, tableCsv, type TableRow } from "../../web/table-rows.js";

const row = (id: string, values: Partial<TableRow>): TableRow => ({
  id,
  relation: "finetune",
  depth: 1,
  downloads: null,
  likes: null,
  created: null,
  licence: null,
  children: 0,
  descendants: 0,
  placeholder: false,
  centrality: null,
  ...values,
});

const ROWS = [
  row("microsoft/phi-2", { relation: null, depth: 0, downloads: 190_000, likes: 3300, licence: "mit", children: 9 }),
  row("cognitivecomputations/dolphin-2_6-phi-2", { downloads: 1200, licence: "mit", descendants: 12 }),
  row("rhysjones/phi-2-orange", { relation: "merge", downloads: 40, likes: 0, licence: "mit" }),
  row("TheBloke/phi-2-GGUF", { relation: "quantized", licence: "other" }),
];

describe("family table rows", () => {
  it("sorts by a column either way, unknown values last both ways, ties by id", () => {
    const ids = (rows: TableRow[]) => rows.map((r) => r.id);
    expect(ids(sortRows(ROWS, { column: "downloads", descending: true }))).toEqual([
      "microsoft/phi-2",
      "cognitivecomputations/dolphin-2_6-phi-2",
      "rhysjones/phi-2-orange",
      "TheBloke/phi-2-GGUF",
    ]);
    expect(ids(sortRows(ROWS, { column: "downloads", descending: false }))).toEqual([
      "rhysjones/phi-2-orange",
      "cognitivecomputations/dolphin-2_6-phi-2",
      "microsoft/phi-2",
      "TheBloke/phi-2-GGUF",
    ]);
    // Likes: 3300, 0, then the two unknown in id order ("T" sorts before "c" in code units).
    expect(ids(sortRows(ROWS, { column: "likes", descending: true }))).toEqual([
      "microsoft/phi-2",
      "rhysjones/phi-2-orange",
      "TheBloke/phi-2-GGUF",
      "cognitivecomputations/dolphin-2_6-phi-2",
    ]);
    expect(ids(sortRows(ROWS, { column: "id", descending: false }))).toEqual([
      "TheBloke/phi-2-GGUF",
      "cognitivecomputations/dolphin-2_6-phi-2",
      "microsoft/phi-2",
      "rhysjones/phi-2-orange",
    ]);
  });

  it("filters by text in any case, by relation (none: the roots) and by licence", () => {
    expect(filterRows(ROWS, { text: "PHI-2-", relation: null, licence: null }).map((r) => r.id)).toEqual([
      "rhysjones/phi-2-orange",
      "TheBloke/phi-2-GGUF",
    ]);
    expect(filterRows(ROWS, { text: "", relation: "none", licence: null }).map((r) => r.id)).toEqual([
      "microsoft/phi-2",
    ]);
    expect(filterRows(ROWS, { text: "", relation: null, licence: "other" }).map((r) => r.id)).toEqual([
      "TheBloke/phi-2-GGUF",
    ]);
    expect(licencesOf(ROWS)).toEqual(["mit", "other"]);
    expect(licencesOf([...ROWS, row("a/b", {})])).toEqual(["mit", "none", "other"]);
  });

  it("writes CSV with unknown as empty, text quoted, formulas defused", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(12)).toBe("12");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("=HYPERLINK(1)")).toBe(`"'=HYPERLINK(1)"`);
    expect(tableCsv(ROWS.slice(2, 3), null)).toBe(
      "id,relation,depth,downloads,likes,created,licence,children,descendants\r\n" +
        '"rhysjones/phi-2-orange","merge",1,40,0,,"mit",0,0\r\n',
    );
    expect(tableCsv([{ ...ROWS[0]!, centrality: 0.25 }], "PageRank")).toBe(
      "id,relation,depth,downloads,likes,created,licence,children,descendants,PageRank\r\n" +
        '"microsoft/phi-2",,0,190000,3300,,"mit",9,0,0.25\r\n',
    );
  });
});
