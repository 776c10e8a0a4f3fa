// The server benchmarks' child processes: one started on bench/server-target.ts (our server or the SQLite peer)
// over a database, its URL read from its first line, and its resident memory read from /proc.

import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";

export async function startTarget(dbPath: string, mode: "ours" | "cte"): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", resolve(process.cwd(), "bench/server-target.ts"), dbPath, mode],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const [url] = (await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next()).value.split(
    "\n",
  ) as string[];
  return { child, url: url!.trim() };
}

/** The resident set of a process in MB (VmRSS of /proc/PID/status). */
export function residentMb(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (line === null) throw new Error(`bench: no VmRSS for process ${pid}`);
  return Number(line[1]) / 1024;
}
