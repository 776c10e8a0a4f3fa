// A command timed from a cold process, as the Hub-scale benchmarks measure every question: wall time, and through
// /usr/bin/time (when present) CPU time and peak RSS; the median of three runs; a SQLite query as the peer.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const TIME = "/usr/bin/time";
const RUNS = 3;

export interface Run {
  ms: number;
  /** User plus system CPU time, when /usr/bin/time is there to tell. */
  cpuMs: number | null;
  /** Peak RSS in MB, when /usr/bin/time is there to tell. */
  rssMb: number | null;
  stdout: string;
}

/** Runs a command in a new process and measures it; a failing command stops the benchmark. */
export function cold(command: string, args: string[]): Run {
  const timed = existsSync(TIME);
  const started = performance.now();
  const result = timed
    ? spawnSync(TIME, ["-f", "%U %S %M", command, ...args], { encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`bench: ${command} ${args.join(" ")} failed: ${result.stderr}`);
  if (!timed) return { ms, cpuMs: null, rssMb: null, stdout: result.stdout };
  const [user, system, rss] = (result.stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
  return { ms, cpuMs: ((user ?? 0) + (system ?? 0)) * 1000, rssMb: (rss ?? 0) / 1024, stdout: result.stdout };
}

/** The run of median wall time among three. */
export function median(run: () => Run): Run {
  const runs = Array.from({ length: RUNS }, run).sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(RUNS / 2)] as Run;
}

/** A SQLite query in a new Node process (better-sqlite3, read-only), printing the first column of the first row. */
export function sqlitePeer(db: string, sql: string, parameter: string): Run {
  const script = `const D = require(${JSON.stringify(resolve("node_modules/better-sqlite3"))});
    const db = new D(process.argv[1], { readonly: true });
    console.log(db.prepare(process.argv[2]).pluck().get({ p: process.argv[3] }));`;
  return cold(process.execPath, ["-e", script, db, sql, parameter]);
}
