// The one bookkeeper of imports and crawls (the `runs` table): start or resume a run, commit its items in
// transactions together with how far it has read, note problems, finish it. A killed run resumes where it stopped.

import type { SourceItem } from "../ingest/record-rows.js";
import { connectionOf, type Store } from "./database-handle.js";
import { bumpDataVersion } from "./open-store.js";
import { createBatchWriter } from "./batch-writer.js";
import { endBulkWrite } from "./bulk-write.js";
import { prepareItems, type PreparedItems } from "./prepared-items.js";
import { recordRename, storedRenames, type RenameMap } from "./renames.js";
import { emptyRunCounts, type RunCounts } from "./run-counts.js";
import { wellFormed } from "../vocabulary/safe-text.js";

export type CrawlMode = "all" | "incremental" | "family" | "author";

export interface Run {
  id: number;
  kind: "import" | "crawl";
  /** The file path of an import, the endpoint of a crawl. */
  source: string;
  startedAt: string;
  /** Source records read so far; the next item's position. */
  recordsRead: number;
  /** Crawls: pages committed so far. */
  pagesRead: number;
  /** Listing crawls: the next page's URL, null at the start and at the end. */
  nextUrl: string | null;
  /** Whether this run continues an interrupted one. */
  resumed: boolean;
  /** What the interrupted run had saved before this one continued it. */
  before: RunCounts;
  totals: RunCounts;
}

export interface ProblemNote {
  position: number;
  level: "skipped" | "warning";
  message: string;
}

interface RunRow extends RunCounts {
  id: number;
  kind: "import" | "crawl";
  source: string;
  status: string;
  started_at: string;
  records_read: number;
  pages_read: number;
  next_url: string | null;
}

const RUN_COLUMNS = `id, kind, source, status, started_at, records_read, pages_read, next_url,
  records, models, edges, unresolved, skipped, warnings`;

function runOf(row: RunRow, resumed: boolean): Run {
  const { records, models, edges, unresolved, skipped, warnings } = row;
  const totals = { records, models, edges, unresolved, skipped, warnings };
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    startedAt: row.started_at,
    recordsRead: row.records_read,
    pagesRead: row.pages_read,
    nextUrl: row.next_url,
    resumed,
    before: { ...totals },
    totals,
  };
}

function newRun(store: Store, columns: Record<string, string>): Run {
  const db = connectionOf(store);
  const names = Object.keys(columns);
  const id = Number(
    db
      .prepare(`INSERT INTO runs (${names.join(", ")}) VALUES (${names.map((name) => `@${name}`).join(", ")})`)
      .run(columns).lastInsertRowid,
  );
  return runOf(db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`).get(id) as RunRow, false);
}

function resume(store: Store, row: RunRow, source: string): Run {
  connectionOf(store).prepare(`UPDATE runs SET status = 'running', source = ? WHERE id = ?`).run(source, row.id);
  return runOf({ ...row, source }, true);
}

export interface ImportTarget {
  /** The file read. */
  source: string;
  format: string;
  /** The SHA-256 of the content: the same content is imported once. */
  fingerprint: string;
}

/**
 * Resumes the unfinished import of the same content in the same format or starts a new one; `complete` when the
 * same content was imported completely in that format before (and `force` is not set), with that run. The same
 * file read as another format is another import: a wrong --format never blocks the right one.
 */
export function beginImportRun(
  store: Store,
  target: ImportTarget,
  force: boolean,
): { status: "started"; run: Run } | { status: "complete"; run: Run } {
  const previous = connectionOf(store)
    .prepare(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE kind = 'import' AND fingerprint = ? AND format = ?
       ORDER BY id DESC LIMIT 1`,
    )
    .get(target.fingerprint, target.format) as RunRow | undefined;
  if (previous?.status === "complete" && !force) return { status: "complete", run: runOf(previous, false) };
  if (previous !== undefined && previous.status !== "complete") {
    return { status: "started", run: resume(store, previous, target.source) };
  }
  const run = newRun(store, {
    kind: "import",
    status: "running",
    started_at: new Date().toISOString(),
    ...target,
  });
  return { status: "started", run };
}

/** Resumes the latest unfinished crawl of `scope` on `source`, or starts a new one. */
export function beginCrawlRun(store: Store, target: { mode: CrawlMode; scope: string; source: string }): Run {
  // A crawl's writes must be recorded for the incremental index: after a killed bulk import, put the triggers back.
  endBulkWrite(store);
  const previous = connectionOf(store)
    .prepare(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE kind = 'crawl' AND scope = ? AND source = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(target.scope, target.source) as RunRow | undefined;
  if (previous !== undefined && previous.status !== "complete") return resume(store, previous, target.source);
  return newRun(store, {
    kind: "crawl",
    source: target.source,
    crawl_mode: target.mode,
    scope: target.scope,
    status: "running",
    started_at: new Date().toISOString(),
  });
}

/** When the latest complete full or incremental crawl of `source` started, or null when there is none. */
export function lastListingCrawlStart(store: Store, source: string): string | null {
  const row = connectionOf(store)
    .prepare(
      `SELECT started_at FROM runs WHERE kind = 'crawl' AND source = ? AND crawl_mode IN ('all', 'incremental')
       AND status = 'complete' ORDER BY id DESC LIMIT 1`,
    )
    .get(source) as { started_at: string } | undefined;
  return row?.started_at ?? null;
}

export interface RunWriter {
  /**
   * Saves items at the run's next positions, how far the run has read (for a crawl page, the page and its next
   * URL) and whatever `alongside` writes, in one transaction; returns what the items added.
   */
  commit(items: readonly SourceItem[], page?: { nextUrl: string | null }, alongside?: () => void): RunCounts;
  /** Commits items prepared beforehand (`prepareItems` with this writer's renames, perhaps in another thread). */
  commitPrepared(prepared: PreparedItems): RunCounts;
  /** The stored renames items are prepared with. */
  readonly renames: RenameMap;
  /** Notes a problem not tied to a record (a parent the Hub no longer has). */
  noteProblem(message: string): void;
  /**
   * Stores a rename the Hub's redirect showed (call it inside `alongside`): the old id's rows become the current
   * id's, and items committed from then on that name the old id are saved under the current one.
   */
  noteRename(oldId: string, currentId: string): void;
  /**
   * Ends the run. `restart`: a failed run that stored nothing (not one record could be read) is set back to its
   * start and its problems are dropped, so a retry reads the whole file again.
   */
  finish(status: "complete" | "failed", options?: { restart?: boolean }): void;
  /** The problems noted by this writer, the first `limit` of them (default 1,000). */
  readonly problems: ProblemNote[];
}

const PROBLEMS_KEPT = 1000;

export function createRunWriter(store: Store, run: Run): RunWriter {
  const db = connectionOf(store);
  const rows = createBatchWriter(store);
  const renames = storedRenames(store);
  const saveRun = db.prepare(`
    UPDATE runs SET records_read = @recordsRead, pages_read = @pagesRead, next_url = @nextUrl, records = @records,
      models = @models, edges = @edges, unresolved = @unresolved, skipped = @skipped, warnings = @warnings
    WHERE id = @id`);
  const saveProblem = db.prepare(
    `INSERT OR IGNORE INTO run_problems (run_id, position, level, message) VALUES (?, ?, ?, ?)`,
  );
  const problems: ProblemNote[] = [];
  const note = (position: number, level: ProblemNote["level"], text: string) => {
    const message = wellFormed(text);
    if (problems.length < PROBLEMS_KEPT) problems.push({ position, level, message });
    saveProblem.run(run.id, position, level, message);
  };
  const commitPrepared = db.transaction(
    (prepared: PreparedItems, page: { nextUrl: string | null } | undefined, alongside?: () => void) => {
      for (const problem of prepared.problems) note(run.recordsRead + problem.offset, problem.level, problem.message);
      const counts = rows.writeStaged(prepared.steps);
      const { records, skipped, warnings } = prepared;
      const added = { ...emptyRunCounts(), records, skipped, warnings, ...counts };
      alongside?.();
      const totals = { ...run.totals };
      for (const key of Object.keys(totals) as (keyof RunCounts)[]) totals[key] += added[key];
      const recordsRead = run.recordsRead + prepared.positions;
      const pagesRead = run.pagesRead + (page === undefined ? 0 : 1);
      const nextUrl = page === undefined ? run.nextUrl : page.nextUrl;
      saveRun.run({ id: run.id, recordsRead, pagesRead, nextUrl, ...totals });
      bumpDataVersion(store);
      run.totals = totals;
      run.recordsRead = recordsRead;
      run.pagesRead = pagesRead;
      run.nextUrl = nextUrl;
      return added;
    },
  );
  return {
    commit: (items, page, alongside) => commitPrepared(prepareItems(items, renames), page, alongside),
    commitPrepared: (prepared) => commitPrepared(prepared, undefined),
    renames,
    noteProblem: (message) => note(-1, "warning", message),
    noteRename(oldId, currentId) {
      recordRename(store, { oldId, currentId, runId: run.id });
      for (const [old, current] of renames)
        if (current.toLowerCase() === oldId.toLowerCase()) renames.set(old, currentId);
      renames.set(oldId.toLowerCase(), currentId);
    },
    finish(status, options = {}) {
      db.transaction(() => {
        db.prepare(`UPDATE runs SET status = ?, finished_at = ? WHERE id = ?`).run(
          status,
          status === "complete" ? new Date().toISOString() : null,
          run.id,
        );
        if (status === "failed" && options.restart === true) {
          db.prepare(
            `UPDATE runs SET records_read = 0, records = 0, models = 0, edges = 0, unresolved = 0, skipped = 0,
               warnings = 0 WHERE id = ?`,
          ).run(run.id);
          db.prepare(`DELETE FROM run_problems WHERE run_id = ?`).run(run.id);
        }
      })();
    },
    problems,
  };
}
