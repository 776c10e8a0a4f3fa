// The work list of a family or org crawl, kept in the store beside the rows it produced: which listings and
// lookups are pending, done or missing, and the next-page URL of each listing, so a killed crawl resumes.

import type { Store } from "./open-store.js";

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

/** Creates the crawl_tasks table if this database has none yet (it is not part of the shared schema). */
export function ensureCrawlTaskTable(db: Store): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS crawl_tasks (
      import_id INTEGER NOT NULL REFERENCES imports (id),
      kind      TEXT NOT NULL CHECK (kind IN ('author', 'children', 'info')),
      target    TEXT NOT NULL,
      status    TEXT NOT NULL CHECK (status IN ('pending', 'done', 'missing')),
      next_url  TEXT,
      seq       INTEGER NOT NULL,
      PRIMARY KEY (import_id, kind, target)
    ) WITHOUT ROWID`);
}

export function crawlTaskList(db: Store, importId: number): CrawlTaskList {
  ensureCrawlTaskTable(db);
  const insert = db.prepare(`
    INSERT INTO crawl_tasks (import_id, kind, target, status, seq)
    VALUES (?, ?, ?, 'pending', ?)
    ON CONFLICT DO NOTHING`);
  let nextSeq = Number(db.prepare(`SELECT coalesce(max(seq), -1) + 1 FROM crawl_tasks WHERE import_id = ?`).pluck().get(importId));
  const exists = db.prepare(`SELECT 1 FROM crawl_tasks WHERE import_id = ? AND kind = ? AND target = ?`).pluck();
  const advance = db.prepare(`UPDATE crawl_tasks SET next_url = ?, status = ? WHERE import_id = ? AND kind = ? AND target = ?`);
  const pending = db.prepare(`SELECT kind, target, next_url AS nextUrl FROM crawl_tasks WHERE import_id = ? AND status = 'pending' ORDER BY seq`);
  // Counted once, then kept up to date here: progress asks for them after every page.
  const counts = db.prepare(`SELECT count(*) AS total, coalesce(sum(status <> 'pending'), 0) AS done FROM crawl_tasks WHERE import_id = ?`).get(importId) as { done: number; total: number };
  return {
    add: (kind, target) => {
      const added = insert.run(importId, kind, target, nextSeq).changes > 0;
      if (added) {
        nextSeq++;
        counts.total++;
      }
      return added;
    },
    has: (kind, target) => exists.get(importId, kind, target) !== undefined,
    advance: (kind, target, nextUrl) => {
      advance.run(nextUrl, nextUrl === null ? "done" : "pending", importId, kind, target);
      if (nextUrl === null) counts.done++;
    },
    markMissing: (kind, target) => {
      advance.run(null, "missing", importId, kind, target);
      counts.done++;
    },
    pending: () => pending.all(importId) as CrawlTask[],
    counts: () => ({ ...counts }),
  };
}
