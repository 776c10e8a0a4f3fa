// Runs one import (or crawl page stream) into the store: batches of records, each committed in one transaction
// together with the run's position, so a killed run resumes where it stopped and a finished one is not redone.

import type { SourceItem } from "../ingest/record-rows.js";
import { bumpDataVersion, type Store } from "./open-store.js";
import { createRowWriter } from "./row-writer.js";
import type { RunCounts } from "./run-counts.js";

export interface ImportTarget {
  kind: "import" | "crawl";
  /** What was read: a file path or an endpoint. */
  source: string;
  format: string;
  /** Identifies the content (a file's SHA-256): the same content is imported once. */
  fingerprint: string;
}

export interface ImportSummary extends RunCounts {
  importId: number;
  status: "complete" | "already-imported";
  resumedFrom: number;
  problems: { position: number; level: "skipped" | "warning"; message: string }[];
}

export interface ImportOptions {
  batchSize?: number;
  /** Import again even when the same content was imported completely before. */
  force?: boolean;
  onProgress?: (position: number) => void;
}

interface ImportRow extends RunCounts {
  id: number;
  status: string;
  position: number;
}

const MAX_PROBLEMS_KEPT = 1000;

export async function runImport(db: Store, target: ImportTarget, items: AsyncIterable<SourceItem>, options: ImportOptions = {}): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 2000;
  const previous = db
    .prepare(`SELECT id, status, position, records, models, edges, unresolved, skipped, warnings FROM imports WHERE fingerprint = ? AND kind = ? ORDER BY id DESC LIMIT 1`)
    .get(target.fingerprint, target.kind) as ImportRow | undefined;
  const empty = { records: 0, models: 0, edges: 0, unresolved: 0, skipped: 0, warnings: 0, problems: [] };
  if (previous?.status === "complete" && !options.force) {
    return { importId: previous.id, status: "already-imported", resumedFrom: previous.position, ...empty };
  }
  const now = () => new Date().toISOString();
  let run: ImportRow;
  if (previous !== undefined && previous.status !== "complete") {
    db.prepare(`UPDATE imports SET status = 'running', source = ? WHERE id = ?`).run(target.source, previous.id);
    run = previous;
  } else {
    const id = Number(
      db.prepare(`INSERT INTO imports (kind, source, format, fingerprint, status, started_at) VALUES (?, ?, ?, ?, 'running', ?)`)
        .run(target.kind, target.source, target.format, target.fingerprint, now()).lastInsertRowid,
    );
    run = { id, status: "running", position: 0, records: 0, models: 0, edges: 0, unresolved: 0, skipped: 0, warnings: 0 };
  }

  const writer = createRowWriter(db);
  const saveProgress = db.prepare(`
    UPDATE imports SET position = @position, records = @records, models = @models, edges = @edges,
      unresolved = @unresolved, skipped = @skipped, warnings = @warnings WHERE id = @id`);
  const saveProblem = db.prepare(`INSERT OR IGNORE INTO import_problems (import_id, position, level, message) VALUES (?, ?, ?, ?)`);
  const resumedFrom = run.position;
  const totals = { ...run };
  const problems: ImportSummary["problems"] = [];
  const note = (position: number, level: "skipped" | "warning", message: string) => {
    if (problems.length < MAX_PROBLEMS_KEPT) problems.push({ position, level, message });
    saveProblem.run(run.id, position, level, message);
  };

  let pending: { position: number; item: SourceItem }[] = [];
  const commit = db.transaction((batch: { position: number; item: SourceItem }[]) => {
    for (const { position, item } of batch) {
      if ("skipped" in item) {
        totals.skipped++;
        note(position, "skipped", item.skipped);
        continue;
      }
      const counts = writer.write(item.rows);
      totals.records++;
      totals.models += counts.models;
      totals.edges += counts.edges;
      totals.unresolved += counts.unresolved;
      for (const warning of item.rows.warnings) {
        totals.warnings++;
        note(position, "warning", `${item.rows.model?.id ?? item.rows.existing[0] ?? "record"}: ${warning}`);
      }
    }
    totals.position = (batch.at(-1)?.position ?? totals.position - 1) + 1;
    saveProgress.run(totals);
    bumpDataVersion(db);
  });

  let position = 0;
  try {
    for await (const item of items) {
      if (position >= resumedFrom) {
        pending.push({ position, item });
        if (pending.length >= batchSize) {
          const batch = pending;
          pending = [];
          commit(batch);
          options.onProgress?.(position + 1);
        }
      }
      position++;
    }
  } catch (error) {
    // The records read before the source failed (a truncated file) are whole: keep them, then report the failure.
    if (pending.length > 0) commit(pending);
    db.prepare(`UPDATE imports SET status = 'failed' WHERE id = ?`).run(run.id);
    throw error;
  }
  if (pending.length > 0) commit(pending);
  options.onProgress?.(position);
  db.prepare(`UPDATE imports SET status = 'complete', finished_at = ? WHERE id = ?`).run(now(), run.id);
  return {
    importId: run.id,
    status: "complete",
    resumedFrom,
    records: totals.records - run.records,
    models: totals.models - run.models,
    edges: totals.edges - run.edges,
    unresolved: totals.unresolved - run.unresolved,
    skipped: totals.skipped - run.skipped,
    warnings: totals.warnings - run.warnings,
    problems,
  };
}
