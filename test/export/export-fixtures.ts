// What the export tests share: the real snapshot imported whole (all 13 files), writers run into a string or a
// temporary file, and the outside readers (jing, networkx under Debian's python3) called as child processes.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { openStore, type Store } from "../../src/store/open-store.js";
import { importFile } from "../../src/sync/import-file.js";
import { memberRows, type ExportRows } from "../../src/export/export-rows.js";
import { familyMembers, familyReport } from "../../src/graph/family.js";
import { loadLineage, type Lineage } from "../../src/graph/lineage.js";
import { resolveQuery } from "../../src/graph/resolve-query.js";

const DATA = resolve(process.cwd(), "../shared/data");

export const REAL_FILES = [
  join(DATA, "lineage-top50k-textgen/edges.csv"),
  join(DATA, "lineage-top50k-textgen/metadata.csv"),
  ...readdirSync(join(DATA, "family-trees-2025-04"))
    .sort()
    .map((file) => join(DATA, "family-trees-2025-04", file)),
];

/** An in-memory database holding every real data file. */
export async function realDatabase(): Promise<Store> {
  const db = openStore(":memory:");
  for (const file of REAL_FILES) await importFile(db, file);
  return db;
}

/** A sink that keeps what is written, and the text once the writer is done. */
export function stringSink(): { sink: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { sink, text: () => Buffer.concat(chunks).toString("utf8") };
}

const scratchDirectories: string[] = [];

/** A fresh temporary folder, removed by removeScratchDirectories (call it in afterAll). */
export function scratchDirectory(): string {
  const folder = mkdtempSync(join(tmpdir(), "hf-lineage-export-"));
  scratchDirectories.push(folder);
  return folder;
}

export function removeScratchDirectories(): void {
  for (const folder of scratchDirectories.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** Runs jing -c against the official schema of `version`; returns the exit status and the error lines. */
export function jing(version: "1.3" | "1.2draft", file: string): { status: number | null; errors: string } {
  const schema = resolve(process.cwd(), `../shared/schemas/gexf-${version}/gexf.rnc`);
  const run = spawnSync("jing", ["-c", schema, file], { encoding: "utf8" });
  return { status: run.status, errors: `${run.stdout}${run.stderr}`.split("\n").filter((line) => !line.includes("[warning]") && line.trim().length > 0).join("\n") };
}

export interface NetworkxGraph {
  version: string;
  directed: boolean;
  nodes: Record<string, Record<string, unknown>>;
  edges: [string, string, Record<string, unknown>][];
}

const READER = `
import json, sys, networkx as nx
kind, path = sys.argv[1], sys.argv[2]
g = nx.read_gexf(path, version="1.2draft") if kind == "gexf" else nx.read_graphml(path)
json.dump({"version": nx.__version__, "directed": g.is_directed(),
           "nodes": {n: {k: v for k, v in d.items() if k != "viz"} for n, d in g.nodes(data=True)},
           "edges": [[u, v, d] for u, v, d in g.edges(data=True)]}, sys.stdout, ensure_ascii=True)
`;
import { connectionOf } from "../../src/store/database-handle.js";

/** Reads a GEXF 1.2draft or GraphML file with networkx (Debian's /usr/bin/python3 with python3-networkx). */
export function readWithNetworkx(kind: "gexf" | "graphml", file: string): NetworkxGraph {
  const script = join(scratchDirectory(), "read.py");
  writeFileSync(script, READER);
  const run = spawnSync("/usr/bin/python3", [script, kind, file], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`networkx could not read ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout) as NetworkxGraph;
}

export type Values = Record<string, string | number | boolean | null>;

/**
 * A member's attributes as the engine holds them, read without the export code: author, dates, relation and
 * placeholder from the lineage graph, generation and descendants from its metrics, the rest by a plain SELECT.
 */
export function engineNodeValues(lineage: Lineage, id: string): Values {
  const node = lineage.graph.getNodeAttributes(id);
  const row = connectionOf(lineage.store).prepare(`SELECT downloads, likes, license, pipeline_tag, library_name FROM models WHERE id = ?`).get(id) as Record<string, string | number | null>;
  const metrics = lineage.metrics.get(id);
  return {
    author: node.author,
    downloads: row.downloads ?? null,
    likes: row.likes ?? null,
    created_at: node.createdAt,
    license: row.license ?? null,
    pipeline_tag: row.pipeline_tag ?? null,
    library: row.library_name ?? null,
    generation: metrics?.generation ?? null,
    descendants: metrics?.descendants ?? null,
    relation: node.relation,
    placeholder: node.placeholder,
  };
}

/** The values a reader that leaves nulls out (GEXF, GraphML) should find. */
export function withoutNulls(values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
}

/** The edges of the lineage graph among `members`, as `parent→child` with relation and source. */
export function engineEdges(lineage: Lineage, members: Set<string>): Map<string, { relation: string; source: string }> {
  const edges = new Map<string, { relation: string; source: string }>();
  lineage.graph.forEachEdge((_edge, attributes, parent, child) => {
    if (members.has(parent) && members.has(child)) edges.set(`${parent}→${child}`, { relation: attributes.relation, source: attributes.source });
  });
  return edges;
}

export interface RealFamily {
  lineage: Lineage;
  members: Set<string>;
  rows: ExportRows;
  /** The family's size as the engine reports it: familyReport's own models plus descendants. */
  expectedNodes: number;
}

/** The phi-2 family of the real snapshot, the family most export tests write and read back. */
export async function phi2Family(): Promise<RealFamily> {
  const db = await realDatabase();
  const lineage = loadLineage(db);
  const resolved = resolveQuery(db, "microsoft/phi-2");
  const members = new Set(familyMembers(lineage.graph, resolved).keys());
  const report = familyReport(lineage.graph, resolved);
  return { lineage, members, rows: memberRows(db, lineage.graph, members, lineage.metrics), expectedNodes: report.models + report.descendants.total };
}
