// The SQLite schema, in one place. Bump SCHEMA_VERSION with any change; an older database is refused with a
// message rather than silently misread.

export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS models (
  id             TEXT PRIMARY KEY,
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

CREATE TABLE IF NOT EXISTS imports (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('import', 'crawl')),
  source       TEXT NOT NULL,
  format       TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('running', 'complete', 'failed')),
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  position     INTEGER NOT NULL DEFAULT 0,
  cursor       TEXT,
  records      INTEGER NOT NULL DEFAULT 0,
  models       INTEGER NOT NULL DEFAULT 0,
  edges        INTEGER NOT NULL DEFAULT 0,
  unresolved   INTEGER NOT NULL DEFAULT 0,
  skipped      INTEGER NOT NULL DEFAULT 0,
  warnings     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS imports_fingerprint ON imports (fingerprint, status);

CREATE TABLE IF NOT EXISTS import_problems (
  import_id INTEGER NOT NULL REFERENCES imports (id),
  position  INTEGER NOT NULL,
  level     TEXT NOT NULL CHECK (level IN ('skipped', 'warning')),
  message   TEXT NOT NULL,
  PRIMARY KEY (import_id, position, message)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS metrics (
  id                TEXT PRIMARY KEY,
  generation        INTEGER NOT NULL,
  descendants       INTEGER NOT NULL,
  children          INTEGER NOT NULL,
  pagerank          REAL NOT NULL,
  subtree_downloads INTEGER NOT NULL
) WITHOUT ROWID;
`;
