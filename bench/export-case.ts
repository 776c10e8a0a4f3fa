// One export measured in its own process, so its peak RSS is its own: ours (streamed from the store) or the peer
// (graphology-gexf on the built graph), for a family or the whole database. Prints one JSON line of figures.
// Usage: node --import tsx bench/export-case.ts DB ours|peer FORMAT OUT [FAMILY]

import { createWriteStream, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { write as writeGexfPeer } from "graphology-gexf";
import { memberRows, wholeDatabaseRows } from "../src/export/export-rows.js";
import { isTableFormat, tableFileNames, writeExport, type ExportFormat } from "../src/export/write-export.js";
import { buildLineageGraph } from "../src/graph/build-graph.js";
import { familyMembers } from "../src/graph/family.js";
import { loadLineage } from "../test/support/graphology-reference/lineage.js";
import { resolveQuery } from "../src/graph/resolve-query.js";
import { lineageSubgraph } from "../src/graph/subgraph.js";
import { openStore } from "../src/store/open-store.js";

const [dbPath, side, format, out, family] = process.argv.slice(2) as [
  string,
  "ours" | "peer",
  ExportFormat,
  string,
  string | undefined,
];
const db = openStore(dbPath);
const started = performance.now();
let nodes: number;
let edges: number;
let bytes = 0;
if (side === "peer") {
  const whole = buildLineageGraph(db);
  const graph = family === undefined ? whole : lineageSubgraph(whole, familyMembers(whole, resolveQuery(db, family)));
  [nodes, edges] = [graph.order, graph.size];
  const text = writeGexfPeer(graph, { version: "1.3" });
  writeFileSync(out, text);
  bytes = statSync(out).size;
} else {
  let rows;
  if (family === undefined) rows = wholeDatabaseRows(db);
  else {
    const lineage = loadLineage(db);
    rows = memberRows(
      db,
      lineage.graph,
      familyMembers(lineage.graph, resolveQuery(db, family)).keys(),
      lineage.metrics,
    );
  }
  [nodes, edges] = [rows.nodeCount, rows.edgeCount];
  if (isTableFormat(format)) {
    mkdirSync(out, { recursive: true });
    const names = tableFileNames(format);
    const streams = [createWriteStream(join(out, names.nodes)), createWriteStream(join(out, names.edges))] as const;
    await writeExport(format, rows, { nodes: streams[0], edges: streams[1] });
    for (const stream of streams) stream.end();
    await Promise.all(streams.map((stream) => finished(stream)));
    bytes = statSync(join(out, names.nodes)).size + statSync(join(out, names.edges)).size;
  } else {
    const stream = createWriteStream(out);
    await writeExport(format, rows, stream);
    stream.end();
    await finished(stream);
    bytes = statSync(out).size;
  }
}
const ms = performance.now() - started;
// resourceUsage().maxRSS is in kilobytes.
console.log(
  JSON.stringify({ side, format, nodes, edges, ms, bytes, peakRssMB: process.resourceUsage().maxRSS / 1024 }),
);
db.close();
