// The lineage content of a database, table by table and row by row (models, edges, unresolved), in a fixed
// order, for comparing two databases. Run bookkeeping (runs, run_problems, crawl_tasks, meta, metrics) is left out.

import Database from "better-sqlite3";
import type { Store } from "../../src/store/open-store.js";
import { connectionOf } from "../../src/store/database-handle.js";

export interface LineageRows {
  models: unknown[];
  edges: unknown[];
  unresolved: unknown[];
}

/** Every column of a model but its node number, which depends on the order models were first seen. */
const MODEL_COLUMNS = `id, author, created_at, last_modified, downloads, likes, library_name, pipeline_tag, license,
  gated, architecture, placeholder, base_model_raw`;

function rowsOf(db: Database.Database): LineageRows {
  return {
    models: db.prepare(`SELECT ${MODEL_COLUMNS} FROM models ORDER BY id`).raw().all(),
    edges: db.prepare(`SELECT * FROM edges ORDER BY child, parent, source`).raw().all(),
    unresolved: db.prepare(`SELECT * FROM unresolved ORDER BY child, raw`).raw().all(),
  };
}

export function lineageRows(store: Store): LineageRows {
  return rowsOf(connectionOf(store));
}

/** Reads a database file without writing to it (the CLI that wrote it may have been killed). */
export function lineageRowsOfFile(path: string): LineageRows {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return rowsOf(db);
  } finally {
    db.close();
  }
}
