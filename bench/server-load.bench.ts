// The server under 1,000 connections on the bundled snapshot: wrk over loopback on the largest family view (the
// largest org family, every node drawn), compressed as a browser asks and uncompressed, beside the least any Node
// server can do (node:http writing the same bytes from memory), measured in the same run: rate, errors, timeouts,
// latency percentiles, CPU time an answer and resident memory before, during and after. Each server is loaded by
// wrk with one thread a CPU (as wrk advises) and with one thread: client and server share this machine's CPUs, and
// client threads that get unequal shares of them make their own connections wait.
//
// Where the tail comes from, and what each run prints to show it: wrk opens its 1,000 connections at once and starts
// a request's clock when its connection is writable, i.e. when the kernel has completed the handshake, not when the
// server has accepted it. Node (libuv 1.45 and later) accepts one connection per event-loop turn, and a turn that
// answers every ready request takes tens of milliseconds under this load, so a bare node:http server leaves the last
// connections in the kernel's accept queue for seconds, their first request with them (the accept-queue line: peak
// waiting, and how far into the run a connection was last seen waiting). wrk then corrects for coordinated
// omission: an answer slower than its connection's mean interval also counts as the answers that connection would
// have asked for meanwhile, so a few hundred slow first answers become a percent of the histogram. The kernel
// counters show what it is not: no listen-queue overflow or drop, no SYN retransmits, no memory pressure.
// hf-lineage serve holds its answers while a burst of connections arrives (src/server/accept-first.ts); the peer is
// bare node:http and does not, so the accept-queue lines of the two show the difference. Both get the same listen
// backlog, a listen option rather than a machine setting.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { indexOrgFamilies, openIndexedLineage } from "../src/graph/indexed-lineage.js";
import { defaultStorePath, openDefaultStore } from "../src/sync/bundled-database.js";
import { acceptQueueLength, countersSince, readTcpCounters, sysctl, TCP_COUNTERS } from "./kernel-tcp.js";
import { cpuSeconds, memoryParts, memoryPartsText, residentMb, startTarget } from "./server-process.js";

const SECONDS = Number(process.env.HF_LINEAGE_BENCH_SECONDS ?? 20);
const CONNECTIONS = 1000;
/** An answer slower than this is a timeout (autocannon's default, which this bench used before). */
const TIMEOUT_SECONDS = 10;
/** How often the listening socket's accept queue is read during a run. */
const ACCEPT_QUEUE_SAMPLE_MS = 50;
/** How long the server is left alone after the load before its resident memory is read again. */
const SETTLE_MS = 5000;
/**
 * How long, at most, resident memory is then watched (every second) for it to come back within the target: V8 gives
 * back the heap it grew under load only when its memory reducer runs, some tens of seconds after the load.
 */
const SETTLE_WATCH_MS = 30_000;
/** What Chromium and Firefox send. */
const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";
/** The target: no error, no timeout, p99 under a second, resident memory back within 10% of idle once left alone. */
const TARGET_P99_MS = 1000;
const TARGET_RSS_GROWTH = 0.1;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(", ");
const ms = (microseconds: number) => Math.round(microseconds / 1000).toLocaleString("en-US");

/** What wrk-report.lua prints. */
interface WrkReport {
  requests: number;
  durationUs: number;
  bytes: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  latencyUs: { "50": number; "90": number; "99": number; "99.9": number; max: number };
}

/** One GET over node:http, the body as sent (no decompression). */
function fetchRaw(url: string, headers: Record<string, string>): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolvePromise, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolvePromise({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

/**
 * Runs wrk (a C client, in its own process) with `threads` threads against `url`: its report, and the CPU time it
 * used (read from /proc every 100 ms while it runs, so the last tenth of a second at most is missed).
 */
function runWrk(
  url: string,
  headers: Record<string, string>,
  threads: number,
): Promise<{ report: WrkReport; clientCpuSeconds: number }> {
  const args = [
    `--threads=${threads}`,
    `--connections=${CONNECTIONS}`,
    `--duration=${SECONDS}s`,
    `--timeout=${TIMEOUT_SECONDS}s`,
    `--script=${resolve(process.cwd(), "bench/wrk-report.lua")}`,
    ...Object.entries(headers).map(([name, value]) => `--header=${name}: ${value}`),
    url,
  ];
  return new Promise((resolvePromise, reject) => {
    const wrk = spawn("wrk", args, { stdio: ["ignore", "pipe", "inherit"] });
    let clientCpuSeconds = 0;
    const sampler = setInterval(() => {
      try {
        clientCpuSeconds = cpuSeconds(wrk.pid!);
      } catch {
        // wrk has just ended: the last reading stands.
      }
    }, 100);
    let output = "";
    wrk.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    wrk.on("error", reject);
    wrk.on("close", (code) => {
      clearInterval(sampler);
      const report = output.split("\n").find((line) => line.startsWith("{"));
      if (code !== 0 || report === undefined) reject(new Error(`bench: wrk exited with ${code}: ${output.trim()}`));
      else resolvePromise({ report: JSON.parse(report) as WrkReport, clientCpuSeconds });
    });
  });
}

export default async function serverLoadBench(): Promise<void> {
  if (spawnSync("wrk", ["--version"]).error !== undefined)
    throw new Error("bench: server-load needs wrk as its load generator (Debian package wrk)");
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
    const answerPath = join(scratch, "largest-family.json");
    console.log(
      `bundled snapshot, ${lineage.index.models.toLocaleString("en-US")} models; largest family view: /${path} ` +
        `(${largest.descendants.toLocaleString("en-US")} derived models); wrk, ` +
        `${CONNECTIONS} connections, ${SECONDS} s, timeout ${TIMEOUT_SECONDS} s, loopback; ` +
        `${availableParallelism()} CPUs shared by the client, the server and whatever else runs`,
    );
    console.log(
      `kernel: net.core.somaxconn ${sysctl("net.core.somaxconn") ?? "—"}, ` +
        `net.ipv4.tcp_max_syn_backlog ${sysctl("net.ipv4.tcp_max_syn_backlog") ?? "—"}, ` +
        `net.ipv4.tcp_mem ${sysctl("net.ipv4.tcp_mem") ?? "—"} pages, ` +
        `net.ipv4.tcp_congestion_control ${sysctl("net.ipv4.tcp_congestion_control") ?? "—"}; ` +
        `both servers listen with a backlog of 4096 (the kernel caps it at somaxconn)`,
    );
    const compressed = { "Accept-Encoding": BROWSER_ENCODINGS };
    const runs = [
      { mode: "ours", label: "hf-lineage serve, compressed as a browser asks", headers: compressed },
      { mode: "bytes", label: "peer: node:http writing the same bytes", headers: compressed },
      { mode: "ours", label: "hf-lineage serve, uncompressed", headers: {} },
      { mode: "bytes", label: "peer: node:http writing the same bytes", headers: {} },
    ] as const;
    const clientThreads = [...new Set([availableParallelism(), 1])];
    /** Our CPU time an answer for each encoding asked and client, for the peer's line. */
    const oursCpuPerAnswer = new Map<string, number>();
    for (const run of runs) {
      const target = await startTarget(run.mode === "ours" ? dbPath : answerPath, run.mode);
      children.push(target.child);
      const pid = target.child.pid!;
      const started = residentMb(pid);
      if (run.mode === "ours") {
        // The first plain answer computes it; the peer serves the very same bytes.
        const plain = await fetchRaw(`${target.url}${path}`, {});
        if (plain.status !== 200) throw new Error(`bench: the warm-up request answered ${plain.status}`);
        writeFileSync(answerPath, plain.body);
      }
      const warm = await fetchRaw(`${target.url}${path}`, run.headers);
      if (warm.status !== 200) throw new Error(`bench: the warm-up request answered ${warm.status}`);
      console.log(`${run.label}, ${Math.round(warm.body.length / 1024).toLocaleString("en-US")} KiB an answer:`);
      await sleep(1000);
      for (const threads of clientThreads) {
        const asked = `${JSON.stringify(run.headers)} ${threads}`;
        const idle = residentMb(pid);
        const idleParts = await memoryParts(target.child);
        let peak = idle;
        const sampler = setInterval(() => (peak = Math.max(peak, residentMb(pid))), 250);
        const loadBefore = load();
        const countersBefore = readTcpCounters();
        const port = Number(new URL(target.url).port);
        const wrkStarted = performance.now();
        let queuePeak = 0;
        let lastWaitingMs: number | null = null;
        const queueSampler = setInterval(() => {
          const waiting = acceptQueueLength(port) ?? 0;
          queuePeak = Math.max(queuePeak, waiting);
          if (waiting > 0) lastWaitingMs = performance.now() - wrkStarted;
        }, ACCEPT_QUEUE_SAMPLE_MS);
        const cpuBefore = cpuSeconds(pid);
        const { report, clientCpuSeconds } = await runWrk(`${target.url}${path}`, run.headers, threads);
        const serverCpuSeconds = cpuSeconds(pid) - cpuBefore;
        const loadEndParts = await memoryParts(target.child);
        clearInterval(queueSampler);
        const counters = countersSince(countersBefore, readTcpCounters());
        const cpuPerAnswer = (serverCpuSeconds * 1e6) / Math.max(1, report.requests);
        // Of the CPU time the machine had in the run, what the server and the client used (the rest went elsewhere).
        const machineSeconds = (report.durationUs / 1e6) * availableParallelism();
        const share = (seconds: number) => `${Math.round((seconds / machineSeconds) * 100)}%`;
        clearInterval(sampler);
        await sleep(SETTLE_MS);
        const after = residentMb(pid);
        const afterParts = await memoryParts(target.child);
        const growth = (after - idle) / idle;
        // Seconds after the load until memory was back within the target, or null if it was not within the watch.
        let backAfterSeconds: number | null = growth <= TARGET_RSS_GROWTH ? SETTLE_MS / 1000 : null;
        for (let waited = SETTLE_MS; backAfterSeconds === null && waited < SETTLE_WATCH_MS; waited += 1000) {
          await sleep(1000);
          if ((residentMb(pid) - idle) / idle <= TARGET_RSS_GROWTH) backAfterSeconds = (waited + 1000) / 1000;
        }
        const lastSeconds = backAfterSeconds ?? SETTLE_WATCH_MS / 1000;
        const lastParts = backAfterSeconds === SETTLE_MS / 1000 ? afterParts : await memoryParts(target.child);
        const { errors, latencyUs: latency } = report;
        const failed = errors.connect + errors.read + errors.write + errors.status;
        const ours = oursCpuPerAnswer.get(asked);
        console.log(
          `  wrk, ${threads} thread${threads === 1 ? " " : "s"}  ` +
            `${Math.round(report.requests / (report.durationUs / 1e6)).toLocaleString("en-US")} req/s  ` +
            `p50 ${ms(latency[50])} ms  p90 ${ms(latency[90])} ms  p99 ${ms(latency[99])} ms  ` +
            `p99.9 ${ms(latency["99.9"])} ms  max ${ms(latency.max)} ms  errors ${failed} ` +
            `(connect ${errors.connect}, read ${errors.read}, write ${errors.write}, status ${errors.status})  ` +
            `timeouts ${errors.timeout}  ` +
            `${Math.round(cpuPerAnswer)} µs CPU an answer` +
            (ours === undefined ? "" : ` (hf-lineage ${(ours / cpuPerAnswer).toFixed(2)}x this)`),
        );
        console.log(
          `    RSS MB: at start ${started.toFixed(0)}, idle ${idle.toFixed(0)}, peak ${peak.toFixed(0)}, ` +
            `${SETTLE_MS / 1000} s after the load ${after.toFixed(0)} (${(growth * 100).toFixed(1)}% over idle), ` +
            (backAfterSeconds === null
              ? `not back within ${TARGET_RSS_GROWTH * 100}% of idle in ${SETTLE_WATCH_MS / 1000} s; `
              : `back within ${TARGET_RSS_GROWTH * 100}% of idle ${backAfterSeconds} s after; `) +
            `load average before ${loadBefore}, after ${load()}`,
        );
        console.log(
          `    memory, MB: idle ${memoryPartsText(idleParts)}; ` +
            `at the end of the load ${memoryPartsText(loadEndParts)}; ` +
            `${SETTLE_MS / 1000} s after ${memoryPartsText(afterParts)}` +
            (lastSeconds === SETTLE_MS / 1000 ? "" : `; ${lastSeconds} s after ${memoryPartsText(lastParts)}`),
        );
        console.log(
          `    CPU time of the machine's ${availableParallelism()} CPUs in the run: ` +
            `server ${share(serverCpuSeconds)}, client ${share(clientCpuSeconds)} (` +
            `${Math.round((clientCpuSeconds * 1e6) / Math.max(1, report.requests))} µs an answer), ` +
            `everything else ${share(Math.max(0, machineSeconds - serverCpuSeconds - clientCpuSeconds))}`,
        );
        // wrk's correction for coordinated omission uses this interval (wrk.c: runtime / (answers / connections)); it
        // is also the mean wait for an answer at this rate with every connection waiting (Little's law).
        const meanIntervalMs = report.durationUs / 1000 / Math.max(1, report.requests / CONNECTIONS);
        console.log(
          `    accept queue: peak ${queuePeak} waiting, ` +
            (lastWaitingMs === null
              ? "none seen waiting"
              : `last seen waiting ${(lastWaitingMs / 1000).toFixed(1)} s into the run`) +
            `; ${CONNECTIONS.toLocaleString("en-US")} connections at this rate wait ` +
            `${Math.round(meanIntervalMs).toLocaleString("en-US")} ms an answer on average (Little's law), and wrk ` +
            `counts an answer slower than that as the answers it held up`,
        );
        console.log(
          `    kernel counters over the run (machine-wide): ` +
            (Object.entries(TCP_COUNTERS) as [keyof typeof TCP_COUNTERS, string][])
              .map(([name, meaning]) => `${meaning} ${counters[name].toLocaleString("en-US")}`)
              .join(", "),
        );
        if (run.mode === "ours") {
          oursCpuPerAnswer.set(asked, cpuPerAnswer);
          const missed = [
            failed > 0 ? `${failed} errors` : "",
            errors.timeout > 0 ? `${errors.timeout} timeouts` : "",
            latency[99] >= TARGET_P99_MS * 1000 ? `p99 ${ms(latency[99])} ms` : "",
            backAfterSeconds === null
              ? `RSS +${(growth * 100).toFixed(1)}% and not back in ${SETTLE_WATCH_MS / 1000} s`
              : "",
          ].filter((miss) => miss !== "");
          console.log(
            `    target (0 errors, 0 timeouts, p99 < ${TARGET_P99_MS} ms, RSS back within ` +
              `${TARGET_RSS_GROWTH * 100}% of idle in ${SETTLE_WATCH_MS / 1000} s): ` +
              (missed.length === 0 ? "met" : `not met (${missed.join(", ")})`),
          );
        }
      }
      target.child.kill("SIGTERM");
    }
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    rmSync(scratch, { recursive: true, force: true });
  }
}
