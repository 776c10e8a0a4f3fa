// Crawl runs in the `imports` table (kind 'crawl'): start or resume one, and commit each page's rows together
// with the crawl's position (pages done, next-page URL) in one transaction, so a killed crawl resumes there.

import type { SourceItem } from "../ingest/record-rows.js";
import { bumpDataVersion, type Store } from "./open-store.js";
import { createRowWriter } from "./row-writer.js";
import type { RunCounts } from "./run-counts.js";

export type CrawlMode = "all" | "incremental" | "family" | "author";

export type CrawlTotals = RunCounts;

export interface CrawlRun {
  id: number;
  mode: CrawlMode;
  /** What the crawl covers: `all`, `incremental`, `family:ID`, `author:ORG`. */
  key: string;
  /** The endpoint crawled. */
  source: string;
  startedAt: string;
  /** Pages (or single records) committed so far. */
  pages: number;
  /** The next-page URL of a listing crawl, null at its start or end. */
  cursor: string | null;
  /** Whether this run continues an interrupted one. */
  resumed: boolean;
  /** Records the interrupted run had saved before this one continued it. */
  recordsBefore: number;
  totals: CrawlTotals;
}

interface RunRow extends CrawlTotals {
  id: number;
  status: string;
  started_at: string;
  position: number;
  cursor: string | null;
}

/** Resumes the latest unfinished crawl of `key` on `source`, or starts a new one. */
export function beginCrawl(db: Store, mode: CrawlMode, key: string, source: string): CrawlRun {
  const previous = db
    .prepare(`SELECT id, status, started_at, position, cursor, records, models, edges, unresolved, skipped, warnings
              FROM imports WHERE kind = 'crawl' AND fingerprint = ? AND source = ? ORDER BY id DESC LIMIT 1`)
    .get(key, source) as RunRow | undefined;
  if (previous !== undefined && previous.status !== "complete") {
    db.prepare(`UPDATE imports SET status = 'running' WHERE id = ?`).run(previous.id);
    const { id, started_at: startedAt, position: pages, cursor, status: _status, ...totals } = previous;
    return { id, mode, key, source, startedAt, pages, cursor, resumed: true, recordsBefore: totals.records, totals };
  }
  const startedAt = new Date().toISOString();
  const id = Number(
    db.prepare(`INSERT INTO imports (kind, source, format, fingerprint, status, started_at) VALUES ('crawl', ?, ?, ?, 'running', ?)`)
      .run(source, mode, key, startedAt).lastInsertRowid,
  );
  const totals = { records: 0, models: 0, edges: 0, unresolved: 0, skipped: 0, warnings: 0 };
  return { id, mode, key, source, startedAt, pages: 0, cursor: null, resumed: false, recordsBefore: 0, totals };
}

/** When the latest complete full or incremental crawl of `source` started, or null when there is none. */
export function lastListingCrawlStart(db: Store, source: string): string | null {
  const row = db
    .prepare(`SELECT started_at FROM imports WHERE kind = 'crawl' AND source = ? AND format IN ('all', 'incremental') AND status = 'complete'
              ORDER BY id DESC LIMIT 1`)
    .get(source) as { started_at: string } | undefined;
  return row?.started_at ?? null;
}

export interface CrawlWriter {
  /**
   * Saves one page's items, the crawl's new cursor and counts, and whatever `alongside` writes (crawl tasks),
   * in one transaction; returns how many rows of each kind the page added.
   */
  commitPage(items: readonly SourceItem[], cursor: string | null, alongside?: () => void): CrawlTotals;
  finish(status: "complete" | "failed"): void;
}

export function createCrawlWriter(db: Store, run: CrawlRun): CrawlWriter {
  const writer = createRowWriter(db);
  const saveRun = db.prepare(`
    UPDATE imports SET position = @pages, cursor = @cursor, records = @records, models = @models, edges = @edges,
      unresolved = @unresolved, skipped = @skipped, warnings = @warnings WHERE id = @id`);
  const saveProblem = db.prepare(`INSERT OR IGNORE INTO import_problems (import_id, position, level, message) VALUES (?, ?, ?, ?)`);
  const commit = db.transaction((items: readonly SourceItem[], cursor: string | null, alongside?: () => void) => {
    const added: CrawlTotals = { records: 0, models: 0, edges: 0, unresolved: 0, skipped: 0, warnings: 0 };
    const position = () => run.totals.records + run.totals.skipped + added.records + added.skipped;
    for (const item of items) {
      if ("skipped" in item) {
        saveProblem.run(run.id, position(), "skipped", item.skipped);
        added.skipped++;
        continue;
      }
      const counts = writer.write(item.rows);
      for (const warning of item.rows.warnings) {
        saveProblem.run(run.id, position(), "warning", `${item.rows.model?.id ?? item.rows.existing[0] ?? "record"}: ${warning}`);
        added.warnings++;
      }
      added.records++;
      added.models += counts.models;
      added.edges += counts.edges;
      added.unresolved += counts.unresolved;
    }
    alongside?.();
    const totals = Object.fromEntries(Object.entries(run.totals).map(([key, value]) => [key, value + added[key as keyof CrawlTotals]])) as unknown as CrawlTotals;
    saveRun.run({ id: run.id, pages: run.pages + 1, cursor, ...totals });
    bumpDataVersion(db);
    return { added, totals };
  });
  return {
    commitPage(items, cursor, alongside) {
      const { added, totals } = commit(items, cursor, alongside);
      run.totals = totals;
      run.pages++;
      run.cursor = cursor;
      return added;
    },
    finish(status) {
      db.prepare(`UPDATE imports SET status = ?, finished_at = ? WHERE id = ?`).run(status, status === "complete" ? new Date().toISOString() : null, run.id);
    },
  };
}

/** Notes a problem of the crawl that is not tied to a record (a parent the Hub no longer has). */
export function noteCrawlProblem(db: Store, run: CrawlRun, message: string): void {
  db.prepare(`INSERT OR IGNORE INTO import_problems (import_id, position, level, message) VALUES (?, ?, 'warning', ?)`).run(run.id, -1, message);
}
