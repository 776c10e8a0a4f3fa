// The SQLite schema, in one place: every table is created here. Bump SCHEMA_VERSION with any change and teach
// migrate-schema.ts to bring the previous version up; a newer database is refused with a message.

export const SCHEMA_VERSION = 6;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS models (
  -- The model's number in the lineage index. Only a rename deletes a model (renames.ts): the largest number may then
  -- be given again, to a new id, which the index reads as a changed model.
  node           INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  author         TEXT,
  created_at     TEXT,
  last_modified  TEXT,
  downloads      INTEGER,
  likes          INTEGER,
  library_name   TEXT,
  pipeline_tag   TEXT,
  license        TEXT,
  gated          TEXT,
  architecture   TEXT,
  placeholder    INTEGER NOT NULL DEFAULT 0 CHECK (placeholder IN (0, 1)),
  base_model_raw TEXT
);
CREATE INDEX IF NOT EXISTS models_id_nocase ON models (id COLLATE NOCASE);
-- The few models the checks list, found without reading the whole table.
CREATE INDEX IF NOT EXISTS models_placeholders ON models (id) WHERE placeholder = 1;
CREATE INDEX IF NOT EXISTS models_base_lists ON models (id) WHERE base_model_raw LIKE '[%';

-- What a model's Hub record tells beyond lineage (schema version 3): one row per model whose record was read, so a
-- model without a row has no known details (a placeholder, or a model known only from an edge list).
CREATE TABLE IF NOT EXISTS model_details (
  node               INTEGER PRIMARY KEY REFERENCES models (node),
  tags               TEXT NOT NULL,  -- JSON list of every tag
  card_license       TEXT,           -- the card's license as written (a list joined with commas)
  license_name       TEXT,
  license_link       TEXT,
  gguf_total         INTEGER,
  gguf_architecture  TEXT,
  safetensors_total  INTEGER,
  model_type         TEXT,
  architectures      TEXT,           -- JSON list
  file_count         INTEGER,
  format_files       TEXT,           -- JSON list of the file names that tell a format (weights, quant/adapter configs)
  downloads_all_time INTEGER,
  -- Schema version 6: the safetensors parameter count per dtype (JSON object, dtype upper-cased -> count), the
  -- context length the .gguf files declare, and the config's expert counts (total experts, experts used per token).
  safetensors_parameters TEXT,
  gguf_context_length    INTEGER,
  experts                INTEGER,
  experts_per_token      INTEGER
);

CREATE TABLE IF NOT EXISTS edges (
  child    TEXT NOT NULL,
  parent   TEXT NOT NULL,
  relation TEXT NOT NULL CHECK (relation IN ('finetune', 'adapter', 'quantized', 'merge', 'unknown')),
  source   TEXT NOT NULL CHECK (source IN ('tag', 'card', 'file')),
  raw      TEXT NOT NULL,
  PRIMARY KEY (child, parent, source)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_parent ON edges (parent);

CREATE TABLE IF NOT EXISTS unresolved (
  child  TEXT NOT NULL,
  raw    TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (child, raw)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS runs (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('import', 'crawl')),
  -- What was read: the file path of an import, the Hub endpoint of a crawl.
  source        TEXT NOT NULL,
  -- Imports: the file's format and the SHA-256 of its content (the same content is imported once).
  format        TEXT,
  fingerprint   TEXT,
  -- Crawls: the mode (all, incremental, family, author) and what it covers (all, incremental, family:ID, author:ORG).
  crawl_mode    TEXT CHECK (crawl_mode IN ('all', 'incremental', 'family', 'author')),
  scope         TEXT,
  status        TEXT NOT NULL CHECK (status IN ('running', 'complete', 'failed')),
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  -- Imports: source records read so far (where a resumed import starts). Crawls: pages committed so far.
  records_read  INTEGER NOT NULL DEFAULT 0,
  pages_read    INTEGER NOT NULL DEFAULT 0,
  -- Listing crawls: the next page's URL, null at the start and at the end.
  next_url      TEXT,
  records       INTEGER NOT NULL DEFAULT 0,
  models        INTEGER NOT NULL DEFAULT 0,
  edges         INTEGER NOT NULL DEFAULT 0,
  unresolved    INTEGER NOT NULL DEFAULT 0,
  skipped       INTEGER NOT NULL DEFAULT 0,
  warnings      INTEGER NOT NULL DEFAULT 0,
  CHECK ((kind = 'import') = (fingerprint IS NOT NULL AND format IS NOT NULL)),
  CHECK ((kind = 'crawl') = (crawl_mode IS NOT NULL AND scope IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS runs_fingerprint ON runs (fingerprint, status);
CREATE INDEX IF NOT EXISTS runs_scope ON runs (scope, source);

CREATE TABLE IF NOT EXISTS run_problems (
  run_id    INTEGER NOT NULL REFERENCES runs (id),
  position  INTEGER NOT NULL,
  level     TEXT NOT NULL CHECK (level IN ('skipped', 'warning')),
  message   TEXT NOT NULL,
  PRIMARY KEY (run_id, position, message)
) WITHOUT ROWID;

-- The work list of a family or org crawl: listings of children or of an org's models, and single lookups.
CREATE TABLE IF NOT EXISTS crawl_tasks (
  run_id    INTEGER NOT NULL REFERENCES runs (id),
  kind      TEXT NOT NULL CHECK (kind IN ('author', 'children', 'info')),
  target    TEXT NOT NULL,
  status    TEXT NOT NULL CHECK (status IN ('pending', 'done', 'missing')),
  next_url  TEXT,
  seq       INTEGER NOT NULL,
  PRIMARY KEY (run_id, kind, target)
) WITHOUT ROWID;

-- The lineage index of one data version: named sections of bytes (typed arrays, JSON), written in one transaction.
CREATE TABLE IF NOT EXISTS lineage_index (
  data_version INTEGER NOT NULL,
  section      TEXT NOT NULL,
  bytes        BLOB NOT NULL,
  PRIMARY KEY (data_version, section)
) WITHOUT ROWID;

-- The models whose rows the lineage index reads (the model's own row, or the edges naming its parents) changed since
-- the stored index was built: the next index is brought up to date from these alone. The triggers below fill it in
-- every write path (with ON CONFLICT, which an upsert firing them cannot override as it would OR IGNORE); it is
-- emptied in the transaction that stores an index.
CREATE TABLE IF NOT EXISTS changed_models (
  node INTEGER PRIMARY KEY
);
CREATE TRIGGER IF NOT EXISTS models_inserted AFTER INSERT ON models BEGIN
  INSERT INTO changed_models (node) VALUES (NEW.node) ON CONFLICT DO NOTHING;
END;
-- Only the columns the lineage index reads (the licence since schema version 5: the index keeps each model's).
CREATE TRIGGER IF NOT EXISTS models_updated AFTER UPDATE OF placeholder, downloads, created_at, license ON models
WHEN OLD.placeholder IS NOT NEW.placeholder OR OLD.downloads IS NOT NEW.downloads
  OR OLD.created_at IS NOT NEW.created_at OR OLD.license IS NOT NEW.license
BEGIN
  INSERT INTO changed_models (node) VALUES (NEW.node) ON CONFLICT DO NOTHING;
END;
-- A record read for the first time, or a new licence name: what a model's declared licence is read from.
CREATE TRIGGER IF NOT EXISTS details_inserted AFTER INSERT ON model_details BEGIN
  INSERT INTO changed_models (node) VALUES (NEW.node) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER IF NOT EXISTS details_updated AFTER UPDATE OF license_name ON model_details
WHEN OLD.license_name IS NOT NEW.license_name
BEGIN
  INSERT INTO changed_models (node) VALUES (NEW.node) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER IF NOT EXISTS edges_inserted AFTER INSERT ON edges BEGIN
  INSERT INTO changed_models (node) SELECT node FROM models WHERE id = NEW.child ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER IF NOT EXISTS edges_updated AFTER UPDATE ON edges WHEN OLD.relation IS NOT NEW.relation BEGIN
  INSERT INTO changed_models (node) SELECT node FROM models WHERE id = NEW.child ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER IF NOT EXISTS edges_deleted AFTER DELETE ON edges BEGIN
  INSERT INTO changed_models (node) SELECT node FROM models WHERE id = OLD.child ON CONFLICT DO NOTHING;
END;

-- Renamed repositories (schema version 4): the old id, the id the Hub now gives it, and when and how that was learned
-- ('hub-redirect': the Hub answered a lookup of the old id with the record of the current one). Both names are one
-- model, stored under the current id; the shipped legacy-id table (src/vocabulary/legacy-ids.ts) is not copied here.
CREATE TABLE IF NOT EXISTS renames (
  old_id     TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
  current_id TEXT NOT NULL,
  learned_at TEXT NOT NULL,
  learned_by TEXT NOT NULL CHECK (learned_by IN ('hub-redirect')),
  run_id     INTEGER REFERENCES runs (id)
) WITHOUT ROWID;

-- Whether an author (the part of model ids before the slash) is an organisation or a user, as the Hub states it
-- (schema version 5): 'org' when /api/organizations/NAME/overview answers, 'user' when /api/users/NAME/overview
-- does, 'neither' when both answer 404 (a deleted account). An author with no row was never looked up: unknown.
CREATE TABLE IF NOT EXISTS author_kinds (
  author     TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
  kind       TEXT NOT NULL CHECK (kind IN ('org', 'user', 'neither')),
  learned_at TEXT NOT NULL
) WITHOUT ROWID;
`;
