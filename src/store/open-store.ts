// Opens (or creates) a lineage database: WAL journal, foreign keys, the schema, and a version check that
// migrates an older hf-lineage database in place. Nothing else opens SQLite files.

import Database from "better-sqlite3";
import { connectionOf, storeOf, type Store } from "./database-handle.js";
import { migrateSchema } from "./migrate-schema.js";
import { SCHEMA_SQL, SCHEMA_VERSION } from "./schema.js";

export type { Store } from "./database-handle.js";

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}

export interface OpenStoreOptions {
  /** Open an existing database without creating or migrating anything. */
  readonly?: boolean;
  /** Refuse a file without hf-lineage's schema (an empty one) instead of creating the schema in it. */
  existing?: boolean;
}

/** The schema version an hf-lineage database records; NaN when its `meta` table is not ours. */
function schemaVersionOf(db: Database.Database): number {
  try {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as
      { value: string } | undefined;
    return Number(row?.value);
  } catch {
    return NaN;
  }
}

/** Opens the database at `path` (`:memory:` for tests), creating the schema when it is new. */
export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new StoreError(`store: cannot open database "${path}": ${(error as Error).message}`);
  }
  try {
    // Everything is checked before anything is written: a file that is not ours is refused as it was found.
    const hasMeta =
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
    const isNew = !hasMeta && db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table'").get() === undefined;
    if (!hasMeta && !isNew) throw new StoreError(`store: "${path}" is an SQLite database but not an hf-lineage one`);
    if (isNew && (options.readonly === true || options.existing === true))
      throw new StoreError(`store: "${path}" is empty, not an hf-lineage database`);
    const version = isNew ? SCHEMA_VERSION : schemaVersionOf(db);
    if (Number.isNaN(version)) throw new StoreError(`store: "${path}" is an SQLite database but not an hf-lineage one`);
    if (!Number.isInteger(version) || version > SCHEMA_VERSION) {
      throw new StoreError(
        `store: "${path}" has schema version ${version}, newer than this hf-lineage reads (${SCHEMA_VERSION}); ` +
          "upgrade hf-lineage or use another database",
      );
    }
    if (version < SCHEMA_VERSION && options.readonly) {
      throw new StoreError(
        `store: "${path}" has schema version ${version}; open it once for writing to migrate it to ${SCHEMA_VERSION}`,
      );
    }
    if (!options.readonly) {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
    }
    db.pragma("foreign_keys = ON");
    db.pragma("cache_size = -65536");
    if (isNew) {
      // One transaction: a process killed while creating the database leaves no half-made schema behind.
      db.transaction(() => {
        db.exec(SCHEMA_SQL);
        db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?), ('data_version', '0')").run(
          String(SCHEMA_VERSION),
        );
      })();
    } else if (version < SCHEMA_VERSION) {
      migrateSchema(db, version);
    }
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    if (String((error as { code?: unknown }).code).startsWith("SQLITE_READONLY"))
      throw new StoreError(
        `store: "${path}" cannot be written (${(error as Error).message}): hf-lineage writes to it and beside it ` +
          "(its journal and lineage index); check its and its folder's permissions, " +
          "or copy it to a folder you may write",
      );
    throw new StoreError(`store: "${path}" is not a usable database: ${(error as Error).message}`);
  }
  return storeOf(db, path);
}

/** A counter bumped by every write, so derived data can tell whether it is stale. */
export function dataVersion(store: Store): number {
  const db = connectionOf(store);
  return Number((db.prepare("SELECT value FROM meta WHERE key = 'data_version'").get() as { value: string }).value);
}

export function bumpDataVersion(store: Store): void {
  connectionOf(store).prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'").run();
}
