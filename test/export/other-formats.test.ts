// GraphML, JSON, CSV and Parquet of the real phi-2 family (and Parquet of the whole snapshot) read back by other
// tools (networkx, graphology-graphml, Graph.from, csv-parse, DuckDB) with the engine's counts and values.
import { DuckDBInstance } from "@duckdb/node-api";
import { parse as parseCsv } from "csv-parse/sync";
import { DirectedGraph } from "graphology";
import { parse as parseGraphml } from "graphology-graphml";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wholeDatabaseRows, type ExportRows } from "../../src/export/export-rows.js";
import { writeExport, type ExportFormat } from "../../src/export/write-export.js";
import type { Lineage } from "../support/graphology-reference/lineage.js";
import { engineEdges, engineNodeValues, phi2Family, withoutNulls } from "../support/engine-export-values.js";
import type { Values } from "../support/engine-export-values.js";
import { readWithNetworkx } from "../support/outside-readers.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";
import { connectionOf } from "../../src/store/database-handle.js";

afterAll(removeScratchFolders);

const dir = scratchFolder();

async function writeFiles(format: ExportFormat, rows: ExportRows, names: string[]): Promise<string[]> {
  const paths = names.map((name) => join(dir, name));
  const streams = paths.map((path) => createWriteStream(path));
  await writeExport(format, rows, streams.length === 1 ? streams[0]! : { nodes: streams[0]!, edges: streams[1]! });
  for (const stream of streams) stream.end();
  await Promise.all(streams.map((stream) => finished(stream)));
  return paths;
}

describe("GraphML, JSON, CSV and Parquet of the phi-2 family", () => {
  let lineage: Lineage;
  let members: Set<string>;
  let rows: ExportRows;
  let edges: Map<string, { relation: string; source: string }>;

  beforeAll(() => {
    let expectedNodes: number;
    ({ lineage, members, rows, expectedNodes } = phi2Family());
    edges = engineEdges(lineage, members);
    // familyReport: 1 model + 1,309 descendants; the edge count is the graph's edges among them.
    expect([rows.nodeCount, rows.edgeCount]).toEqual([expectedNodes, edges.size]);
  });

  it("GraphML: networkx and graphology-graphml read the engine's nodes, edges and values", async () => {
    const [file] = await writeFiles("graphml", rows, ["phi-2.graphml"]);
    const read = readWithNetworkx("graphml", file!);
    expect([Object.keys(read.nodes).length, read.edges.length]).toEqual([1310, edges.size]);
    for (const id of members) expect(read.nodes[id]).toEqual(withoutNulls(engineNodeValues(lineage, id)));
    for (const [parent, child, data] of read.edges)
      expect({ relation: data.relation, source: data.source }).toEqual(edges.get(`${parent}→${child}`));

    const graph = parseGraphml(DirectedGraph, await readFile(file!, "utf8"));
    expect([graph.order, graph.size]).toEqual([1310, edges.size]);
    for (const id of members) expect(graph.getNodeAttributes(id)).toEqual(withoutNulls(engineNodeValues(lineage, id)));
    graph.forEachEdge((_edge, attributes, parent, child) =>
      expect(attributes).toEqual(edges.get(`${parent}→${child}`)),
    );
  });

  it("JSON: Graph.from loads graphology's serialisation with nulls kept", async () => {
    const [file] = await writeFiles("json", rows, ["phi-2.json"]);
    const graph = DirectedGraph.from(JSON.parse(await readFile(file!, "utf8")));
    expect([graph.order, graph.size, graph.type, graph.multi]).toEqual([1310, edges.size, "directed", false]);
    for (const id of members) expect(graph.getNodeAttributes(id)).toEqual(engineNodeValues(lineage, id));
    graph.forEachEdge((_edge, attributes, parent, child) =>
      expect(attributes).toEqual(edges.get(`${parent}→${child}`)),
    );
  });

  it("CSV: csv-parse reads nodes.csv and edges.csv with the same rows", async () => {
    const [nodesFile, edgesFile] = await writeFiles("csv", rows, ["nodes.csv", "edges.csv"]);
    const nodeRows = parseCsv(await readFile(nodesFile!, "utf8"), { columns: true }) as Record<string, string>[];
    expect(nodeRows.length).toBe(1310);
    const text = (value: string | number | boolean | null) => (value === null ? "" : String(value));
    for (const row of nodeRows) {
      const { id, ...values } = row;
      expect(values).toEqual(
        Object.fromEntries(Object.entries(engineNodeValues(lineage, id!)).map(([key, value]) => [key, text(value)])),
      );
    }
    const edgeRows = parseCsv(await readFile(edgesFile!, "utf8"), { columns: true }) as Record<string, string>[];
    expect(edgeRows.length).toBe(edges.size);
    for (const row of edgeRows)
      expect({ relation: row.relation, source: row.source }).toEqual(edges.get(`${row.parent}→${row.child}`));
  });

  it("Parquet: DuckDB reads nodes.parquet and edges.parquet with the same rows", async () => {
    const [nodesFile, edgesFile] = await writeFiles("parquet", rows, ["nodes.parquet", "edges.parquet"]);
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    const nodeRows = (await connection.runAndReadAll(`SELECT * FROM '${nodesFile}'`)).getRowObjectsJS();
    expect(nodeRows.length).toBe(1310);
    for (const row of nodeRows) {
      const { id, ...values } = row;
      const expected: Values = engineNodeValues(lineage, id as string);
      // DuckDB hands BIGINT columns (downloads, likes) back as bigint.
      const big = (value: Values[string] | undefined) => (typeof value === "number" ? BigInt(value) : null);
      expect(values).toEqual({ ...expected, downloads: big(expected.downloads), likes: big(expected.likes) });
    }
    const edgeRows = (await connection.runAndReadAll(`SELECT * FROM '${edgesFile}'`)).getRowObjectsJS();
    expect(edgeRows.length).toBe(edges.size);
    for (const row of edgeRows)
      expect({ relation: row.relation, source: row.source }).toEqual(
        edges.get(`${String(row.parent)}→${String(row.child)}`),
      );
    connection.closeSync();
  });

  it("Parquet of the whole snapshot spans several row groups and DuckDB reads every row", async () => {
    const [nodesFile, edgesFile] = await writeFiles("parquet", wholeDatabaseRows(lineage.store), [
      "all-nodes.parquet",
      "all-edges.parquet",
    ]);
    const connection = await (await DuckDBInstance.create(":memory:")).connect();
    const scalar = async (sql: string) => (await connection.runAndReadAll(sql)).getRowsJS()[0];
    // 37,991 models in row groups of 20,000 make two groups.
    expect(await scalar(`SELECT count(*) FROM parquet_metadata('${nodesFile}') WHERE column_id = 0`)).toEqual([2n]);
    const expected = connectionOf(lineage.store)
      .prepare(`SELECT count(*) AS n, sum(downloads) AS downloads, count(license) AS licensed FROM models`)
      .get() as { n: number; downloads: number; licensed: number };
    expect(
      await scalar(`SELECT count(*), sum(downloads), count(license), count(DISTINCT id) FROM '${nodesFile}'`),
    ).toEqual([BigInt(expected.n), BigInt(expected.downloads), BigInt(expected.licensed), BigInt(lineage.graph.order)]);
    expect(await scalar(`SELECT count(*), count(DISTINCT (parent, child)) FROM '${edgesFile}'`)).toEqual([
      BigInt(lineage.graph.size),
      BigInt(lineage.graph.size),
    ]);
    connection.closeSync();
  });
});
