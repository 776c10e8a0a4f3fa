// The server under 1,000 connections on the bundled snapshot: autocannon over loopback on the largest family view
// (the largest org family, every node drawn), gzip as a browser asks and uncompressed, against the peer the server
// bench uses (node:http counting the same family with a SQLite recursive CTE); errors, timeouts, p99 and RSS.

import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import { indexOrgFamilies, openIndexedLineage } from "../src/graph/indexed-lineage.js";
import { defaultStorePath, openDefaultStore } from "../src/sync/bundled-database.js";
import { residentMb, startTarget } from "./server-process.js";

const SECONDS = Number(process.env.HF_LINEAGE_BENCH_SECONDS ?? 20);
const CONNECTIONS = 1000;
/** How long the server is left alone after the load before its resident memory is read again. */
const SETTLE_MS = 5000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(", ");

export default async function serverLoadBench(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "hf-lineage-server-load-"));
  const children: ChildProcess[] = [];
  try {
    const bundle = { dataDirectory: resolve(process.cwd(), "data"), cacheDirectory: scratch };
    const store = await openDefaultStore(bundle);
    const dbPath = defaultStorePath(bundle);
    const lineage = openIndexedLineage(store);
    const [largest] = indexOrgFamilies(lineage, 1);
    if (largest === undefined) throw new Error("bench: empty snapshot");
    store.close();
    const path = `api/family?q=${encodeURIComponent(largest.org)}&maxNodes=20000`;
    console.log(
      `bundled snapshot, ${lineage.index.models.toLocaleString("en-US")} models; largest family view: /${path} ` +
        `(${largest.descendants.toLocaleString("en-US")} derived models); autocannon ${CONNECTIONS} connections, ` +
        `${SECONDS} s, loopback`,
    );
    const runs = [
      { mode: "ours", label: "hf-lineage serve, gzip (as a browser asks)", headers: { "accept-encoding": "gzip" } },
      { mode: "ours", label: "hf-lineage serve, uncompressed", headers: {} },
      { mode: "cte", label: "peer: node:http + SQLite CTE (count only)", headers: {} },
    ] as const;
    for (const run of runs) {
      const target = await startTarget(dbPath, run.mode);
      children.push(target.child);
      const pid = target.child.pid!;
      const started = residentMb(pid);
      const warm = await fetch(`${target.url}${path}`, { headers: run.headers });
      await warm.arrayBuffer();
      if (warm.status !== 200) throw new Error(`bench: the warm-up request answered ${warm.status}`);
      await sleep(1000);
      const idle = residentMb(pid);
      let peak = idle;
      const sampler = setInterval(() => (peak = Math.max(peak, residentMb(pid))), 250);
      const loadBefore = load();
      const result = await autocannon({
        url: `${target.url}${path}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: run.headers,
      });
      clearInterval(sampler);
      await sleep(SETTLE_MS);
      const after = residentMb(pid);
      console.log(
        `${run.label.padEnd(44)} ${Math.round(result.requests.average).toLocaleString("en-US").padStart(6)} req/s  ` +
          `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  max ${result.latency.max} ms  ` +
          `errors ${result.errors}  timeouts ${result.timeouts}  non-2xx ${result.non2xx}  ` +
          `(${Math.round(result.throughput.total / Math.max(1, result.requests.total) / 1024)} KiB read an answer)`,
      );
      console.log(
        `${"".padEnd(44)} RSS MB: at start ${started.toFixed(0)}, idle after one answer ${idle.toFixed(0)}, ` +
          `peak ${peak.toFixed(0)}, ${SETTLE_MS / 1000} s after the load ${after.toFixed(0)} ` +
          `(${(((after - idle) / idle) * 100).toFixed(1)}% over idle); ` +
          `load average before ${loadBefore}, after ${load()}`,
      );
      target.child.kill("SIGTERM");
    }
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    rmSync(scratch, { recursive: true, force: true });
  }
}
