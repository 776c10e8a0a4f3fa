// GEXF on the real snapshot: both versions validate with jing against the official schemas; networkx and
// graphology-gexf read the phi-2 family back with the engine's own counts (familyReport) and attribute values.
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { DirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wholeDatabaseRows, type ExportRows } from "../../src/export/export-rows.js";
import { writeGexf, type GexfOptions } from "../../src/export/gexf-writer.js";
import type { Lineage } from "../support/graphology-reference/lineage.js";
import { engineEdges, engineNodeValues, phi2Family, withoutNulls } from "../support/engine-export-values.js";
import { jingInBackground, readWithNetworkx } from "../support/outside-readers.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

afterAll(removeScratchFolders);

// The palette's documented colours (src/vocabulary/palette.ts, README "GEXF styling"), written out here so that a
// change to the table fails this test: Okabe–Ito per relation, vermillion roots, light grey placeholders.
const DOCUMENTED_HEX: Record<string, string> = {
  finetune: "#0072b2",
  adapter: "#009e73",
  quantized: "#e69f00",
  merge: "#cc79a7",
  unknown: "#8c8c8c",
  root: "#d55e00",
  placeholder: "#c8c8c8",
};

/** The colour graphology-gexf reads back for `hex`: `rgb(r,g,b)` in decimal. */
function rgbText(hex: string): string {
  return `rgb(${[1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join(",")})`;
}

async function writeFile(rows: ExportRows, path: string, options: GexfOptions): Promise<string> {
  const stream = createWriteStream(path);
  await writeGexf(rows, stream, options);
  stream.end();
  await finished(stream);
  return path;
}

describe("GEXF of the phi-2 family and of the whole snapshot", () => {
  let lineage: Lineage;
  let members: Set<string>;
  let rows: ExportRows;
  let expectedNodes: number;
  const dir = scratchFolder();

  beforeAll(() => {
    ({ lineage, members, rows, expectedNodes } = phi2Family());
  });

  const validatesTitle =
    "writes a family that validates against both schemas and that networkx reads with the engine's values";
  it(validatesTitle, async () => {
    // familyReport says 1 model + 1,309 descendants.
    expect(expectedNodes).toBe(1310);
    const file12 = await writeFile(rows, join(dir, "phi-2.v12.gexf"), { version: "1.2draft" });
    const file13 = await writeFile(rows, join(dir, "phi-2.v13.gexf"), { version: "1.3" });
    // The three validations run in the background while networkx reads the file.
    const valid12 = jingInBackground("1.2draft", file12);
    const valid13 = jingInBackground("1.3", file13);
    // A control: each schema rejects the other version's document.
    const control = jingInBackground("1.3", file12);

    const read = readWithNetworkx("gexf", file12);
    expect(read.directed).toBe(true);
    expect(Object.keys(read.nodes).length).toBe(expectedNodes);
    const edges = engineEdges(lineage, members);
    expect(read.edges.length).toBe(edges.size);
    for (const id of members) {
      const { label, ...values } = read.nodes[id] as Record<string, unknown>;
      expect(label).toBe(id);
      expect(values).toEqual(withoutNulls(engineNodeValues(lineage, id)));
    }
    for (const [parent, child, data] of read.edges) {
      expect({ relation: data.relation, source: data.source }).toEqual(edges.get(`${parent}→${child}`));
    }
    expect(await valid12).toEqual({ status: 0, errors: "" });
    expect(await valid13).toEqual({ status: 0, errors: "" });
    expect((await control).status).not.toBe(0);
  });

  it("is read back identically by graphology-gexf in both versions", async () => {
    const edges = engineEdges(lineage, members);
    for (const version of ["1.2draft", "1.3"] as const) {
      const text = await readFile(join(dir, `phi-2.v${version === "1.3" ? "13" : "12"}.gexf`), "utf8");
      const graph = parseGexf(DirectedGraph, text);
      expect(graph.order).toBe(expectedNodes);
      expect(graph.size).toBe(edges.size);
      for (const id of members) {
        const { label, color, size, ...values } = graph.getNodeAttributes(id);
        expect(label).toBe(id);
        const { relation, placeholder } = engineNodeValues(lineage, id);
        const role = placeholder === true ? "placeholder" : typeof relation === "string" ? relation : "root";
        expect(color).toBe(rgbText(DOCUMENTED_HEX[role]!));
        // Size is 1 + 2·log10(1 + downloads), rounded to 3 decimals.
        const downloads = engineNodeValues(lineage, id).downloads;
        expect(size).toBeCloseTo(1 + 2 * Math.log10(1 + ((downloads as number | null) ?? 0)), 3);
        expect(values).toEqual(withoutNulls(engineNodeValues(lineage, id)));
      }
      graph.forEachEdge((_edge, attributes, parent, child) =>
        expect(attributes).toEqual(edges.get(`${parent}→${child}`)),
      );
    }
  });

  it("adds layout positions that validate and read back", async () => {
    const positions = new Map([...members].map((id, i) => [id, { x: i * 1.5, y: (i % 7) - 3 }]));
    const validations: Promise<unknown>[] = [];
    for (const version of ["1.2draft", "1.3"] as const) {
      const file = await writeFile(rows, join(dir, `placed.${version}.gexf`), {
        version,
        positions: (id) => positions.get(id),
        color: "org",
      });
      validations.push(jingInBackground(version, file));
      const graph = parseGexf(DirectedGraph, await readFile(file, "utf8"));
      for (const [id, { x, y }] of positions)
        expect([graph.getNodeAttribute(id, "x"), graph.getNodeAttribute(id, "y")]).toEqual([x, y]);
    }
    expect(await Promise.all(validations)).toEqual([
      { status: 0, errors: "" },
      { status: 0, errors: "" },
    ]);
  });

  it("writes the whole snapshot, valid in both versions, with every model and lineage edge", async () => {
    const whole = wholeDatabaseRows(lineage.store);
    // The lineage graph has one node per model and one edge per distinct parent → child pair.
    expect([whole.nodeCount, whole.edgeCount]).toEqual([lineage.graph.order, lineage.graph.size]);
    const validations: Promise<unknown>[] = [];
    for (const version of ["1.2draft", "1.3"] as const) {
      const file = await writeFile(whole, join(dir, `all.${version}.gexf`), { version });
      // jing takes seconds on 20 MB: both files validate while the test reads one back.
      validations.push(jingInBackground(version, file));
    }
    // Parsing 20 MB with xmldom takes seconds: one version is read back whole.
    const graph = parseGexf(DirectedGraph, await readFile(join(dir, "all.1.3.gexf"), "utf8"));
    expect([graph.order, graph.size]).toEqual([lineage.graph.order, lineage.graph.size]);
    expect(await Promise.all(validations)).toEqual([
      { status: 0, errors: "" },
      { status: 0, errors: "" },
    ]);
    // Two jing runs and an xmldom parse of 20 MB: on a shared 2-core machine under load this took 143 s.
  }, 300_000);
});
