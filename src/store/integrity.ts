// Whether a database's pages are intact: SQLite's own checks (`PRAGMA quick_check`, or the slower `integrity_check`
// that also compares every index with its table), run before an import or crawl writes and before it reports success.

import { connectionOf, type Store } from "./database-handle.js";
import { StoreError } from "./open-store.js";

export interface IntegrityReport {
  /** `quick`: pages, records and constraints; `full`: also every index entry against its table. */
  check: "quick" | "full";
  ok: boolean;
  /** What SQLite found (at most `limit` lines), empty when the database is intact. */
  problems: string[];
}

/** Runs SQLite's check of the whole database file. A file too damaged to be read at all is a problem too. */
export function checkIntegrity(store: Store, { full = false, limit = 20 } = {}): IntegrityReport {
  const check = full ? "full" : "quick";
  let lines: string[];
  try {
    const rows = connectionOf(store).pragma(full ? `integrity_check(${limit})` : `quick_check(${limit})`);
    // A row may hold several findings, one a line, headed by "*** in database main ***": one finding a line here.
    lines = (rows as Record<string, string>[])
      .flatMap((row) => String(Object.values(row)[0]).split("\n"))
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && !/^\*\*\* in database \w+ \*\*\*$/.test(line));
  } catch (error) {
    return { check, ok: false, problems: [(error as Error).message] };
  }
  const ok = lines.length === 1 && lines[0] === "ok";
  return { check, ok, problems: ok ? [] : lines };
}

/** Refuses a damaged database with one line naming the file and what to do. */
export function assertIntact(store: Store, moment: string): void {
  const report = checkIntegrity(store);
  if (report.ok) return;
  throw new StoreError(
    `store: the database "${store.path}" is damaged (${moment}: ${report.problems[0] ?? "unreadable"}` +
      `${report.problems.length > 1 ? `, and ${report.problems.length - 1} more findings` : ""}); ` +
      "restore it from a copy, or build a new one with import or crawl",
  );
}
