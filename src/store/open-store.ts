// Opens (or creates) a lineage database: WAL journal, foreign keys, the schema, and a version check.
// Every layer above receives the handle this returns; nothing else opens SQLite files.

import Database from "better-sqlite3";
import { SCHEMA_SQL, SCHEMA_VERSION } from "./schema.js";

export type Store = Database.Database;

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}

export interface OpenStoreOptions {
  /** Open an existing database without creating or migrating anything. */
  readonly?: boolean;
}

/** Opens the database at `path` (`:memory:` for tests), creating the schema when it is new. */
export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  let db: Store;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new StoreError(`store: cannot open database "${path}": ${(error as Error).message}`);
  }
  try {
    if (!options.readonly) {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
    }
    db.pragma("foreign_keys = ON");
    db.pragma("cache_size = -65536");
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
    if (!hasMeta) {
      const hasOtherTables = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table'").get() !== undefined;
      if (hasOtherTables) throw new StoreError(`store: "${path}" is an SQLite database but not an hf-lineage one`);
      if (options.readonly) throw new StoreError(`store: "${path}" is empty`);
      // One transaction: a process killed while creating the database leaves no half-made schema behind.
      db.transaction(() => {
        db.exec(SCHEMA_SQL);
        db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?), ('data_version', '0')").run(String(SCHEMA_VERSION));
      })();
    }
    const version = Number((db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined)?.value);
    if (version !== SCHEMA_VERSION) {
      throw new StoreError(`store: "${path}" has schema version ${version}, this hf-lineage reads version ${SCHEMA_VERSION}; re-import into a new database`);
    }
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`store: "${path}" is not a usable database: ${(error as Error).message}`);
  }
  return db;
}

/** A counter bumped by every write, so derived data can tell whether it is stale. */
export function dataVersion(db: Store): number {
  return Number((db.prepare("SELECT value FROM meta WHERE key = 'data_version'").get() as { value: string }).value);
}

export function bumpDataVersion(db: Store): void {
  db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'").run();
}
