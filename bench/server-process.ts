// The server benchmarks' child processes: one started on bench/server-target.ts (our server or a peer) over a
// database or a file, its URL read from its first line, its resident memory and CPU time read from /proc, and what
// holds its memory: V8's heap and Node's buffers, asked over the IPC channel (the bench's own, not an HTTP route).

import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";

export async function startTarget(
  source: string,
  mode: "ours" | "cte" | "bytes",
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", resolve(process.cwd(), "bench/server-target.ts"), source, mode],
    { stdio: ["ignore", "pipe", "inherit", "ipc"] },
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

/** Clock ticks a second in /proc/PID/stat (USER_HZ, 100 on every Linux that Node runs on). */
const TICKS_A_SECOND = 100;

/** The CPU time a process has used so far, user and system, in seconds (utime + stime of /proc/PID/stat). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The fields after the command name, which is in parentheses and may itself hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_A_SECOND;
}

/** What process.memoryUsage() gives, in MB, with the anonymous memory of /proc/PID/smaps_rollup. */
export interface MemoryParts {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  anonymous: number;
}

/** The anonymous memory of a process in MB: its heaps (V8's and malloc's), not the files it maps. */
function anonymousMb(pid: number): number {
  const line = /^Anonymous:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
  if (line === null) throw new Error(`bench: no Anonymous in the smaps_rollup of process ${pid}`);
  return Number(line[1]) / 1024;
}

/** Asks a target started by startTarget for process.memoryUsage() (see server-target.ts); figures in MB. */
export function memoryParts(child: ChildProcess): Promise<MemoryParts> {
  return new Promise((resolvePromise) => {
    child.once("message", (usage: NodeJS.MemoryUsage) => {
      const mb = (bytes: number) => bytes / (1024 * 1024);
      resolvePromise({
        rss: mb(usage.rss),
        heapTotal: mb(usage.heapTotal),
        heapUsed: mb(usage.heapUsed),
        external: mb(usage.external),
        arrayBuffers: mb(usage.arrayBuffers),
        anonymous: anonymousMb(child.pid!),
      });
    });
    child.send("memory");
  });
}

/** One line of a target's memory parts. */
export function memoryPartsText(parts: MemoryParts): string {
  const mb = (value: number) => value.toFixed(0);
  return (
    `RSS ${mb(parts.rss)} (anonymous ${mb(parts.anonymous)}), V8 heap ${mb(parts.heapTotal)} ` +
    `(${mb(parts.heapUsed)} used), external ${mb(parts.external)} (array buffers ${mb(parts.arrayBuffers)})`
  );
}
