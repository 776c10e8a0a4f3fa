// `serve` from a cold start to its answer to /api/family?q=Qwen (the whole family as an overview) on the generated
// Hub, beside the peer the Hub-scale benchmarks use: a SQLite recursive CTE counting the same family, cold; wall and
// CPU time of each. The database is HF_LINEAGE_SCALE_DB (written by `npm run scale-model`, copied first), else a
// generated one.

import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openIndexedLineage } from "../src/graph/indexed-lineage.js";
import { openStore } from "../src/store/open-store.js";
import { writeScaleModel } from "../tools/scale-model/scale-model.js";
import { sqlitePeer } from "./cold-process.js";

const CLI = resolve(process.cwd(), "dist/cli.js");
const RUNS = 3;
const ORG = "Qwen";
const ORG_DOWN = `WITH RECURSIVE below(id) AS (SELECT child FROM edges WHERE parent >= @p || '/' AND parent < @p || '0'
  UNION SELECT e.child FROM edges e JOIN below ON e.parent = below.id)
  SELECT count(*) FROM below WHERE NOT (id >= @p || '/' AND id < @p || '0')`;

interface Start {
  ms: number;
  /** User plus system CPU time of the serve process up to its answer (null off Linux). */
  cpuMs: number | null;
  rssMb: number | null;
  descendants: number;
  nodes: number;
  collapsed: number;
}

/** A running process's peak resident memory in MB, from Linux's /proc (null elsewhere). */
function peakRssMb(pid: number): number | null {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return null;
  const kilobytes = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, "utf8"))?.[1];
  return kilobytes === undefined ? null : Number(kilobytes) / 1024;
}

/** Clock ticks per second, as /proc counts CPU time (sysconf's CLK_TCK; 100 on Linux unless asked otherwise). */
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** A running process's user plus system CPU time in ms, from Linux's /proc (null elsewhere). */
function cpuMsOf(pid: number): number | null {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return null;
  // Fields after the command name (in parentheses, which may hold spaces): utime and stime are the 12th and 13th.
  const text = readFileSync(stat, "utf8");
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Starts `serve`, asks for the family as soon as it listens, and stops it: the time from spawn to the answer. */
async function serveToFamily(db: string): Promise<Start> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const args = [CLI, "serve", "--db", db, "--port", String(port)];
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.on("exit", () => done()));
  try {
    let response: Response | null = null;
    while (response === null) {
      try {
        response = await fetch(`http://127.0.0.1:${port}/api/family?q=${ORG}`);
      } catch {
        if (child.exitCode !== null) throw new Error(`bench: serve exited: ${stderr}`);
        await new Promise((wake) => setTimeout(wake, 20));
      }
    }
    const body = (await response.json()) as {
      family: { descendants: { total: number } };
      graph: { nodes: unknown[] };
      collapsed?: unknown[];
    };
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`bench: /api/family?q=${ORG} answered ${response.status}`);
    const rssMb = peakRssMb(child.pid!);
    const cpuMs = cpuMsOf(child.pid!);
    child.kill("SIGTERM");
    await exited;
    return {
      ms,
      cpuMs,
      rssMb,
      descendants: body.family.descendants.total,
      nodes: body.graph.nodes.length,
      collapsed: body.collapsed?.length ?? 0,
    };
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
}

export default async function serveOverviewBench(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "hf-lineage-serve-overview-"));
  try {
    const db = join(scratch, "hub.db");
    const given = process.env.HF_LINEAGE_SCALE_DB;
    if (given !== undefined) copyFileSync(given, db);
    else writeScaleModel(openStore(db), { models: Number(process.env.HF_LINEAGE_VIEWER_MODELS ?? 500_000) });
    // The index is built and stored once, as the first command after new data does; serve then reads it.
    const store = openStore(db);
    const models = openIndexedLineage(store).index.models;
    store.close();
    console.log(
      `${models.toLocaleString("en-US")} models (${given ?? "generated"}), load average ${loadavg()[0]!.toFixed(1)}`,
    );
    const runs: Start[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await serveToFamily(db));
    runs.sort((a, b) => a.ms - b.ms);
    const ours = runs[Math.floor(RUNS / 2)]!;
    const peers = Array.from({ length: RUNS }, () => sqlitePeer(db, ORG_DOWN, ORG)).sort((a, b) => a.ms - b.ms);
    const peer = peers[Math.floor(RUNS / 2)]!;
    if (Number(peer.stdout.trim()) !== ours.descendants)
      throw new Error(`bench: ${ORG} has ${ours.descendants} descendants, SQLite counts ${peer.stdout.trim()}`);
    const seconds = (ms: number) => (ms / 1000).toFixed(2);
    const cost = (run: { rssMb: number | null; cpuMs: number | null }) =>
      `${run.rssMb === null ? "" : `, ${run.rssMb.toFixed(0)} MB`}` +
      `${run.cpuMs === null ? "" : `, CPU ${seconds(run.cpuMs)} s`}`;
    const cpuRatio =
      ours.cpuMs === null || peer.cpuMs === null ? "" : `, CPU ratio ${(ours.cpuMs / peer.cpuMs).toFixed(2)}x`;
    console.log(
      `serve start → /api/family?q=${ORG} answered   ${seconds(ours.ms)} s${cost(ours)} (median of ${RUNS}: ` +
        `${runs.map((run) => seconds(run.ms)).join(", ")} s); ${ours.nodes.toLocaleString("en-US")} nodes ` +
        `drawn, ${ours.collapsed} collapsed, of ${ours.descendants.toLocaleString("en-US")} descendants`,
    );
    console.log(
      `peer: SQLite recursive CTE counting the family, cold   ${seconds(peer.ms)} s${cost(peer)}   ` +
        `ratio ${(ours.ms / peer.ms).toFixed(2)}x (ours / CTE)${cpuRatio}; load average ${loadavg()
          .map((value) => value.toFixed(1))
          .join(" ")}`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
