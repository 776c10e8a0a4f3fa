// The crawler over loopback: `crawl --all` of the Hub stand-in (run as its own process) serving a synthetic
// set, the recorded family-tree records copied under new ids, against importing the same records from a JSONL file.

import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { createHubFetch, type HubTraffic } from "../src/hub/hub-fetch.js";
import { loadRecordedRecords } from "../tools/hub-stand-in/recorded-records.js";
import { replicateRecords } from "../tools/hub-stand-in/replicate-records.js";
import { crawlListing } from "../src/sync/crawl-listing.js";
import { importFile } from "../src/sync/import-file.js";
import { openStore } from "../src/store/open-store.js";
import { connectionOf } from "../src/store/database-handle.js";

const FAMILY_TREES = resolve(process.cwd(), "../shared/data/family-trees-2025-04");
const STAND_IN = resolve(process.cwd(), "tools/hub-stand-in/main.ts");
/** 120 copies of the 1,865 recorded records: 223,800 models, 448 pages of 500. */
const COPIES = 120;
const PAGES_PER_RANGE = 50;
/** Hub API budget per 5-minute window (HUB-API.md) at 500 models a request. */
const HUB_TIERS = [
  ["anonymous (500 requests / 5 min)", 500],
  ["free token (1,000 / 5 min)", 1000],
  ["PRO (2,500 / 5 min)", 2500],
  ["highest tier (~10,000 / 5 min)", 10000],
] as const;
const HUB_MODELS = 2_500_000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const count = (value: number) => Math.round(value).toLocaleString("en-US");

async function startStandIn(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", STAND_IN, FAMILY_TREES, "--copies", String(COPIES), "--port", "0"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    const url = /at (http:\/\/\S+)/.exec(line)?.[1];
    if (url !== undefined) return { url, stop: () => child.kill("SIGTERM") };
  }
  throw new Error(`the stand-in (${STAND_IN}) stopped before serving`);
}

export default async function crawlBench(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "hf-lineage-crawl-bench-"));
  const standIn = await startStandIn();
  try {
    console.log(
      `Stand-in: ${count(COPIES * 1865)} models, the 1,865 recorded family-tree records copied ${COPIES} times ` +
        "under new ids (synthetic, lineage kept within each copy), served by a separate process over loopback",
    );
    const traffic: HubTraffic = { requests: 0, retries: 0, rateLimitWaitMs: 0 };
    const db = openStore(join(scratch, "crawl.db"));
    const rss: number[] = [];
    const heap: number[] = [];
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result = await crawlListing(
      {
        store: db,
        hubUrl: standIn.url,
        fetch: createHubFetch({ traffic }),
        traffic,
        concurrency: 1,
        onProgress: (counts) => {
          if (counts.pages % PAGES_PER_RANGE === 0) global.gc?.();
          const memory = process.memoryUsage();
          rss.push(memory.rss);
          heap.push(memory.heapUsed);
        },
      },
      "all",
    );
    const crawlMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cacheMb = -Number(connectionOf(db).pragma("cache_size", { simple: true })) / 1024;
    db.close();
    const dbMb = statSync(join(scratch, "crawl.db")).size / 1024 / 1024;
    const rate = (result.run.totals.records * 1000) / crawlMs;
    const cpuRate = (result.run.totals.records * 1e6) / (cpu.user + cpu.system);
    console.log(
      `Load average ${loadavg()
        .map((value) => value.toFixed(1))
        .join(" ")} on ${cpus().length} cores (other work on the machine slows the wall-clock figures)`,
    );
    console.log(
      `crawl --all: ${count(result.run.totals.records)} models, ${count(result.run.totals.edges)} edges, ` +
        `${result.run.pagesRead} pages, ${traffic.requests} requests in ${(crawlMs / 1000).toFixed(2)} s: ` +
        `${count(rate)} models/s`,
    );
    console.log(
      `  crawler CPU time ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s: ${count(cpuRate)} models per CPU-second ` +
        "(the rate with a core to itself)",
    );
    console.log(
      `The database file: ${dbMb.toFixed(0)} MB; ` +
        `SQLite's page cache grows up to ${cacheMb.toFixed(0)} MB of it, then stays there`,
    );
    console.log(
      `RSS before the crawl ${mb(rssBefore)}; per range of ${PAGES_PER_RANGE} pages, ` +
        "RSS and JS heap (min-max; a GC is forced at each range's end):",
    );
    for (let start = 0; start < rss.length; start += PAGES_PER_RANGE) {
      const range = rss.slice(start, start + PAGES_PER_RANGE);
      const heapRange = heap.slice(start, start + PAGES_PER_RANGE);
      const pages = `${start + 1}-${start + range.length}`;
      console.log(
        `  pages ${pages.padEnd(8)} RSS ${mb(Math.min(...range))} - ${mb(Math.max(...range))}   ` +
          `heap ${mb(Math.min(...heapRange))} - ${mb(Math.max(...heapRange))}`,
      );
    }

    const jsonl = join(scratch, "records.jsonl");
    const file = createWriteStream(jsonl);
    for (const record of replicateRecords(await loadRecordedRecords([FAMILY_TREES]), COPIES)) {
      if (!file.write(`${JSON.stringify(record)}\n`)) await once(file, "drain");
    }
    file.end();
    await once(file, "finish");
    const peerDb = openStore(join(scratch, "import.db"));
    const peerCpuBefore = process.cpuUsage();
    const peerStarted = performance.now();
    const imported = await importFile(peerDb, jsonl);
    const importMs = performance.now() - peerStarted;
    const peerCpu = process.cpuUsage(peerCpuBefore);
    peerDb.close();
    const importRate = (imported.records * 1000) / importMs;
    const importCpuRate = (imported.records * 1e6) / (peerCpu.user + peerCpu.system);
    console.log(
      `peer, import of the same records from JSONL: ${count(imported.records)} models ` +
        `in ${(importMs / 1000).toFixed(2)} s: ${count(importRate)} models/s, ${count(importCpuRate)} per CPU-second`,
    );
    console.log(
      `  crawl/import ratio: ${(rate / importRate).toFixed(2)}x wall clock, ` +
        `${(cpuRate / importCpuRate).toFixed(2)}x per CPU-second`,
    );

    console.log(
      `The Hub's rate limits (fixed 5-minute windows, 500 models a request) against the measured ingest rate:`,
    );
    for (const [tier, requests] of HUB_TIERS) {
      const allowed = (requests * 500) / 300;
      const minutes = Math.max(HUB_MODELS / allowed, HUB_MODELS / cpuRate) / 60;
      console.log(
        `  ${tier.padEnd(34)} ${count(allowed).padStart(6)} models/s; ` +
          `measured ingest / allowed: ${(rate / allowed).toFixed(1)}x wall clock, ` +
          `${(cpuRate / allowed).toFixed(1)}x per CPU-second; ` +
          `${count(HUB_MODELS)} models take at least ~${minutes.toFixed(0)} min`,
      );
    }
  } finally {
    standIn.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
