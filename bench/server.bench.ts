// The server on the real snapshot: /api/family latency for the largest org and model families in-process (cold,
// with the answer cache off, and warm), the tree layout at 20,000 nodes, and autocannon over loopback (50
// connections; HF_LINEAGE_BENCH_SECONDS, default 30) against a bare SQLite recursive-CTE server for the same family.

import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import { DirectedGraph } from "graphology";
import { topologicalGenerations } from "graphology-dag";
import { openIndexedLineage } from "../src/graph/indexed-lineage.js";
import { loadLineage } from "../test/support/graphology-reference/lineage.js";
import { largestOrgFamilies } from "../src/graph/org-families.js";
import { topModels } from "../src/graph/top-models.js";
import { treeLayout } from "../src/graph/tree-layout.js";
import { createApp, type App } from "../src/server/app.js";
import { importFile } from "../src/sync/import-file.js";
import { openStore } from "../src/store/open-store.js";
import { FAMILY_CTE } from "./server-peer.js";
import { startTarget } from "./server-process.js";
import { connectionOf } from "../src/store/database-handle.js";

const DATA = resolve(process.cwd(), "../shared/data");
const SECONDS = Number(process.env.HF_LINEAGE_BENCH_SECONDS ?? 30);
const CALLS = Number(process.env.HF_LINEAGE_BENCH_CALLS ?? 200);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** p50 and p99 in ms of `calls` runs of `run`. */
async function latency(calls: number, run: () => unknown): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function get(app: App, path: string): Promise<string> {
  const response = await app(new Request(`http://localhost${path}`));
  if (response.status !== 200) throw new Error(`bench: ${path} answered ${response.status}`);
  return response.text();
}

/** A seeded forest of `n` models: each derives from an earlier one, one in twenty also from a second (a merge). */
function generatedLineage(n: number): DirectedGraph {
  let seed = 20250616;
  const random = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const graph = new DirectedGraph();
  graph.addNode("m0");
  for (let i = 1; i < n; i++) {
    graph.addNode(`m${i}`);
    graph.addEdge(`m${Math.floor(random() ** 3 * i)}`, `m${i}`);
    if (random() < 0.05) graph.mergeEdge(`m${Math.floor(random() * i)}`, `m${i}`);
  }
  return graph;
}

async function load(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections: 50, duration: SECONDS, headers });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

function row(
  label: string,
  ours: { p50: number; p99: number },
  peerLabel: string,
  peer: { p50: number; p99: number },
): void {
  console.log(
    `${label.padEnd(44)} p50 ${ours.p50.toFixed(2).padStart(8)} ms  p99 ${ours.p99.toFixed(2).padStart(8)} ms   ` +
      `${peerLabel}: p50 ${peer.p50.toFixed(2)} ms, p99 ${peer.p99.toFixed(2)} ms   ` +
      `ratio (p50) ${(peer.p50 / ours.p50).toFixed(2)}x`,
  );
}

export default async function serverBench(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "hf-lineage-server-bench-"));
  const children: ChildProcess[] = [];
  try {
    const dbPath = join(scratch, "lineage.db");
    const db = openStore(dbPath);
    const trees = readdirSync(join(DATA, "family-trees-2025-04")).map((name) => `family-trees-2025-04/${name}`);
    for (const file of ["lineage-top50k-textgen/edges.csv", "lineage-top50k-textgen/metadata.csv", ...trees])
      await importFile(db, join(DATA, file));
    const lineage = loadLineage(db);
    const [org] = largestOrgFamilies(lineage.graph, lineage.metrics, 1);
    const [model] = topModels(lineage.graph, lineage.metrics, "descendants", 1);
    if (org === undefined || model === undefined) throw new Error("bench: empty snapshot");
    console.log(
      `snapshot: ${lineage.graph.order.toLocaleString("en-US")} models; ` +
        `largest org family ${org.org} (${org.descendants.toLocaleString("en-US")}), ` +
        `largest model family ${model.id} (${model.value?.toLocaleString("en-US")}); ${CALLS} calls each`,
    );

    const indexed = openIndexedLineage(db);
    const cold = createApp({ lineage: indexed, webRoot: null, cacheSize: 0 });
    const warm = createApp({ lineage: indexed, webRoot: null });
    const cte = connectionOf(db).prepare(FAMILY_CTE);
    const peer = await latency(CALLS, () => cte.get(org.org));
    const orgPath = `/api/family?q=${encodeURIComponent(org.org)}&maxNodes=20000`;
    const modelPath = `/api/family?q=${encodeURIComponent(model.id)}&maxNodes=20000`;
    const orgAnswer = JSON.parse(await get(cold, orgPath)) as {
      family: { descendants: { total: number } };
      graph: { nodes: unknown[] };
    };
    const peerCount = (cte.get(org.org) as { n: number }).n;
    if (orgAnswer.family.descendants.total !== peerCount)
      throw new Error(`bench: family sizes differ (${orgAnswer.family.descendants.total} vs ${peerCount})`);
    console.log(
      `/api/family?q=${org.org}: ${orgAnswer.graph.nodes.length.toLocaleString("en-US")} nodes drawn, ` +
        `${Math.round((await get(cold, orgPath)).length / 1024)} KiB`,
    );
    row(
      `family ${org.org}, cold (layout every call)`,
      await latency(CALLS, () => get(cold, orgPath)),
      "SQLite CTE count",
      peer,
    );
    await get(warm, orgPath);
    row(
      `family ${org.org}, warm (answer cache)`,
      await latency(CALLS, () => get(warm, orgPath)),
      "SQLite CTE count",
      peer,
    );
    row(`family ${model.id}, cold`, await latency(CALLS, () => get(cold, modelPath)), "SQLite CTE count", peer);

    const generated = generatedLineage(20_000);
    const ours = await latency(20, () => treeLayout(generated));
    const generations = await latency(20, () => topologicalGenerations(generated));
    row("tree layout, generated 20,000 models", ours, "graphology-dag generations", generations);
    const whole = lineage.graph as unknown as DirectedGraph;
    row(
      `tree layout, whole snapshot (${whole.order.toLocaleString("en-US")})`,
      await latency(5, () => treeLayout(whole)),
      "graphology-dag generations",
      await latency(5, () => topologicalGenerations(whole)),
    );
    db.close();

    console.log(`autocannon: 50 connections, ${SECONDS} s, GET /api/family?q=${org.org} over loopback`);
    const runs = [
      { mode: "ours", label: "hf-lineage serve, gzip (as a browser asks)", headers: { "accept-encoding": "gzip" } },
      { mode: "ours", label: "hf-lineage serve, uncompressed", headers: {} },
      { mode: "cte", label: "peer: node:http + SQLite CTE (count only)", headers: {} },
    ] as const;
    for (const run of runs) {
      const target = await startTarget(dbPath, run.mode);
      children.push(target.child);
      const result = await load(`${target.url}api/family?q=${encodeURIComponent(org.org)}`, run.headers);
      console.log(
        `${run.label.padEnd(44)} ${Math.round(result.rps).toLocaleString("en-US").padStart(8)} req/s  ` +
          `p99 ${result.p99} ms  errors ${result.errors}`,
      );
      target.child.kill("SIGTERM");
    }
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    rmSync(scratch, { recursive: true, force: true });
  }
}
