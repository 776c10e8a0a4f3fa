// Import at Hub scale: a 1,000,000-row edge list and 1,000,000 Hub JSONL records of the generated Hub, imported
// beside the row writer record by record, a bare prepared insert of the parsed rows (into tables keyed alone, and with
// models numbered as ours are), and sqlite3's `.import`.

import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { parse } from "csv-parse";
import { detectEdgeColumns } from "../src/ingest/edges-csv-items.js";
import { itemsOf, type ImportFormat } from "../src/ingest/import-formats.js";
import { openStore } from "../src/store/open-store.js";
import { createRowWriter } from "../src/store/row-writer.js";
import { transaction } from "../src/store/transaction.js";
import { importFile } from "../src/sync/import-file.js";
import { writeScaleModel } from "../tools/scale-model/scale-model.js";
import { writeEdgeList, writeHubJsonl } from "./import-files.js";

/** HF_LINEAGE_IMPORT_ROWS: fewer rows for a quick run; HF_LINEAGE_IMPORT_DB: a scale-model database to read. */
const ROWS = Number(process.env.HF_LINEAGE_IMPORT_ROWS ?? 1_000_000);
/** Enough generated models for 1,000,000 edges (2,500,000 give 932,813). */
const MODELS = 2_700_000;

const count = (value: number) => Math.round(value).toLocaleString("en-US");
const load = () =>
  `load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(" ")} on ${cpus().length} cores`;

/** Fields of a /proc stat line after the command name, or null where there is none (not Linux). */
function statFields(path: string): string[] | null {
  try {
    return readFileSync(path, "utf8").split(") ")[1]?.split(" ") ?? null;
  } catch {
    return null;
  }
}

/**
 * CPU seconds (clock ticks of 10 ms) of this process's main thread, and of the child processes it has waited for;
 * null where /proc is not readable. An import reads its file in a worker thread: the main thread's is the writing.
 */
function mainThreadCpu(): number | null {
  const fields = statFields(`/proc/self/task/${process.pid}/stat`);
  return fields === null ? null : (Number(fields[11]) + Number(fields[12])) / 100;
}
function childrenCpu(): number {
  const fields = statFields("/proc/self/stat");
  return fields === null ? 0 : (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * Starts counting this process's peak resident memory afresh: Linux's clear_refs value 5 resets VmHWM to the present
 * RSS, so the peak read after a run is that run's own. Returns false where it cannot (not Linux).
 */
function resetPeakRss(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** This process's peak resident memory in MB since the last reset, or null where /proc is not readable. */
function peakRssMb(): number | null {
  try {
    const kilobytes = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    return kilobytes === undefined ? null : Number(kilobytes) / 1024;
  } catch {
    return null;
  }
}

interface Figure {
  seconds: number;
  /** Peak resident memory of this process during the run in MB (every thread; not of child processes). */
  peakRss: number | null;
  /** CPU seconds of the whole process (every thread) and of the child processes it ran. */
  cpu: number;
  /** CPU seconds of the main thread, when readable. */
  mainCpu: number | null;
}

async function measure<T>(run: () => Promise<T> | T): Promise<Figure & { value: T }> {
  global.gc?.();
  const peakCounted = resetPeakRss();
  const cpuBefore = process.cpuUsage();
  const mainBefore = mainThreadCpu();
  const childrenBefore = childrenCpu();
  const started = performance.now();
  const value = await run();
  const cpu = process.cpuUsage(cpuBefore);
  const mainAfter = mainThreadCpu();
  return {
    value,
    seconds: (performance.now() - started) / 1000,
    cpu: (cpu.user + cpu.system) / 1e6 + childrenCpu() - childrenBefore,
    mainCpu: mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore,
    peakRss: peakCounted ? peakRssMb() : null,
  };
}

/**
 * Prints a figure: rows/s, wall and CPU time, rows per CPU second, and the ratio to ours. `ours` gives our import's
 * rate (for the peers); `writingThread`: ours, whose file is read by a worker thread, so the main thread's share is
 * printed too (the least wall time with two free cores).
 */
function report(
  label: string,
  rows: number,
  figure: Figure,
  { ours, writingThread = false }: { ours?: number; writingThread?: boolean } = {},
): number {
  const rate = rows / figure.seconds;
  const main =
    !writingThread || figure.mainCpu === null
      ? ""
      : `, of it the writing thread ${figure.mainCpu.toFixed(1)} s: ${count(rows / figure.mainCpu)} rows/s`;
  console.log(
    `  ${label.padEnd(46)} ${count(rate).padStart(9)} rows/s  (${figure.seconds.toFixed(1)} s, CPU ` +
      `${figure.cpu.toFixed(1)} s${main}, ${count(rows / figure.cpu)} rows per CPU second` +
      `${figure.peakRss === null ? "" : `, peak RSS ${count(figure.peakRss)} MB`}` +
      `${ours === undefined ? "" : `; ours / this: ${(ours / rate).toFixed(2)}x`})`,
  );
  return rate;
}

/** The previous save path: every record written by itself, 2,000 records a transaction, no run bookkeeping. */
async function rowByRow(path: string, format: ImportFormat, dbPath: string): Promise<number> {
  const store = openStore(dbPath);
  const writer = createRowWriter(store);
  const columns = format === "edges-csv" ? await detectEdgeColumns(path) : undefined;
  let pending: Parameters<typeof writer.write>[0][] = [];
  let records = 0;
  const flush = () => transaction(store, () => pending.forEach((rows) => writer.write(rows)));
  for await (const item of itemsOf(path, format, columns)) {
    if (!("rows" in item)) continue;
    pending.push(item.rows);
    records++;
    if (pending.length === 2000) {
      flush();
      pending = [];
    }
  }
  flush();
  store.close();
  return records;
}

/**
 * How a bare insert lays out its tables. `keyed`: each table by its key alone. `numbered`: the least our schema writes
 * for a row, models numbered (an integer key) and found by id (a unique index), every model an edge names, parents too.
 */
type BareLayout = "keyed" | "numbered";

const BARE_TABLES: Record<BareLayout, string> = {
  keyed: `CREATE TABLE edges (child TEXT, parent TEXT, relation TEXT, PRIMARY KEY (child, parent)) WITHOUT ROWID;
          CREATE TABLE models (id TEXT PRIMARY KEY, downloads INTEGER, created_at TEXT) WITHOUT ROWID`,
  numbered: `CREATE TABLE edges (child TEXT, parent TEXT, relation TEXT, PRIMARY KEY (child, parent)) WITHOUT ROWID;
             CREATE TABLE models (node INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, downloads INTEGER,
                                  created_at TEXT)`,
};

/** The bare insert: parse, and insert each row by a prepared statement into a bare layout, one transaction. */
async function bareInsert(path: string, format: ImportFormat, dbPath: string, layout: BareLayout): Promise<number> {
  const db = new Database(dbPath);
  db.pragma("journal_mode = WAL");
  db.exec(BARE_TABLES[layout]);
  const numbered = layout === "numbered";
  const insertEdge = db.prepare(`INSERT OR IGNORE INTO edges VALUES (?, ?, ?)`);
  const insertModel = db.prepare(`INSERT OR IGNORE INTO models (id, downloads, created_at) VALUES (?, ?, ?)`);
  const edge = (child: string, parent: string, relation: string | undefined) => {
    if (numbered) insertModel.run(parent, null, null);
    insertEdge.run(child, parent, relation);
  };
  let rows = 0;
  db.exec("BEGIN");
  if (format === "edges-csv") {
    for await (const record of createReadStream(path).pipe(parse({ columns: true })) as AsyncIterable<
      Record<string, string>
    >) {
      if (numbered) insertModel.run(record.child, null, null);
      edge(record.child as string, record.parent as string, record.relation);
      rows++;
    }
  } else {
    for await (const line of createInterface({ input: createReadStream(path) })) {
      const record = JSON.parse(line) as { id: string; downloads: number; createdAt: string; tags: string[] };
      insertModel.run(record.id, record.downloads, record.createdAt);
      for (const tag of record.tags) {
        const typed = /^base_model:[a-z]+:(.*)$/.exec(tag);
        if (typed !== null) edge(record.id, typed[1] as string, tag.split(":")[1]);
      }
      rows++;
    }
  }
  db.exec("COMMIT");
  db.close();
  return rows;
}

export default async function importBench(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "hf-lineage-import-bench-"));
  try {
    const given = process.env.HF_LINEAGE_IMPORT_DB;
    const source = openStore(given ?? join(scratch, "scale.db"), { readonly: given !== undefined });
    if (given === undefined) writeScaleModel(source, { models: MODELS });
    const edgesCsv = join(scratch, "edges.csv");
    const hubJsonl = join(scratch, "models.jsonl");
    const edgeRows = await writeEdgeList(source, edgesCsv, ROWS);
    const records = await writeHubJsonl(source, hubJsonl, ROWS);
    source.close();
    console.log(
      `Generated Hub (${given ?? `${count(MODELS)} models`}): an edge list of ${count(edgeRows)} rows and ` +
        `${count(records)} Hub JSONL records (the first models by creation, with their tags and card)`,
    );
    console.log(`Before: ${load()}`);
    for (const [label, path, format, rows] of [
      ["edge list", edgesCsv, "edges-csv", edgeRows],
      ["Hub JSONL", hubJsonl, "hub-json", records],
    ] as const) {
      console.log(`${label}, ${count(rows)} rows:`);
      const store = openStore(join(scratch, `ours-${format}.db`));
      const ours = await measure(() => importFile(store, path));
      store.close();
      if (ours.value.records !== rows) throw new Error(`import read ${ours.value.records} of ${rows} rows`);
      const oursRate = report("hf-lineage import", rows, ours, { writingThread: true });
      report(
        "the row writer, record by record",
        rows,
        await measure(() => rowByRow(path, format, join(scratch, `rows-${format}.db`))),
        { ours: oursRate },
      );
      report(
        "bare prepared insert of the parsed rows",
        rows,
        await measure(() => bareInsert(path, format, join(scratch, `bare-${format}.db`), "keyed")),
        { ours: oursRate },
      );
      report(
        "the same, models numbered and found by id",
        rows,
        await measure(() => bareInsert(path, format, join(scratch, `numbered-${format}.db`), "numbered")),
        { ours: oursRate },
      );
      if (format === "edges-csv" && existsSync("/usr/bin/sqlite3")) {
        const peer = join(scratch, "sqlite3-import.db");
        const script =
          `CREATE TABLE edges (child TEXT, parent TEXT, relation TEXT, PRIMARY KEY (child, parent)) WITHOUT ROWID;\n` +
          `.import --csv --skip 1 ${edgesCsv} edges\n`;
        const imported = await measure(() => spawnSync("/usr/bin/sqlite3", [peer], { input: script }));
        if (imported.value.status !== 0) throw new Error(`sqlite3 .import failed: ${String(imported.value.stderr)}`);
        // Its memory is the child's own, not this process's.
        report(
          "sqlite3 .import of the same CSV (own process)",
          rows,
          { ...imported, peakRss: null },
          { ours: oursRate },
        );
      }
      console.log(`  ${load()}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
