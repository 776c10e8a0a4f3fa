// What bounds a bulk import's writing: the same edge list written three ways by SQL of the batch writer's shape, each
// into a new database, batches of 128,000 rows, then the read indexes built.
// - ids: today's layout. Models numbered by an upsert on their unique id, edges keyed by ids.
// - numbered outside: the reading thread numbers the models (a Map), which are appended, and the unique id index is
//   built once at the end; edges still keyed by ids.
// - node keys: as "numbered outside", and edges keyed by the models' numbers.
// - floor: the least B-tree work these rows can cost, in node keys' tables. Every id is known and sorted before the
//   first write, so models are numbered in id order and both the table and its id index are only appended to, and
//   edges (keyed by numbers) come in key order. No import can write so: nothing could be committed, and so resumed,
//   before the whole file was read, and reading it is itself 5 to 7 s a million rows. Its sort is not timed.
// The rows are staged here, in the writing thread, so each figure is the writing thread's whole work for the layout.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openStore } from "../src/store/open-store.js";
import { writeScaleModel } from "../tools/scale-model/scale-model.js";
import { writeEdgeList } from "./import-files.js";

const BATCH = 128_000;
const rate = (rows: number, seconds: number) => Math.round(rows / seconds).toLocaleString("en-US");
const ROWS = Number(process.env.HF_LINEAGE_IMPORT_ROWS ?? 1_000_000);
/** The batch writer's edge upsert, over a JSON list of `[child, parent, relation, source, raw]`. */
const UPSERT_EDGES =
  "INSERT INTO edges SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?) " +
  "WHERE true ORDER BY value ->> 0, value ->> 1, value ->> 3, key " +
  "ON CONFLICT (child, parent, source) DO UPDATE SET relation = excluded.relation, raw = excluded.raw";

interface Layout {
  name: string;
  tables: string;
  /** Indexes built after the last batch. */
  indexes: string;
  /** Writes one batch of `[child, parent, relation]` rows. */
  writer(db: Database.Database): (rows: string[][]) => void;
}

/** Appends `[node, id, placeholder]` models, as "numbered outside" does. */
const APPEND_MODELS =
  "INSERT INTO models (node, id, placeholder) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)";

const edgesTable = (key: "TEXT" | "INTEGER") =>
  `CREATE TABLE edges (child ${key} NOT NULL, parent ${key} NOT NULL, relation TEXT NOT NULL, source TEXT NOT NULL,
                       raw TEXT NOT NULL, PRIMARY KEY (child, parent, source)) WITHOUT ROWID`;
const READ_INDEXES =
  "CREATE INDEX models_id_nocase ON models (id COLLATE NOCASE); CREATE INDEX edges_parent ON edges (parent)";

/** The models numbered outside SQLite and appended; edges keyed by ids or by the models' numbers. */
function numberedOutside(name: string, nodeKeys: boolean): Layout {
  return {
    name,
    tables: `CREATE TABLE models (node INTEGER PRIMARY KEY, id TEXT NOT NULL, placeholder INTEGER NOT NULL);
             ${edgesTable(nodeKeys ? "INTEGER" : "TEXT")}`,
    indexes: `CREATE UNIQUE INDEX models_id ON models (id); ${READ_INDEXES}`,
    writer(db) {
      const append = db.prepare(APPEND_MODELS);
      const upsert = db.prepare(UPSERT_EDGES);
      const numbers = new Map<string, number>();
      const numberOf = (id: string, placeholder: number, added: unknown[]) => {
        let node = numbers.get(id);
        if (node === undefined) {
          node = numbers.size + 1;
          numbers.set(id, node);
          added.push([node, id, placeholder]);
        }
        return node;
      };
      return (rows) => {
        const added: unknown[] = [];
        const edges = rows.map(([child, parent, relation]) => {
          const parentNode = numberOf(parent as string, 1, added);
          const childNode = numberOf(child as string, 0, added);
          return nodeKeys
            ? [childNode, parentNode, relation, "file", parent]
            : [child, parent, relation, "file", parent];
        });
        const models = JSON.stringify(added);
        const edgeList = JSON.stringify(edges);
        db.transaction(() => {
          append.run(models);
          upsert.run(edgeList);
        })();
      };
    },
  };
}

const LAYOUTS: Layout[] = [
  {
    name: "ids (today)",
    tables: `CREATE TABLE models (node INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, placeholder INTEGER NOT NULL);
             ${edgesTable("TEXT")}`,
    indexes: READ_INDEXES,
    writer(db) {
      const number = db.prepare(
        `INSERT INTO models (id, placeholder) SELECT substr(value, 2), substr(value, 1, 1) = 'p' FROM json_each(?)
         WHERE true ORDER BY key
         ON CONFLICT (id) DO UPDATE SET placeholder = 0 WHERE excluded.placeholder = 0 AND placeholder = 1`,
      );
      const upsert = db.prepare(UPSERT_EDGES);
      return (rows) => {
        const touched = new Set<string>();
        const touches: string[] = [];
        for (const [child, parent] of rows)
          for (const [id, how] of [
            [parent, "p"],
            [child, "e"],
          ] as const)
            if (!touched.has(id as string)) {
              touched.add(id as string);
              touches.push(how + id);
            }
        const touchList = JSON.stringify(touches);
        const edgeList = JSON.stringify(
          rows.map(([child, parent, relation]) => [child, parent, relation, "file", parent]),
        );
        db.transaction(() => {
          number.run(touchList);
          upsert.run(edgeList);
        })();
      };
    },
  },
  numberedOutside("numbered outside", false),
  numberedOutside("node keys", true),
];

/**
 * The floor: every model and edge in key order, in node keys' tables, batches of the same size and SQL. Ids are sorted
 * by UTF-16 code units, which is SQLite's binary order but for ids with characters from U+E000 up (none here).
 */
function writeFloor(rows: string[][], path: string): { writing: number; indexing: number } {
  const node = LAYOUTS.find((layout) => layout.name === "node keys") as Layout;
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("cache_size = -65536");
  db.exec(node.tables);
  const ids = [...new Set(rows.flatMap(([child, parent]) => [child as string, parent as string]))].sort();
  const numbers = new Map(ids.map((id, at) => [id, at + 1]));
  const children = new Set(rows.map(([child]) => child as string));
  const models = ids.map((id, at) => [at + 1, id, children.has(id) ? 0 : 1]);
  const edges = rows
    .map(([child, parent, relation]) => [numbers.get(child as string), numbers.get(parent as string), relation, parent])
    .sort(
      ([childA, parentA], [childB, parentB]) =>
        (childA as number) - (childB as number) || (parentA as number) - (parentB as number),
    )
    .map(([child, parent, relation, raw]) => [child, parent, relation, "file", raw]);
  const started = performance.now();
  const append = db.prepare(APPEND_MODELS);
  const upsert = db.prepare(UPSERT_EDGES);
  for (let at = 0; at < models.length; at += BATCH) append.run(JSON.stringify(models.slice(at, at + BATCH)));
  for (let at = 0; at < edges.length; at += BATCH) upsert.run(JSON.stringify(edges.slice(at, at + BATCH)));
  const written = performance.now();
  db.exec(node.indexes);
  const indexed = performance.now();
  db.close();
  return {
    writing: (written - started) / 1000,
    indexing: (indexed - written) / 1000,
  };
}

function writeWith(layout: Layout, rows: string[][], path: string): { writing: number; indexing: number } {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("cache_size = -65536");
  db.exec(layout.tables);
  const write = layout.writer(db);
  const started = performance.now();
  for (let at = 0; at < rows.length; at += BATCH) write(rows.slice(at, at + BATCH));
  const written = performance.now();
  db.exec(layout.indexes);
  const indexed = performance.now();
  db.close();
  return { writing: (written - started) / 1000, indexing: (indexed - written) / 1000 };
}

export default async function edgeKeysBench(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "hf-lineage-edge-keys-"));
  try {
    const given = process.env.HF_LINEAGE_IMPORT_DB;
    const source = openStore(given ?? join(scratch, "scale.db"), { readonly: given !== undefined });
    if (given === undefined) writeScaleModel(source, { models: 2_700_000 });
    const csv = join(scratch, "edges.csv");
    await writeEdgeList(source, csv, ROWS);
    source.close();
    const rows = readFileSync(csv, "utf8")
      .split("\n")
      .slice(1)
      .filter((line) => line.length > 0)
      .map((line) => line.split(","));
    console.log(`An edge list of ${rows.length.toLocaleString("en-US")} rows (${given ?? "a generated Hub"})`);
    const line = (name: string, writing: number, indexing: number, extra = "") =>
      console.log(
        `  ${name.padEnd(18)} writing ${writing.toFixed(2)} s + indexes ${indexing.toFixed(2)} s = ` +
          `${(writing + indexing).toFixed(2)} s (${rate(rows.length, writing + indexing)} rows/s)${extra}; ` +
          `load average ${loadavg()[0]?.toFixed(1)}`,
      );
    for (const layout of LAYOUTS) {
      const { writing, indexing } = writeWith(layout, rows, join(scratch, `${layout.name.replace(/\W+/g, "-")}.db`));
      line(layout.name, writing, indexing);
    }
    const floor = writeFloor(rows, join(scratch, "floor.db"));
    line("floor", floor.writing, floor.indexing, ", its sort not counted");
    console.log(`  100,000 rows/s would be ${(rows.length / 100_000).toFixed(2)} s for these rows, reading included`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
