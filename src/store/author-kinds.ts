// Whether each author is an organisation or a user, as the Hub states it (the `author_kinds` table): the authors
// not yet looked up, the answers saved as they come, and every known kind for the report.

import { connectionOf, type Store } from "./database-handle.js";
import { bumpDataVersion } from "./open-store.js";

/** What the Hub says of an author: `neither` when it knows no organisation and no user of that name. */
export const AUTHOR_KINDS = ["org", "user", "neither"] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

/**
 * The authors of the stored models (the part of the id before the slash; placeholders have no record, so no
 * author of theirs is asked for) whose kind has not been looked up, one spelling of each, in name order.
 */
export function authorsWithoutKind(store: Store): string[] {
  return connectionOf(store)
    .prepare(
      `SELECT min(author) FROM (
         SELECT substr(id, 1, instr(id, '/') - 1) AS author FROM models WHERE placeholder = 0 AND instr(id, '/') > 1)
       WHERE author NOT IN (SELECT author FROM author_kinds)
       GROUP BY author COLLATE NOCASE ORDER BY 1`,
    )
    .pluck()
    .all() as string[];
}

/**
 * Saves what the Hub said of each author, replacing an earlier answer, in one transaction that also bumps the data
 * version: the report is derived from these answers, so one derived before them is stale.
 */
export function saveAuthorKinds(store: Store, answers: readonly { author: string; kind: AuthorKind }[]): void {
  const db = connectionOf(store);
  const statement = db.prepare(
    `INSERT INTO author_kinds (author, kind, learned_at) VALUES (?, ?, ?)
     ON CONFLICT (author) DO UPDATE SET kind = excluded.kind, learned_at = excluded.learned_at`,
  );
  const now = new Date().toISOString();
  if (answers.length === 0) return;
  db.transaction(() => {
    for (const { author, kind } of answers) statement.run(author, kind, now);
    bumpDataVersion(store);
  })();
}

/** Every author looked up, by name in lower case (the Hub's names are case-insensitive). */
export function storedAuthorKinds(store: Store): Map<string, AuthorKind> {
  const rows = connectionOf(store).prepare(`SELECT author, kind FROM author_kinds`).raw().all() as [
    string,
    AuthorKind,
  ][];
  return new Map(rows.map(([author, kind]) => [author.toLowerCase(), kind]));
}
