// The rows behind the data-quality checks that are not questions about the graph: placeholders,
// ids that differ only in case, base_model values that named no model, and cards that list several bases.

import { RENAMED_REASONS, UNRESOLVED_REASONS, type UnresolvedReason } from "../ingest/normalize-base-model.js";
import { connectionOf, type Store } from "./database-handle.js";

/** Models named as a parent but with no record of their own, in id order. */
export function placeholderModels(store: Store): string[] {
  return connectionOf(store)
    .prepare(`SELECT id FROM models WHERE placeholder = 1 ORDER BY id`)
    .pluck()
    .all() as string[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Groups of ids equal but for letter case, each sorted, the groups by their first id. */
export function caseVariantGroups(store: Store): string[][] {
  // Grouped along the NOCASE index, with no sort of the whole table; the few groups are sorted here.
  const rows = connectionOf(store)
    .prepare(`SELECT group_concat(id, char(10)) FROM models GROUP BY id COLLATE NOCASE HAVING count(*) > 1`)
    .pluck()
    .all() as string[];
  return rows.map((ids) => ids.split("\n").sort(byId)).sort((a, b) => byId(a[0] as string, b[0] as string));
}

/**
 * The groups of ids equal but for letter case that hold a model changed since the stored index was built, each
 * sorted, in no set order (a group holding several changed models comes once for each).
 */
export function changedCaseVariantGroups(store: Store): string[][] {
  const rows = connectionOf(store)
    .prepare(
      `SELECT group_concat(m.id, char(10)) FROM changed_models x CROSS JOIN models c ON c.node = x.node
       CROSS JOIN models m ON m.id = c.id COLLATE NOCASE GROUP BY x.node HAVING count(*) > 1`,
    )
    .pluck()
    .all() as string[];
  return rows.map((ids) => ids.split("\n").sort(byId));
}

export interface UnresolvedValue {
  child: string;
  raw: string;
  reason: UnresolvedReason;
}

const KNOWN_REASONS: ReadonlySet<string> = new Set(UNRESOLVED_REASONS);

/**
 * Every stored base_model value that names no model, by reason, child and value; reasons written by an earlier
 * version under another name are read under today's (a reason unknown to this version counts as bad syntax).
 */
export function unresolvedValues(store: Store): UnresolvedValue[] {
  const rows = connectionOf(store)
    .prepare(`SELECT child, raw, reason FROM unresolved ORDER BY reason, child, raw`)
    .all() as { child: string; raw: string; reason: string }[];
  return rows.map((row) => ({
    ...row,
    reason: KNOWN_REASONS.has(row.reason)
      ? (row.reason as UnresolvedReason)
      : (RENAMED_REASONS[row.reason] ?? "bad-syntax"),
  }));
}

/** Records an import or crawl skipped, each message once (a file imported twice lists its rows once). */
export function skippedRecords(store: Store): { message: string }[] {
  return connectionOf(store)
    .prepare(
      `SELECT message FROM run_problems WHERE level = 'skipped' GROUP BY message ORDER BY min(run_id), min(position)`,
    )
    .all() as { message: string }[];
}

/** Each model whose card's base_model is a list, with that list as written (JSON), in id order. */
export function* declaredBaseLists(store: Store): Generator<{ id: string; baseModelRaw: string }> {
  const rows = connectionOf(store).prepare(
    `SELECT id, base_model_raw AS baseModelRaw FROM models WHERE base_model_raw LIKE '[%' ORDER BY id`,
  );
  yield* rows.all() as { id: string; baseModelRaw: string }[];
}
