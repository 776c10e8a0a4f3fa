// Where the lineage index is kept: its sections (typed arrays and JSON as bytes) under the data version they were
// built from, replaced whole in one transaction, so a reader sees either the previous complete index or the new one.

import { connectionOf, type Store } from "./database-handle.js";
import { dataVersion } from "./open-store.js";

/** The data version of the stored index, or null when none is stored. */
export function storedIndexVersion(store: Store): number | null {
  const version = connectionOf(store).prepare(`SELECT max(data_version) FROM lineage_index`).pluck().get();
  return typeof version === "number" ? version : null;
}

/** One section of the index stored for `version`, as the bytes stored (a Buffer over them, not a copy of a copy). */
export function readIndexSection(store: Store, version: number, section: string): Buffer | undefined {
  return connectionOf(store)
    .prepare(`SELECT bytes FROM lineage_index WHERE data_version = ? AND section = ?`)
    .pluck()
    .get(version, section) as Buffer | undefined;
}

/**
 * Replaces the stored index with these sections, built from data version `version`, and forgets the models changed
 * before it (the caller holds the write lock and has checked that `version` is the data's version).
 */
export function writeIndexSections(store: Store, version: number, sections: Map<string, Uint8Array>): void {
  const db = connectionOf(store);
  const insert = db.prepare(`INSERT INTO lineage_index (data_version, section, bytes) VALUES (?, ?, ?)`);
  db.transaction(() => {
    db.prepare(`DELETE FROM lineage_index`).run();
    db.prepare(`DELETE FROM changed_models`).run();
    for (const [name, bytes] of sections)
      insert.run(version, name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  })();
}

/**
 * Runs `work` holding the database's write lock, with the data version it sees; returns undefined at once, without
 * running it, when another connection is writing (an import or a crawl in progress).
 */
export function withWriteLock<T>(store: Store, work: (version: number) => T): T | undefined {
  const db = connectionOf(store);
  const timeout = db.pragma("busy_timeout", { simple: true }) as number;
  db.pragma("busy_timeout = 0");
  try {
    db.exec("BEGIN IMMEDIATE");
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return undefined;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
  try {
    const result = work(dataVersion(store));
    db.exec("COMMIT");
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}
