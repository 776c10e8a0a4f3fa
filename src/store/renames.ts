// Renamed repositories (the `renames` table): what the crawler learns from the Hub's redirects, how a rename
// merges the old id's rows into the current id's, and how rows naming an old id are saved under the current one.

import type { RecordRows } from "../ingest/record-rows.js";
import { connectionOf, type Store } from "./database-handle.js";

/** Old id (lower case: the Hub's ids are case-insensitive) → current id, from the `renames` table. */
export type RenameMap = ReadonlyMap<string, string>;

export interface LearnedRename {
  oldId: string;
  currentId: string;
  /** The crawl run that learned it. */
  runId: number;
}

/** Every stored rename, by old id in lower case. */
export function storedRenames(store: Store): Map<string, string> {
  const rows = connectionOf(store).prepare(`SELECT old_id, current_id FROM renames`).raw().all() as [string, string][];
  return new Map(rows.map(([oldId, currentId]) => [oldId.toLowerCase(), currentId]));
}

/** The current id of a renamed repository (any case), or null when no rename of it is stored. */
export function currentIdOfRenamed(store: Store, id: string): string | null {
  const row = connectionOf(store).prepare(`SELECT current_id FROM renames WHERE old_id = ?`).pluck().get(id);
  return (row as string | undefined) ?? null;
}

/**
 * Stores a rename learned from a Hub redirect and makes both names one model, inside the caller's transaction: every
 * edge naming the old id (as parent or child) and its findings move to the current id (where the current id already
 * has the same edge, its own row is kept), earlier renames to the old id now lead to the current one, and the old
 * id's model row goes. The old id's node number is listed as changed, so the next lineage index is brought up to
 * date with that number out of use, as it is for any other change.
 */
export function recordRename(store: Store, { oldId, currentId, runId }: LearnedRename): void {
  const db = connectionOf(store);
  db.prepare(
    `INSERT INTO renames (old_id, current_id, learned_at, learned_by, run_id) VALUES (?, ?, ?, 'hub-redirect', ?)
     ON CONFLICT (old_id) DO UPDATE SET current_id = excluded.current_id, learned_at = excluded.learned_at,
       learned_by = excluded.learned_by, run_id = excluded.run_id`,
  ).run(oldId, currentId, new Date().toISOString(), runId);
  db.prepare(`UPDATE renames SET current_id = ? WHERE current_id = ? COLLATE NOCASE`).run(currentId, oldId);
  const old = db.prepare(`SELECT node FROM models WHERE id = ?`).pluck().get(oldId) as number | undefined;
  if (old === undefined) return;
  // Inserted and deleted (not updated in place), so the triggers list every child whose parents changed.
  db.prepare(
    `INSERT INTO edges (child, parent, relation, source, raw)
     SELECT CASE child WHEN @old THEN @current ELSE child END, CASE parent WHEN @old THEN @current ELSE parent END,
            relation, source, raw
     FROM edges WHERE child = @old OR parent = @old
     ON CONFLICT (child, parent, source) DO NOTHING`,
  ).run({ old: oldId, current: currentId });
  db.prepare(`DELETE FROM edges WHERE child = ? OR parent = ?`).run(oldId, oldId);
  db.prepare(
    `INSERT INTO unresolved (child, raw, reason) SELECT ?, raw, reason FROM unresolved WHERE child = ?
     ON CONFLICT (child, raw) DO NOTHING`,
  ).run(currentId, oldId);
  db.prepare(`DELETE FROM unresolved WHERE child = ?`).run(oldId);
  db.prepare(`DELETE FROM model_details WHERE node = ?`).run(old);
  db.prepare(`DELETE FROM models WHERE node = ?`).run(old);
  db.prepare(`INSERT INTO changed_models (node) VALUES (?) ON CONFLICT DO NOTHING`).run(old);
}

/** A record's rows with every id a stored rename names replaced by the current id (the rows as they are without). */
export function followRenames(rows: RecordRows, renames: RenameMap): RecordRows {
  if (renames.size === 0) return rows;
  const current = (id: string) => renames.get(id.toLowerCase()) ?? id;
  const renamesAny = (ids: readonly string[]) => ids.some((id) => renames.has(id.toLowerCase()));
  const ids = [
    ...(rows.model === null ? [] : [rows.model.id]),
    ...rows.existing,
    ...rows.edges.flatMap((edge) => [edge.child, edge.parent]),
    ...rows.unresolved.map((entry) => entry.child),
  ];
  if (!renamesAny(ids)) return rows;
  return {
    ...rows,
    model: rows.model === null ? null : { ...rows.model, id: current(rows.model.id) },
    existing: rows.existing.map(current),
    edges: rows.edges.map(({ orgless, ...edge }) => {
      const parent = current(edge.parent);
      // A renamed org-less parent is a model the Hub has: no longer a guess.
      const stillOrgless = parent === edge.parent && orgless === true;
      return { ...edge, child: current(edge.child), parent, ...(stillOrgless ? { orgless: true } : {}) };
    }),
    unresolved: rows.unresolved.map((entry) => ({ ...entry, child: current(entry.child) })),
    replacesDeclaredBasesOf: rows.replacesDeclaredBasesOf === null ? null : current(rows.replacesDeclaredBasesOf),
  };
}
