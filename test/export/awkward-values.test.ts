// Ids and values with quotes, ampersands, angle brackets, control characters and non-Latin text, mixed with
// real rows, come back exactly from every format (from GEXF and GraphML through restoreXmlText), read by other tools.
import { DuckDBInstance } from "@duckdb/node-api";
import { parse as parseCsv } from "csv-parse/sync";
import { DirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExportEdge, ExportNode, ExportRows } from "../../src/export/export-rows.js";
import { wholeDatabaseRows } from "../../src/export/export-rows.js";
import { writeExport, type ExportFormat } from "../../src/export/write-export.js";
import { restoreXmlText } from "../../src/export/xml-text.js";
import { openFixture } from "../support/fixture-databases.js";
import { jing, readWithNetworkx } from "../support/outside-readers.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

afterAll(removeScratchFolders);

const AWKWARD = [
  `quote"d & <amp> 'apos' ]]>`,
  "ctl\u0001\u0002\u001F\u0000\u000B\u000C|end",
  "tab\tnew\nline\r\ncr,comma",
  "千问/Qwen-模型-7B",
  "Ελληνικά · العربية · 🦙 llama",
  "  padded  ",
];

function synthetic(i: number, text: string): ExportNode {
  return {
    id: `weird/${text}#${i}`,
    author: text,
    downloads: 1000 + i,
    likes: i,
    createdAt: `2024-0${i + 1}-02T03:04:05.000Z`,
    license: text,
    pipelineTag: "text-generation",
    library: text,
    generation: i,
    descendants: null,
    relation: i === 0 ? null : "merge",
    placeholder: i % 2 === 1,
  };
}

const dir = scratchFolder();
let nodes: ExportNode[];
let edges: ExportEdge[];
let rows: ExportRows;

async function write(format: ExportFormat, names: string[]): Promise<string[]> {
  const paths = names.map((name) => join(dir, `${format}-${name}`));
  const streams = paths.map((path) => createWriteStream(path));
  await writeExport(format, rows, streams.length === 1 ? streams[0]! : { nodes: streams[0]!, edges: streams[1]! });
  for (const stream of streams) stream.end();
  await Promise.all(streams.map((stream) => finished(stream)));
  return paths;
}

/** A node's values under the names the formats use, nulls left out (as the XML formats do). */
function named(node: ExportNode): Record<string, string | number | boolean> {
  const all = {
    author: node.author,
    downloads: node.downloads,
    likes: node.likes,
    created_at: node.createdAt,
    license: node.license,
    pipeline_tag: node.pipelineTag,
    library: node.library,
    generation: node.generation,
    descendants: node.descendants,
    relation: node.relation,
    placeholder: node.placeholder,
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== null)) as Record<
    string,
    string | number | boolean
  >;
}

function restored(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, typeof value === "string" ? restoreXmlText(value) : value]),
  );
}

beforeAll(async () => {
  // The whole real snapshot (all 13 files) as imported, before any metrics are computed.
  const db = openFixture("bundle-without-metrics");
  const real: ExportNode[] = [];
  for await (const node of wholeDatabaseRows(db).nodes()) if (real.push(node) >= 40) break;
  db.close();
  const weird = AWKWARD.map((text, i) => synthetic(i, text));
  nodes = [...real, ...weird];
  // Each awkward model derives from the one before it, the first from a real model.
  edges = weird.map((node, i) => ({
    parent: i === 0 ? real[0]!.id : weird[i - 1]!.id,
    child: node.id,
    relation: "merge",
    source: "card",
  }));
  rows = { nodeCount: nodes.length, edgeCount: edges.length, nodes: () => nodes, edges: () => edges };
});

describe("awkward ids and values in every format", () => {
  it("GEXF 1.2draft and 1.3 validate, and networkx and graphology-gexf give the values back", async () => {
    for (const [format, version] of [
      ["gexf-1.2", "1.2draft"],
      ["gexf", "1.3"],
    ] as const) {
      const [file] = await write(format, ["graph.gexf"]);
      expect(jing(version, file!)).toEqual({ status: 0, errors: "" });
      const graph = parseGexf(DirectedGraph, await readFile(file!, "utf8"));
      const back = new Map(
        graph.mapNodes((id, { label: _label, color: _color, size: _size, ...values }) => [
          restoreXmlText(id),
          restored(values),
        ]),
      );
      expect(back).toEqual(new Map(nodes.map((node) => [node.id, named(node)])));
      expect(graph.mapEdges((_e, attributes, s, t) => [restoreXmlText(s), restoreXmlText(t), attributes])).toEqual(
        edges.map((e) => [e.parent, e.child, { relation: e.relation, source: e.source }]),
      );
    }
    const read = readWithNetworkx("gexf", join(dir, "gexf-1.2-graph.gexf"));
    const back = new Map(
      Object.entries(read.nodes).map(([id, { label: _label, ...values }]) => [restoreXmlText(id), restored(values)]),
    );
    expect(back).toEqual(new Map(nodes.map((node) => [node.id, named(node)])));
  });

  it("GraphML: networkx and graphology-graphml give the values back", async () => {
    const [file] = await write("graphml", ["graph.graphml"]);
    const read = readWithNetworkx("graphml", file!);
    expect(new Map(Object.entries(read.nodes).map(([id, values]) => [restoreXmlText(id), restored(values)]))).toEqual(
      new Map(nodes.map((node) => [node.id, named(node)])),
    );
    expect(read.edges.map(([s, t, data]) => [restoreXmlText(s), restoreXmlText(t), data])).toEqual(
      edges.map((e) => [e.parent, e.child, { relation: e.relation, source: e.source }]),
    );
    const graph = parseGraphml(DirectedGraph, await readFile(file!, "utf8"));
    expect(new Map(graph.mapNodes((id, values) => [restoreXmlText(id), restored(values)]))).toEqual(
      new Map(nodes.map((node) => [node.id, named(node)])),
    );
  });

  it("JSON, CSV and Parquet keep every character as it was, nulls included", async () => {
    const [jsonFile] = await write("json", ["graph.json"]);
    const graph = DirectedGraph.from(JSON.parse(await readFile(jsonFile!, "utf8")));
    expect(graph.nodes()).toEqual(nodes.map((node) => node.id));
    expect(graph.getNodeAttribute(nodes.at(-5)!.id, "author")).toBe(AWKWARD[1]);

    const [nodesCsv, edgesCsv] = await write("csv", ["nodes.csv", "edges.csv"]);
    const csvRows = parseCsv(await readFile(nodesCsv!, "utf8"), { columns: true }) as Record<string, string>[];
    expect(csvRows.map((row) => [row.id, row.author, row.license])).toEqual(
      nodes.map((node) => [node.id, node.author ?? "", node.license ?? ""]),
    );
    const csvEdges = parseCsv(await readFile(edgesCsv!, "utf8"), { columns: true }) as Record<string, string>[];
    expect(csvEdges.map((row) => [row.parent, row.child])).toEqual(edges.map((edge) => [edge.parent, edge.child]));

    const [nodesParquet] = await write("parquet", ["nodes.parquet", "edges.parquet"]);
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    const parquetRows = (
      await connection.runAndReadAll(`SELECT id, author, library, descendants FROM '${nodesParquet}'`)
    ).getRowObjectsJS();
    expect(parquetRows).toEqual(
      nodes.map((node) => ({ id: node.id, author: node.author, library: node.library, descendants: node.descendants })),
    );
    connection.closeSync();
  });
});
