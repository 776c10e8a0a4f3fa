// The lineage core on the real snapshot: import speed against a plain prepared-statement bulk insert, graph
// build, all-model descendant counts against a BFS per model, the largest org family against a SQLite recursive
// query, PageRank against networkx when Python has it, and the process's peak memory.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { DirectedGraph } from "graphology";
import { parse } from "csv-parse/sync";
import { bfsFromNode } from "graphology-traversal";
import { buildLineageGraph } from "../src/graph/build-graph.js";
import { descendantCounts } from "../test/support/graphology-reference/descendant-counts.js";
import { influenceRank } from "../test/support/graphology-reference/influence.js";
import { computeMetrics } from "../test/support/graphology-reference/compute-metrics.js";
import { largestOrgFamilies } from "../src/graph/org-families.js";
import { reachable } from "../src/graph/reachable.js";
import { orgModelIds } from "../src/store/model-queries.js";
import { importFile } from "../src/sync/import-file.js";
import { openStore } from "../src/store/open-store.js";
import { connectionOf } from "../src/store/database-handle.js";

const DATA = resolve(process.cwd(), "../shared/data");
const EDGES_CSV = join(DATA, "lineage-top50k-textgen/edges.csv");

function time<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

async function timeAsync<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

function line(label: string, ours: number, peerLabel: string, peer: number, unit = "ms"): void {
  console.log(
    `${label.padEnd(34)} ${ours.toFixed(1).padStart(9)} ${unit}   ` +
      `${peerLabel}: ${peer.toFixed(1)} ${unit}   ratio ${(peer / ours).toFixed(2)}x`,
  );
}

export default async function lineageBench(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "hf-lineage-bench-"));
  try {
    const rows = readFileSync(EDGES_CSV, "utf8");
    const peerDb = new Database(join(scratch, "peer.db"));
    peerDb.pragma("journal_mode = WAL");
    peerDb.exec(
      `CREATE TABLE edges (child TEXT, parent TEXT, relation TEXT, PRIMARY KEY (child, parent)) WITHOUT ROWID`,
    );
    const peerImport = time(() => {
      const records = parse(rows, { columns: true }) as { source: string; target: string; edge: string }[];
      const insert = peerDb.prepare(`INSERT OR IGNORE INTO edges VALUES (?, ?, ?)`);
      peerDb.transaction(() => {
        for (const record of records) insert.run(record.target, record.source, record.edge);
      })();
      return records.length;
    });
    peerDb.close();
    const db = openStore(join(scratch, "lineage.db"));
    const ours = await timeAsync(() => importFile(db, EDGES_CSV));
    const oursRate = ours.value.records / (ours.ms / 1000);
    const peerRate = peerImport.value / (peerImport.ms / 1000);
    console.log(
      `import edges.csv (${ours.value.records.toLocaleString("en-US")} rows)    ` +
        `${Math.round(oursRate).toLocaleString("en-US").padStart(9)} rows/s   ` +
        `plain prepared-statement insert: ${Math.round(peerRate).toLocaleString("en-US")} rows/s   ` +
        `ours at ${((oursRate / peerRate) * 100).toFixed(0)}% of the bare insert ` +
        "(which skips validation, placeholders, resume bookkeeping)",
    );

    for (const file of [
      "lineage-top50k-textgen/metadata.csv",
      ...readdirSync(join(DATA, "family-trees-2025-04")).map((name) => `family-trees-2025-04/${name}`),
    ]) {
      await importFile(db, join(DATA, file));
    }
    const build = time(() => buildLineageGraph(db));
    const graph = build.value;
    const peerBuild = time(() => {
      const plain = new DirectedGraph();
      for (const row of connectionOf(db)
        .prepare(`SELECT child, parent FROM edges WHERE child <> parent`)
        .iterate() as Iterable<{ child: string; parent: string }>) {
        plain.mergeNode(row.parent);
        plain.mergeNode(row.child);
        plain.mergeEdge(row.parent, row.child);
      }
      return plain;
    });
    console.log(`graph: ${graph.order.toLocaleString("en-US")} models, ${graph.size.toLocaleString("en-US")} edges`);
    line("graph build (with attributes)", build.ms, "bare edges-only graphology graph", peerBuild.ms);

    const counts = time(() => descendantCounts(graph));
    const perNode = time(() => {
      let total = 0;
      graph.forEachNode((id) => {
        bfsFromNode(graph, id, () => {
          total += 1;
        });
      });
      return total - graph.order;
    });
    let sum = 0;
    for (const totals of counts.value.values()) sum += totals.descendants;
    if (sum !== perNode.value) throw new Error(`bench: descendant totals differ (${sum} vs ${perNode.value})`);
    line("descendant counts, all models", counts.ms, "graphology-traversal BFS per model", perNode.ms);

    const metrics = computeMetrics(graph);
    const [largest] = largestOrgFamilies(graph, metrics, 1);
    if (largest === undefined) throw new Error("bench: no org family");
    const roots = orgModelIds(db, largest.org);
    const family = time(() => reachable(graph, roots, "down").size);
    const cte = time(
      () =>
        (
          connectionOf(db)
            .prepare(
              `WITH RECURSIVE own(id) AS (SELECT id FROM models WHERE id LIKE ? || '/%'),
               below(id) AS (SELECT child FROM edges JOIN own ON edges.parent = own.id WHERE child <> parent
                             UNION SELECT edges.child FROM edges JOIN below ON edges.parent = below.id
                                   WHERE edges.child <> edges.parent)
               SELECT count(*) AS n FROM below WHERE id NOT IN (SELECT id FROM own)`,
            )
            .get(largest.org) as { n: number }
        ).n,
    );
    if (family.value !== cte.value) throw new Error(`bench: org family sizes differ (${family.value} vs ${cte.value})`);
    line(
      `largest org family (${largest.org}, ${family.value.toLocaleString("en-US")})`,
      family.ms,
      "SQLite recursive CTE",
      cte.ms,
    );
    const allOrgs = time(() => largestOrgFamilies(graph, metrics, 10));
    console.log(`${"top 10 org families".padEnd(34)} ${allOrgs.ms.toFixed(1).padStart(9)} ms`);

    const rank = time(() => influenceRank(graph));
    const edgeList = join(scratch, "edges.tsv");
    const lines: string[] = [];
    graph.forEachEdge((_e, _a, parent, child) => {
      lines.push(`${child}\t${parent}`);
    });
    writeFileSync(edgeList, lines.join("\n"));
    const script = `import sys,time,networkx as nx
g=nx.DiGraph()
g.add_nodes_from(l.rstrip('\\n') for l in open(sys.argv[2]))
g.add_edges_from(l.rstrip('\\n').split('\\t') for l in open(sys.argv[1]) if l.strip())
t=time.perf_counter(); nx.pagerank(g, alpha=0.85, tol=1e-10, max_iter=200); print((time.perf_counter()-t)*1000)`;
    const nodesFile = join(scratch, "nodes.txt");
    writeFileSync(nodesFile, graph.nodes().join("\n"));
    let networkxMs: number | null = null;
    for (const python of ["python3", "/usr/bin/python3"]) {
      try {
        networkxMs = Number(
          execFileSync(python, ["-c", script, edgeList, nodesFile], {
            encoding: "utf8",
            stdio: ["ignore", "pipe", "ignore"],
          }).trim(),
        );
        break;
      } catch {
        continue;
      }
    }
    if (networkxMs === null)
      console.log(
        `${"PageRank (reversed edges)".padEnd(34)} ${rank.ms.toFixed(1).padStart(9)} ms   networkx: not available`,
      );
    else line("PageRank (reversed edges)", rank.ms, "networkx.pagerank", networkxMs);
    db.close();
    console.log(`peak RSS of this run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
