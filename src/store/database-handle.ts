// The store as the layers above see it: an opaque handle that names its file and closes. Only src/store reaches
// the SQLite connection behind it (`connectionOf`); lint keeps every other layer from importing this file.

import type Database from "better-sqlite3";

export interface Store {
  /** The database file (`:memory:` for tests). */
  readonly path: string;
  /** Opened read-only: nothing may be written, derived data included. */
  readonly readonly: boolean;
  close(): void;
}

const connections = new WeakMap<Store, Database.Database>();

/** Wraps an open connection as a Store. */
export function storeOf(db: Database.Database, path: string): Store {
  const store: Store = { path, readonly: db.readonly, close: () => db.close() };
  connections.set(store, db);
  return store;
}

/** The SQLite connection of a store: for src/store (and tests that check rows with their own SQL). */
export function connectionOf(store: Store): Database.Database {
  const db = connections.get(store);
  if (db === undefined) throw new Error("store: not a store opened by openStore");
  return db;
}
