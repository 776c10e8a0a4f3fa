// The work list of a family or org crawl, kept in the store beside the rows it produced: which listings and
// lookups are pending, done or missing, and the next-page URL of each listing, so a killed crawl resumes.

import { connectionOf, type Store } from "./database-handle.js";

/** `author`: an org's own models; `children`: models naming the target as base; `info`: one model's record. */
export type CrawlTaskKind = "author" | "children" | "info";

export interface CrawlTask {
  kind: CrawlTaskKind;
  target: string;
  /** The next page of a listing; null for a listing not started yet and for lookups. */
  nextUrl: string | null;
}

export interface CrawlTaskList {
  /** Adds a task unless the crawl already has it; true when it was new. */
  add(kind: CrawlTaskKind, target: string): boolean;
  has(kind: CrawlTaskKind, target: string): boolean;
  /** Records a listing's next page, or (null) that the task is done. */
  advance(kind: CrawlTaskKind, target: string, nextUrl: string | null): void;
  /** Marks a lookup whose model the Hub does not have. */
  markMissing(kind: CrawlTaskKind, target: string): void;
  pending(): CrawlTask[];
  counts(): { done: number; total: number };
}

export function crawlTaskList(store: Store, runId: number): CrawlTaskList {
  const db = connectionOf(store);
  const insert = db.prepare(`
    INSERT INTO crawl_tasks (run_id, kind, target, status, seq)
    VALUES (?, ?, ?, 'pending', ?)
    ON CONFLICT DO NOTHING`);
  let nextSeq = Number(
    db.prepare(`SELECT coalesce(max(seq), -1) + 1 FROM crawl_tasks WHERE run_id = ?`).pluck().get(runId),
  );
  const exists = db.prepare(`SELECT 1 FROM crawl_tasks WHERE run_id = ? AND kind = ? AND target = ?`).pluck();
  const advance = db.prepare(
    `UPDATE crawl_tasks SET next_url = ?, status = ? WHERE run_id = ? AND kind = ? AND target = ?`,
  );
  const pending = db.prepare(
    `SELECT kind, target, next_url AS nextUrl FROM crawl_tasks WHERE run_id = ? AND status = 'pending' ORDER BY seq`,
  );
  // Counted once, then kept up to date here: progress asks for them after every page.
  const counts = db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(status <> 'pending'), 0) AS done FROM crawl_tasks WHERE run_id = ?`,
    )
    .get(runId) as { done: number; total: number };
  return {
    add: (kind, target) => {
      const added = insert.run(runId, kind, target, nextSeq).changes > 0;
      if (added) {
        nextSeq++;
        counts.total++;
      }
      return added;
    },
    has: (kind, target) => exists.get(runId, kind, target) !== undefined,
    advance: (kind, target, nextUrl) => {
      advance.run(nextUrl, nextUrl === null ? "done" : "pending", runId, kind, target);
      if (nextUrl === null) counts.done++;
    },
    markMissing: (kind, target) => {
      advance.run(null, "missing", runId, kind, target);
      counts.done++;
    },
    pending: () => pending.all(runId) as CrawlTask[],
    counts: () => ({ ...counts }),
  };
}

/** How many lookups of a crawl found no model on the Hub. */
export function countMissingTasks(store: Store, runId: number): number {
  const db = connectionOf(store);
  return Number(
    db.prepare(`SELECT count(*) FROM crawl_tasks WHERE run_id = ? AND status = 'missing'`).pluck().get(runId),
  );
}
