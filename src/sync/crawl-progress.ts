// The crawl's progress line on a terminal: pages, models, edges, requests, time waited on rate limits, rate
// and ETA (when the total is known), redrawn at most five times a second; nothing when output is piped.

import type { HubTraffic } from "../hub/hub-fetch.js";
import { formatCount } from "../vocabulary/count-text.js";

export interface CrawlCounts {
  pages: number;
  records: number;
  edges: number;
  /** Listings and lookups done and known so far (family and org crawls). */
  tasksDone?: number;
  tasksTotal?: number;
}

export interface ProgressLine {
  update(counts: CrawlCounts): void;
  /** Clears the line before the summary is printed. */
  done(): void;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

export function formatProgress(counts: CrawlCounts, traffic: HubTraffic, elapsedMs: number): string {
  const n = formatCount;
  const rate = elapsedMs > 0 ? (counts.records * 1000) / elapsedMs : 0;
  const parts = [
    `pages ${n(counts.pages)}`,
    `models ${n(counts.records)}`,
    `edges ${n(counts.edges)}`,
    `requests ${n(traffic.requests)}`,
    `rate-limit wait ${duration(traffic.rateLimitWaitMs / 1000)}`,
    `${n(Math.round(rate))} models/s`,
  ];
  if (counts.tasksTotal !== undefined && counts.tasksDone !== undefined) {
    const left = counts.tasksTotal - counts.tasksDone;
    const eta = counts.tasksDone > 0 ? (elapsedMs / 1000 / counts.tasksDone) * left : Infinity;
    parts.push(`tasks ${n(counts.tasksDone)}/${n(counts.tasksTotal)}`, `ETA ${duration(eta)}`);
  }
  return parts.join(" · ");
}

export function createProgressLine(
  write: (text: string) => void,
  interactive: boolean,
  traffic: HubTraffic,
  now: () => number = Date.now,
): ProgressLine {
  const started = now();
  let lastDrawn = 0;
  let drawn = false;
  return {
    update(counts) {
      if (!interactive || now() - lastDrawn < 200) return;
      lastDrawn = now();
      drawn = true;
      write(`\r\x1b[2K${formatProgress(counts, traffic, now() - started)}`);
    },
    done() {
      if (drawn) write("\r\x1b[2K");
    },
  };
}
