// A database written by hf-lineage with schema version 1 (imports and crawls in one `imports` table, a crawl's
// mode in `format` and scope in `fingerprint`, crawl_tasks made on the side), 2 (no model_details, no record of
// the models changed since the stored lineage index), 3 (a `metrics` table, no `renames`), 4 (a changed licence
// not counted as a change) or 5 (no counts by dtype, gguf context length or expert counts) opens migrated, every
// stored row kept (the derived metrics and stored index aside).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { connectionOf } from "../../src/store/database-handle.js";
import { emptyModelRow, type ModelDetailsRow } from "../../src/ingest/record-rows.js";
import { openStore } from "../../src/store/open-store.js";
import { createRowWriter } from "../../src/store/row-writer.js";
import { SCHEMA_SQL } from "../../src/store/schema.js";
import { lineageRows } from "../support/lineage-table-rows.js";

const emptyDetails: ModelDetailsRow = {
  tags: [],
  hasCard: true,
  cardLicense: null,
  licenseName: null,
  licenseLink: null,
  ggufTotal: null,
  ggufArchitecture: null,
  ggufContextLength: null,
  safetensorsTotal: null,
  safetensorsParameters: null,
  modelType: null,
  architectures: null,
  experts: null,
  expertsPerToken: null,
  fileCount: null,
  formatFiles: null,
  downloadsAllTime: null,
};

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-migrate-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// The version 1 schema as it shipped (src/store/schema.ts at version 1, and crawl-tasks.ts's own table).
const VERSION_1_SQL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE models (
  id TEXT PRIMARY KEY, author TEXT, created_at TEXT, last_modified TEXT, downloads INTEGER, likes INTEGER,
  library_name TEXT, pipeline_tag TEXT, license TEXT, gated TEXT, architecture TEXT,
  placeholder INTEGER NOT NULL DEFAULT 0 CHECK (placeholder IN (0, 1)), base_model_raw TEXT);
CREATE INDEX models_id_nocase ON models (id COLLATE NOCASE);
CREATE TABLE edges (
  child TEXT NOT NULL, parent TEXT NOT NULL,
  relation TEXT NOT NULL CHECK (relation IN ('finetune', 'adapter', 'quantized', 'merge', 'unknown')),
  source TEXT NOT NULL CHECK (source IN ('tag', 'card', 'file')), raw TEXT NOT NULL,
  PRIMARY KEY (child, parent, source)) WITHOUT ROWID;
CREATE INDEX edges_parent ON edges (parent);
CREATE TABLE unresolved (
  child TEXT NOT NULL, raw TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (child, raw)) WITHOUT ROWID;
CREATE TABLE imports (
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('import', 'crawl')), source TEXT NOT NULL,
  format TEXT NOT NULL, fingerprint TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'failed')), started_at TEXT NOT NULL,
  finished_at TEXT, position INTEGER NOT NULL DEFAULT 0, cursor TEXT, records INTEGER NOT NULL DEFAULT 0,
  models INTEGER NOT NULL DEFAULT 0, edges INTEGER NOT NULL DEFAULT 0, unresolved INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0, warnings INTEGER NOT NULL DEFAULT 0);
CREATE INDEX imports_fingerprint ON imports (fingerprint, status);
CREATE TABLE import_problems (
  import_id INTEGER NOT NULL REFERENCES imports (id), position INTEGER NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('skipped', 'warning')), message TEXT NOT NULL,
  PRIMARY KEY (import_id, position, message)) WITHOUT ROWID;
CREATE TABLE metrics (
  id TEXT PRIMARY KEY, generation INTEGER NOT NULL, descendants INTEGER NOT NULL, children INTEGER NOT NULL,
  pagerank REAL NOT NULL, subtree_downloads INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE crawl_tasks (
  import_id INTEGER NOT NULL REFERENCES imports (id),
  kind TEXT NOT NULL CHECK (kind IN ('author', 'children', 'info')), target TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'missing')), next_url TEXT, seq INTEGER NOT NULL,
  PRIMARY KEY (import_id, kind, target)) WITHOUT ROWID;
INSERT INTO meta VALUES ('schema_version', '1'), ('data_version', '7');
INSERT INTO models (id, author, downloads, placeholder) VALUES ('org/base', 'org', 12, 0), ('org/tune', 'org', NULL, 0);
INSERT INTO edges VALUES ('org/tune', 'org/base', 'finetune', 'file', 'org/base');
INSERT INTO unresolved VALUES ('org/tune', '"N/A"', 'placeholder');
INSERT INTO imports VALUES
  (1, 'import', '/data/edges.csv', 'edges-csv', 'abc123', 'complete', '2026-01-01T00:00:00Z', '2026-01-01T00:00:05Z',
   2, NULL, 2, 2, 1, 1, 0, 1),
  (2, 'crawl', 'http://127.0.0.1:7860', 'family', 'family:org/base', 'running', '2026-01-02T00:00:00Z', NULL,
   3, NULL, 4, 4, 1, 0, 1, 0),
  (3, 'crawl', 'http://127.0.0.1:7860', 'all', 'all', 'complete', '2026-01-03T00:00:00Z', '2026-01-03T00:01:00Z',
   5, NULL, 9, 9, 2, 0, 0, 0);
INSERT INTO import_problems VALUES (1, 1, 'warning', 'org/tune: a warning'),
  (2, -1, 'warning', 'x: not on the Hub (404)');
INSERT INTO crawl_tasks VALUES (2, 'children', 'org/base', 'pending', 'http://127.0.0.1:7860/api/models?cursor=2', 0),
  (2, 'info', 'org/base', 'done', NULL, 1);
`;

function versionOneDatabase(name: string): string {
  const path = join(folder, name);
  const db = new Database(path);
  db.exec(VERSION_1_SQL);
  db.close();
  return path;
}

describe("a schema version 1 database", () => {
  it("is migrated to runs, run_problems and crawl_tasks with every row kept", () => {
    const store = openStore(versionOneDatabase("v1.db"));
    const db = connectionOf(store);
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).pluck().get()).toBe("6");
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'data_version'`).pluck().get()).toBe("7");
    expect(
      db
        .prepare(
          `SELECT id, kind, source, format, fingerprint, crawl_mode, scope, status, records_read, pages_read, next_url,
                  records, skipped FROM runs ORDER BY id`,
        )
        .raw()
        .all(),
    ).toEqual([
      [1, "import", "/data/edges.csv", "edges-csv", "abc123", null, null, "complete", 2, 0, null, 2, 0],
      // A crawl's records read: its records and skipped ones (4 + 1); its pages: the old position.
      [2, "crawl", "http://127.0.0.1:7860", null, null, "family", "family:org/base", "running", 5, 3, null, 4, 1],
      [3, "crawl", "http://127.0.0.1:7860", null, null, "all", "all", "complete", 9, 5, null, 9, 0],
    ]);
    expect(db.prepare(`SELECT * FROM run_problems ORDER BY run_id, position`).raw().all()).toEqual([
      [1, 1, "warning", "org/tune: a warning"],
      [2, -1, "warning", "x: not on the Hub (404)"],
    ]);
    expect(db.prepare(`SELECT * FROM crawl_tasks ORDER BY seq`).raw().all()).toEqual([
      [2, "children", "org/base", "pending", "http://127.0.0.1:7860/api/models?cursor=2", 0],
      [2, "info", "org/base", "done", null, 1],
    ]);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual([
      "author_kinds",
      "changed_models",
      "crawl_tasks",
      "edges",
      "lineage_index",
      "meta",
      "model_details",
      "models",
      "renames",
      "run_problems",
      "runs",
      "unresolved",
    ]);
    expect(lineageRows(store)).toEqual({
      models: [
        ["org/base", "org", null, null, 12, null, null, null, null, null, null, 0, null],
        ["org/tune", "org", null, null, null, null, null, null, null, null, null, 0, null],
      ],
      edges: [["org/tune", "org/base", "finetune", "file", "org/base"]],
      unresolved: [["org/tune", '"N/A"', "placeholder"]],
    });
    // The node numbers are the version 1 rowids, in insertion order.
    expect(db.prepare(`SELECT node, id FROM models ORDER BY node`).raw().all()).toEqual([
      [1, "org/base"],
      [2, "org/tune"],
    ]);
    expect(db.prepare(`SELECT tbl_name FROM sqlite_master WHERE name = 'models_id_nocase'`).pluck().get()).toBe(
      "models",
    );
    expect(db.pragma("foreign_key_check")).toEqual([]);
    store.close();
  });

  it("is refused read-only with a message saying how to migrate it, and left as it was", () => {
    const path = versionOneDatabase("v1-readonly.db");
    expect(() => openStore(path, { readonly: true })).toThrow(
      `store: "${path}" has schema version 1; open it once for writing to migrate it to 6`,
    );
    const db = new Database(path, { readonly: true });
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).pluck().get()).toBe("1");
    db.close();
  });
});

// Version 5 is version 6 without model_details' counts by dtype, gguf context length and expert counts
// (src/store/schema.ts at version 5).
const VERSION_5_SQL = SCHEMA_SQL.replace(/,\n {2}-- Schema version 6:[\s\S]*?experts_per_token +INTEGER\n\);/, "\n);");

// Version 4 is version 5 without author_kinds, with the models' trigger blind to licences and none on model_details
// (src/store/schema.ts at version 4).
const VERSION_4_SQL = VERSION_5_SQL.replace(/CREATE TABLE IF NOT EXISTS author_kinds \([^;]*?\n\) WITHOUT ROWID;\n/, "")
  .replace(/CREATE TRIGGER IF NOT EXISTS details_\w+ AFTER [\s\S]*?\nEND;\n/g, "")
  .replace("created_at, license ON models", "created_at ON models")
  .replace(" OR OLD.license IS NOT NEW.license", "");

// Version 3 is version 4 with the per-model metrics table and without renames (src/store/schema.ts at version 3).
const VERSION_3_SQL =
  VERSION_4_SQL.replace(/CREATE TABLE IF NOT EXISTS renames \([^;]*?\n\) WITHOUT ROWID;\n/, "") +
  `CREATE TABLE IF NOT EXISTS metrics (
  id TEXT PRIMARY KEY, generation INTEGER NOT NULL, descendants INTEGER NOT NULL, children INTEGER NOT NULL,
  pagerank REAL NOT NULL, subtree_downloads INTEGER NOT NULL) WITHOUT ROWID;`;

// Version 2 is version 3 without model_details, changed_models and its triggers (src/store/schema.ts at version 2).
const VERSION_2_SQL = VERSION_3_SQL.replace(/CREATE TABLE IF NOT EXISTS model_details \([^;]*?\n\);\n/, "")
  .replace(/CREATE TABLE IF NOT EXISTS changed_models \([^;]*?\n\);\n/, "")
  .replace(/CREATE TRIGGER IF NOT EXISTS \w+ AFTER [\s\S]*?\nEND;\n/g, "");
const VERSION_2_ROWS = `
INSERT INTO meta VALUES ('schema_version', '2'), ('data_version', '4');
INSERT INTO models (node, id, author, downloads, license, placeholder) VALUES
  (3, 'google/gemma-7b', 'google', 12, 'gemma', 0), (5, 'org/tune', 'org', NULL, NULL, 0);
INSERT INTO edges VALUES ('org/tune', 'google/gemma-7b', 'finetune', 'tag', 'base_model:finetune:google/gemma-7b');
INSERT INTO runs (id, kind, source, format, fingerprint, status, started_at, records_read, records, models, edges)
  VALUES (1, 'import', '/data/trees.json', 'family-trees', 'abc', 'complete', '2026-01-01T00:00:00Z', 2, 2, 2, 1);
INSERT INTO lineage_index VALUES (4, 'header', x'00');
INSERT INTO metrics VALUES ('google/gemma-7b', 0, 1, 1, 0.5, 12);
`;

describe("a schema version 2 database", () => {
  it("gains model_details and changed_models, every row kept, its stored index dropped, and fills both", () => {
    const path = join(folder, "v2.db");
    const raw = new Database(path);
    raw.exec(VERSION_2_SQL + VERSION_2_ROWS);
    const missing =
      "SELECT count(*) FROM sqlite_master WHERE name IN ('model_details', 'changed_models') OR type = 'trigger'";
    expect(raw.prepare(missing).pluck().get()).toBe(0);
    raw.close();
    const store = openStore(path);
    const db = connectionOf(store);
    expect(db.prepare(`SELECT value FROM meta ORDER BY key`).pluck().all()).toEqual(["4", "6"]);
    expect(db.prepare(`SELECT node, id, downloads, license FROM models ORDER BY node`).raw().all()).toEqual([
      [3, "google/gemma-7b", 12, "gemma"],
      [5, "org/tune", null, null],
    ]);
    expect(db.prepare(`SELECT count(*) FROM edges`).pluck().get()).toBe(1);
    expect(db.prepare(`SELECT id, format, status FROM runs`).raw().all()).toEqual([[1, "family-trees", "complete"]]);
    // Changes made before the triggers existed are not listed: the next index is built whole.
    expect(db.prepare(`SELECT count(*) FROM lineage_index`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM changed_models`).pluck().get()).toBe(0);
    // The metrics table goes with version 4: the lineage index holds them.
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'metrics'`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM model_details`).pluck().get()).toBe(0);
    createRowWriter(store).write({
      model: { ...emptyModelRow("org/tune"), license: "mit" },
      details: { ...emptyDetails, tags: ["license:mit"], cardLicense: "mit" },
      existing: [],
      edges: [],
      unresolved: [],
      replacesDeclaredBasesOf: null,
      warnings: [],
    });
    expect(db.prepare(`SELECT node, tags, card_license FROM model_details`).raw().all()).toEqual([
      [5, '["license:mit"]', "mit"],
    ]);
    expect(db.pragma("foreign_key_check")).toEqual([]);
    // From now on every write that the lineage index reads is recorded, by node number: the record above gave
    // org/tune its licence and its details; likes are not in the index.
    const changed = () => db.prepare(`SELECT node FROM changed_models ORDER BY node`).pluck().all();
    expect(changed()).toEqual([5]);
    db.exec(`DELETE FROM changed_models;
             UPDATE models SET downloads = 13 WHERE id = 'google/gemma-7b';
             UPDATE models SET likes = 1, downloads = NULL WHERE id = 'org/tune';
             INSERT INTO models (id) VALUES ('org/new');`);
    expect(changed()).toEqual([3, 6]);
    db.exec(`DELETE FROM edges WHERE child = 'org/tune'`);
    expect(changed()).toEqual([3, 5, 6]);
    store.close();
  });
});

const VERSION_3_ROWS = `
INSERT INTO meta VALUES ('schema_version', '3'), ('data_version', '9'), ('metrics_data_version', '9');
INSERT INTO models (node, id, author, downloads, placeholder) VALUES
  (1, 'google/gemma-7b', 'google', 12, 0), (2, 'org/tune', 'org', NULL, 0), (4, 'ghost/base', 'ghost', NULL, 1);
INSERT INTO model_details (node, tags) VALUES (1, '["license:gemma"]');
INSERT INTO edges VALUES ('org/tune', 'google/gemma-7b', 'finetune', 'tag', 'base_model:finetune:google/gemma-7b'),
  ('org/tune', 'ghost/base', 'merge', 'card', 'ghost/base');
INSERT INTO unresolved VALUES ('org/tune', 'N/A', 'placeholder-text');
INSERT INTO runs (id, kind, source, crawl_mode, scope, status, started_at, pages_read, records)
  VALUES (1, 'crawl', 'http://127.0.0.1:7860', 'family', 'family:org/tune', 'complete', '2026-01-01T00:00:00Z', 3, 3);
INSERT INTO run_problems VALUES (1, -1, 'warning', 'ghost/base: named as a base model, but the Hub has no such model');
INSERT INTO crawl_tasks VALUES (1, 'info', 'ghost/base', 'missing', NULL, 0);
INSERT INTO lineage_index VALUES (9, 'header', x'00');
INSERT INTO metrics VALUES ('google/gemma-7b', 0, 1, 1, 0.5, 12);
`;

describe("a schema version 3 database", () => {
  it("gains renames and loses metrics and its stored index, every other row kept", () => {
    const path = join(folder, "v3.db");
    const raw = new Database(path);
    raw.exec(VERSION_3_SQL + VERSION_3_ROWS);
    const tablesOf = (db: Database.Database) =>
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    const before = tablesOf(raw);
    const keptTables = before.filter((name) => name !== "metrics" && name !== "lineage_index" && name !== "meta");
    // The columns each table had (version 6 adds columns to model_details, empty in the rows kept).
    const columns = Object.fromEntries(
      keptTables.map((name) => [name, raw.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name)]),
    );
    const rowsOf = (db: Database.Database) =>
      Object.fromEntries(
        keptTables.map((name) => [
          name,
          db
            .prepare(`SELECT ${(columns[name] as string[]).join(", ")} FROM ${name}`)
            .raw()
            .all(),
        ]),
      );
    const kept = rowsOf(raw);
    raw.close();
    const store = openStore(path);
    const db = connectionOf(store);
    expect(tablesOf(db)).toEqual([...before.filter((name) => name !== "metrics"), "author_kinds", "renames"].sort());
    expect(rowsOf(db)).toEqual(kept);
    // By table in name order: the three models in changed_models (the triggers wrote them), then the rows above.
    expect(Object.values(kept).map((rows) => rows.length)).toEqual([3, 1, 2, 1, 3, 1, 1, 1]);
    expect(db.prepare(`SELECT key, value FROM meta ORDER BY key`).raw().all()).toEqual([
      ["data_version", "9"],
      ["schema_version", "6"],
    ]);
    expect(db.prepare(`SELECT count(*) FROM lineage_index`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM renames`).pluck().get()).toBe(0);
    expect(db.pragma("foreign_key_check")).toEqual([]);
    store.close();
  });
});

const VERSION_4_ROWS = `
INSERT INTO meta VALUES ('schema_version', '4'), ('data_version', '6');
INSERT INTO models (node, id, author, license, placeholder) VALUES
  (1, 'google/gemma-7b', 'google', 'gemma', 0), (2, 'org/tune', 'org', NULL, 0);
INSERT INTO model_details (node, tags, license_name) VALUES (2, '[]', NULL);
INSERT INTO lineage_index VALUES (6, 'header', x'00');
DELETE FROM changed_models;
`;

describe("a schema version 4 database", () => {
  it("counts a changed licence or licence name as a change, gains author_kinds, keeps its rows, not its index", () => {
    const path = join(folder, "v4.db");
    const raw = new Database(path);
    raw.exec(VERSION_4_SQL + VERSION_4_ROWS);
    raw.exec(`UPDATE models SET license = 'mit' WHERE node = 1`);
    expect(raw.prepare(`SELECT count(*) FROM changed_models`).pluck().get()).toBe(0);
    expect(raw.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'author_kinds'`).pluck().get()).toBe(0);
    raw.close();
    const store = openStore(path);
    const db = connectionOf(store);
    expect(db.prepare(`SELECT value FROM meta ORDER BY key`).pluck().all()).toEqual(["6", "6"]);
    expect(db.prepare(`SELECT node, license FROM models ORDER BY node`).raw().all()).toEqual([
      [1, "mit"],
      [2, null],
    ]);
    expect(db.prepare(`SELECT count(*) FROM lineage_index`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM author_kinds`).pluck().get()).toBe(0);
    const changed = () => db.prepare(`SELECT node FROM changed_models ORDER BY node`).pluck().all();
    db.exec(`UPDATE models SET license = 'apache-2.0' WHERE node = 1`);
    expect(changed()).toEqual([1]);
    db.exec(`UPDATE model_details SET license_name = 'my-licence' WHERE node = 2`);
    expect(changed()).toEqual([1, 2]);
    // Written again as it was: no change.
    db.exec(`DELETE FROM changed_models; UPDATE models SET license = 'apache-2.0' WHERE node = 1;
             UPDATE model_details SET license_name = 'my-licence' WHERE node = 2`);
    expect(changed()).toEqual([]);
    store.close();
  });
});

const VERSION_5_ROWS = `
INSERT INTO meta VALUES ('schema_version', '5'), ('data_version', '8');
INSERT INTO models (node, id, author, downloads, license, placeholder) VALUES
  (1, 'google/gemma-7b', 'google', 12, 'gemma', 0), (2, 'org/tune', 'org', NULL, NULL, 0);
INSERT INTO model_details (node, tags, gguf_total, gguf_architecture, safetensors_total, model_type)
  VALUES (1, '["gguf"]', 8538074112, 'gemma', 8537680896, 'gemma'), (2, '[]', NULL, NULL, NULL, NULL);
INSERT INTO edges VALUES ('org/tune', 'google/gemma-7b', 'finetune', 'tag', 'base_model:finetune:google/gemma-7b');
INSERT INTO author_kinds VALUES ('google', 'org', '2026-01-01T00:00:00Z');
INSERT INTO lineage_index VALUES (8, 'header', x'00');
DELETE FROM changed_models;
`;

describe("a schema version 5 database", () => {
  it("gains the counts by dtype, gguf context length and expert counts, unknown in every row kept, index kept", () => {
    const path = join(folder, "v5.db");
    const raw = new Database(path);
    raw.exec(VERSION_5_SQL + VERSION_5_ROWS);
    const columnsOf = (db: Database.Database) =>
      db.prepare(`SELECT name FROM pragma_table_info('model_details')`).pluck().all() as string[];
    const before = columnsOf(raw);
    expect(before).not.toContain("experts");
    const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    const rowsOf = (db: Database.Database) =>
      Object.fromEntries(
        (tables as string[]).map((name) => [
          name,
          db
            .prepare(`SELECT ${name === "model_details" ? before.join(", ") : "*"} FROM ${name}`)
            .raw()
            .all(),
        ]),
      );
    const kept = rowsOf(raw);
    raw.close();
    const store = openStore(path);
    const db = connectionOf(store);
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).pluck().get()).toBe("6");
    expect(columnsOf(db)).toEqual([
      ...before,
      "safetensors_parameters",
      "gguf_context_length",
      "experts",
      "experts_per_token",
    ]);
    // Every row of every table as it was, meta's version aside; the lineage index reads none of the new columns.
    const after = rowsOf(db);
    expect({ ...after, meta: [] }).toEqual({ ...kept, meta: [] });
    expect(db.prepare(`SELECT count(*) FROM lineage_index`).pluck().get()).toBe(1);
    expect(
      db
        .prepare(
          `SELECT count(*) FROM model_details WHERE safetensors_parameters IS NULL AND gguf_context_length IS NULL
             AND experts IS NULL AND experts_per_token IS NULL`,
        )
        .pluck()
        .get(),
    ).toBe(2);
    // The next record of a model fills them in; a record without them keeps what is known.
    const writer = createRowWriter(store);
    const record = (details: Partial<ModelDetailsRow>) => ({
      model: emptyModelRow("google/gemma-7b"),
      details: { ...emptyDetails, ...details },
      existing: [],
      edges: [],
      unresolved: [],
      replacesDeclaredBasesOf: null,
      warnings: [],
    });
    writer.write(record({ safetensorsParameters: { BF16: 8537680896 }, ggufContextLength: 8192, experts: 8 }));
    writer.write(record({ expertsPerToken: 2 }));
    expect(
      db
        .prepare(
          `SELECT safetensors_total, safetensors_parameters, gguf_context_length, experts, experts_per_token
           FROM model_details WHERE node = 1`,
        )
        .raw()
        .get(),
    ).toEqual([8537680896, '{"BF16":8537680896}', 8192, 8, 2]);
    // Details that the lineage index does not read mark no model as changed.
    expect(db.prepare(`SELECT count(*) FROM changed_models`).pluck().get()).toBe(0);
    store.close();
  });
});

describe("a database of a newer schema", () => {
  it("is refused with a message and not touched", () => {
    const path = join(folder, "v9.db");
    const db = new Database(path);
    db.exec(
      `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('schema_version', '9');`,
    );
    db.close();
    expect(() => openStore(path)).toThrow(
      `store: "${path}" has schema version 9, newer than this hf-lineage reads (6); ` +
        "upgrade hf-lineage or use another database",
    );
    const after = new Database(path, { readonly: true });
    expect(after.pragma("journal_mode", { simple: true })).toBe("delete");
    expect(after.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).pluck().get()).toBe("9");
    after.close();
  });
});
