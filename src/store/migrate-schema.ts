// Brings a database written by an earlier hf-lineage up to the current schema, in one transaction, keeping every
// row, one version at a time. Version 1 kept imports and crawls in `imports` (a crawl's mode in `format`, its scope
// in `fingerprint`) and numbered models only by their implicit rowid. Version 2 had no model_details (the details
// come with the next import or crawl of a model's record) and did not record which models changed since the stored
// lineage index (version 3's `changed_models` and its triggers): its index is rebuilt whole. Version 3 kept per-model
// metrics of the whole graph in `metrics`, which the lineage index holds since, and had no `renames`. Version 4 did not
// count a changed licence or licence name as a change to the lineage index, which keeps each model's licence since. Nor
// had it `author_kinds`. Version 5 did not keep the safetensors counts per dtype, the gguf context length or the
// config's expert counts: they come with the next import or crawl of a model's record (unknown until then).

import type Database from "better-sqlite3";
import { SCHEMA_SQL, SCHEMA_VERSION } from "./schema.js";

const FROM_VERSION_1 = `
INSERT INTO models (node, id, author, created_at, last_modified, downloads, likes, library_name, pipeline_tag, license,
                    gated, architecture, placeholder, base_model_raw)
SELECT rowid, id, author, created_at, last_modified, downloads, likes, library_name, pipeline_tag, license, gated,
       architecture, placeholder, base_model_raw FROM models_v1;
DROP TABLE models_v1;
INSERT INTO runs (id, kind, source, format, fingerprint, crawl_mode, scope, status, started_at, finished_at,
                  records_read, pages_read, next_url, records, models, edges, unresolved, skipped, warnings)
SELECT id, kind, source,
       CASE kind WHEN 'import' THEN format END, CASE kind WHEN 'import' THEN fingerprint END,
       CASE kind WHEN 'crawl' THEN format END, CASE kind WHEN 'crawl' THEN fingerprint END,
       status, started_at, finished_at,
       CASE kind WHEN 'import' THEN position ELSE records + skipped END,
       CASE kind WHEN 'crawl' THEN position ELSE 0 END,
       cursor, records, models, edges, unresolved, skipped, warnings
FROM imports;
INSERT INTO run_problems (run_id, position, level, message)
SELECT import_id, position, level, message FROM import_problems;
`;

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Version 1 to 2: models numbered explicitly, imports and crawls kept as runs. */
function fromVersion1(db: Database.Database): void {
  // Version 1 made crawl_tasks on a database's first family crawl, keyed by import_id: set it aside first.
  const hadTasks = hasTable(db, "crawl_tasks");
  if (hadTasks) db.exec("ALTER TABLE crawl_tasks RENAME TO crawl_tasks_v1");
  // Models get an explicit node number (their rowid so far), which VACUUM can no longer change.
  db.exec("ALTER TABLE models RENAME TO models_v1; DROP INDEX models_id_nocase;");
  db.exec(SCHEMA_SQL);
  db.exec(FROM_VERSION_1);
  if (hadTasks) {
    db.exec(`INSERT INTO crawl_tasks (run_id, kind, target, status, next_url, seq)
               SELECT import_id, kind, target, status, next_url, seq FROM crawl_tasks_v1;
               DROP TABLE crawl_tasks_v1;`);
  }
  db.exec("DROP TABLE import_problems; DROP TABLE imports;");
}

/** Version 2 to 3: model_details, changed_models and its triggers (SCHEMA_SQL creates what is missing). */
function fromVersion2(db: Database.Database): void {
  db.exec(SCHEMA_SQL);
  // Changes made before the triggers existed are not in changed_models: the next index is built whole.
  db.exec("DELETE FROM lineage_index");
}

/**
 * Version 3 to 4: `renames` (SCHEMA_SQL creates it); `metrics`, derived data the lineage index holds, goes. The stored
 * index goes too: its headline figures counted placeholders as roots, and the next one is built whole.
 */
function fromVersion3(db: Database.Database): void {
  db.exec(SCHEMA_SQL);
  db.exec(
    "DROP TABLE IF EXISTS metrics; DELETE FROM meta WHERE key = 'metrics_data_version'; DELETE FROM lineage_index;",
  );
}

/**
 * Version 4 to 5: a changed licence or licence name marks its model as changed (the lineage index keeps each model's
 * licence); the stored index, built without them, goes, and the next one is built whole. `author_kinds` is created
 * empty: every author's kind is unknown until looked up.
 */
function fromVersion4(db: Database.Database): void {
  db.exec("DROP TRIGGER models_updated");
  db.exec(SCHEMA_SQL);
  db.exec("DELETE FROM lineage_index");
}

/** The columns version 6 adds to model_details, with their types. */
const VERSION_6_DETAILS = [
  ["safetensors_parameters", "TEXT"],
  ["gguf_context_length", "INTEGER"],
  ["experts", "INTEGER"],
  ["experts_per_token", "INTEGER"],
] as const;

/**
 * Version 5 to 6: four nullable columns of model_details, empty (unknown) in every row kept. A database migrated from
 * version 1 or 2 got model_details from the current schema already, with them.
 */
function fromVersion5(db: Database.Database): void {
  const present = new Set(db.prepare("SELECT name FROM pragma_table_info('model_details')").pluck().all());
  for (const [column, type] of VERSION_6_DETAILS)
    if (!present.has(column)) db.exec(`ALTER TABLE model_details ADD COLUMN ${column} ${type}`);
}

const STEPS: Record<number, (db: Database.Database) => void> = {
  1: fromVersion1,
  2: fromVersion2,
  3: fromVersion3,
  4: fromVersion4,
  5: fromVersion5,
};

export function migrateSchema(db: Database.Database, fromVersion: number): void {
  db.transaction(() => {
    for (let version = fromVersion; version < SCHEMA_VERSION; version++) {
      const step = STEPS[version];
      if (step === undefined) throw new Error(`store: no migration from schema version ${version}`);
      step(db);
    }
    db.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version'").run(String(SCHEMA_VERSION));
  })();
}
