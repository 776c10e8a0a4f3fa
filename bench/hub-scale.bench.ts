// Every question of the command line at Hub scale, from a cold process, on the generated Hub (tools/scale-model) at
// 250K, 500K, 1M and 2.5M models: each the median of 3 runs beside its peers on the same data in the same run (a
// SQLite recursive CTE on the same database from a cold process; DuckDB's CTE over the same edges loaded in memory;
// igraph's BFS, load included, when Debian's python3-igraph is present). Also the index build after new data, the
// index brought up to date after 10,000 changed models and after 100 renames, "did you mean", and `serve` from start
// to its first answers.
// HF_LINEAGE_SCALE_SIZES (comma-separated model counts) replaces the sizes; `npm run build` first.

import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { connectionOf } from "../src/store/database-handle.js";
import { openStore } from "../src/store/open-store.js";
import { beginCrawlRun, createRunWriter } from "../src/store/runs.js";
import { importFile } from "../src/sync/import-file.js";
import { itemOfRecord } from "../src/sync/crawl-session.js";
import { writeScaleModel } from "../tools/scale-model/scale-model.js";
import { cold, median, sqlitePeer, type Run } from "./cold-process.js";

const CLI = resolve(process.cwd(), "dist/cli.js");
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (run: Run) => (run.rssMb === null ? "" : `, ${run.rssMb.toFixed(0)} MB`);

/** Like `cold`, for a command expected to fail (exit 1): its time and its standard error. */
function coldFailure(command: string, args: string[]): Run {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: "utf8" });
  const ms = performance.now() - started;
  if (result.status !== 1) throw new Error(`bench: ${args.join(" ")} should fail, exited ${result.status}`);
  return { ms, cpuMs: null, rssMb: null, stdout: result.stderr };
}

/** Starts `serve` on the database and times its answers to `paths`, each from the moment the process started. */
async function serveTimes(db: string, paths: string[]): Promise<{ path: string; ms: number; bytes: number }[]> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const server = spawn(process.execPath, [CLI, "serve", "--db", db, "--port", String(port)], { stdio: "ignore" });
  try {
    for (;;) {
      try {
        await fetch(`http://127.0.0.1:${port}/api/stats`);
        break;
      } catch {
        await new Promise((wake) => setTimeout(wake, 50));
      }
    }
    const times = [{ path: "listening", ms: performance.now() - started, bytes: 0 }];
    for (const path of paths) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      const body = await response.arrayBuffer();
      if (!response.ok) throw new Error(`bench: serve ${path} answered ${response.status}`);
      times.push({ path, ms: performance.now() - started, bytes: body.byteLength });
    }
    return times;
  } finally {
    server.kill();
  }
}

/**
 * 10,000 changed models as an incremental crawl brings them, in the Hub's JSON lines: half of them existing models
 * saved again with new downloads (their base unchanged), half new models quantized from existing ones.
 */
function changedModels(file: string, edges: string[][]): void {
  const step = Math.max(1, Math.floor(edges.length / 5000));
  const picked = edges.filter((_row, i) => i % step === 0).slice(0, 5000);
  const again = picked.map(([child, parent], i) => ({
    id: child,
    downloads: 1000 + i,
    tags: [`base_model:finetune:${parent}`],
  }));
  const added = picked.map(([, parent], i) => ({
    id: `crawled/new-${i}`,
    downloads: i,
    createdAt: "2026-11-30T00:00:00.000Z",
    tags: [`base_model:quantized:${parent}`],
  }));
  writeFileSync(file, [...again, ...added].map((record) => JSON.stringify(record)).join("\n") + "\n");
}

/**
 * Renames as a crawl learns them from the Hub's redirects: each of `count` models with a base, spread over the
 * edges, is looked up and answered with the record of a new id, which the crawl stores, then folds the old id into.
 */
function learnRenames(db: string, edges: string[][], count: number): void {
  const store = openStore(db);
  try {
    const step = Math.max(1, Math.floor(edges.length / count));
    const run = beginCrawlRun(store, { mode: "family", scope: "family:renames", source: "hub" });
    const writer = createRunWriter(store, run);
    for (let i = 0; i < count; i++) {
      const [child, parent] = edges[(i * step + Math.floor(step / 2)) % edges.length] as string[];
      const record = { id: `renamed/model-${i}`, downloads: i, tags: [`base_model:finetune:${parent}`] };
      writer.commit([itemOfRecord(record)], { nextUrl: null }, () => writer.noteRename(child as string, record.id));
    }
    writer.finish("complete");
  } finally {
    store.close();
  }
}

const DOWN = `WITH RECURSIVE below(id) AS (SELECT child FROM edges WHERE parent = @p AND child <> parent
  UNION SELECT e.child FROM edges e JOIN below ON e.parent = below.id WHERE e.child <> e.parent)
  SELECT count(*) FROM below WHERE id <> @p`;
const ORG_DOWN = `WITH RECURSIVE below(id) AS (SELECT child FROM edges WHERE parent >= @p || '/' AND parent < @p || '0'
  UNION SELECT e.child FROM edges e JOIN below ON e.parent = below.id)
  SELECT count(*) FROM below WHERE NOT (id >= @p || '/' AND id < @p || '0')`;
const UP = `WITH RECURSIVE above(id) AS (SELECT parent FROM edges WHERE child = @p AND child <> parent
  UNION SELECT e.parent FROM edges e JOIN above ON e.child = above.id WHERE e.child <> e.parent)
  SELECT count(*) FROM above WHERE id <> @p`;
const CHILDREN = `SELECT count(DISTINCT child) FROM edges WHERE parent = @p AND child <> parent`;

const IGRAPH = `
import sys, time, igraph
rows = [line.rstrip("\\n").split(",") for line in open(sys.argv[1])]
names = {}
edges = [(names.setdefault(p, len(names)), names.setdefault(c, len(names))) for c, p in rows]
g = igraph.Graph(n=len(names), edges=edges, directed=True)
roots = [names[n] for n in sys.argv[2].split("|") if n in names]
seen = set(roots)
for r in roots:
    seen.update(g.subcomponent(r, mode="out"))
print(len(seen) - len(roots))
`;

/** The first python3 that imports igraph (`python3` on PATH, then Debian's), or null. */
function igraphPython(): string | null {
  return (
    ["python3", "/usr/bin/python3"].find((python) => spawnSync(python, ["-c", "import igraph"]).status === 0) ?? null
  );
}

export default async function hubScaleBench(): Promise<void> {
  const sizes = (process.env.HF_LINEAGE_SCALE_SIZES ?? "250000,500000,1000000,2500000").split(",").map(Number);
  const igraph = igraphPython();
  console.log(
    `load average at start ${loadavg()
      .map((value) => value.toFixed(1))
      .join(" ")}; igraph ${igraph === null ? "absent" : "present"}`,
  );
  for (const models of sizes) {
    const scratch = mkdtempSync(join(tmpdir(), "hf-lineage-hub-scale-"));
    try {
      const db = join(scratch, "hub.db");
      const store = openStore(db);
      writeScaleModel(store, { models });
      const sql = connectionOf(store);
      const richest = sql
        .prepare(`SELECT parent FROM edges GROUP BY parent ORDER BY count(*) DESC LIMIT 1`)
        .pluck()
        .get() as string;
      const leaf = sql
        .prepare(`SELECT child FROM edges WHERE child NOT IN (SELECT parent FROM edges) LIMIT 1 OFFSET 1000`)
        .pluck()
        .get() as string;
      const edgesCsv = join(scratch, "edges.csv");
      const lines = sql.prepare(`SELECT child, parent FROM edges WHERE child <> parent`).raw().all() as string[][];
      writeFileSync(edgesCsv, lines.map((row) => row.join(",")).join("\n") + "\n");
      store.close();
      console.log(`\n### ${models.toLocaleString("en-US")} models, load average ${loadavg()[0]!.toFixed(1)}`);

      const build = cold(process.execPath, [CLI, "stats", "--db", db, "--json"]);
      console.log(
        `${"index build + metrics + headline (first command)".padEnd(52)} ${seconds(build.ms)}${megabytes(build)}`,
      );
      const deepest = (
        JSON.parse(
          cold(process.execPath, [CLI, "top", "--by", "descendants", "--limit", "1", "--db", db, "--json"]).stdout,
        ) as {
          models: { id: string }[];
        }
      ).models[0]!.id;
      const deepChild = JSON.parse(
        cold(process.execPath, [CLI, "tree", deepest, "--depth", "3", "--db", db, "--json"]).stdout,
      ) as string[];
      // The model printed deepest in the tree (longest prefix before its relation).
      const treeLine = /^(.*?)[├└]─ [a-z]+: (\S+)/;
      const printed = deepChild.map((line) => treeLine.exec(line)).filter((match) => match !== null);
      const deep = printed.sort((a, b) => b[1]!.length - a[1]!.length)[0]?.[2] ?? leaf;

      const duck = await DuckDBInstance.create(":memory:");
      const connection = await duck.connect();
      await connection.run(
        `CREATE TABLE edges AS SELECT * FROM read_csv('${edgesCsv}', ` +
          "header = false, columns = {'child': 'VARCHAR', 'parent': 'VARCHAR'})",
      );
      const duckCount = async (query: string, parameter: string): Promise<{ ms: number; value: number }> => {
        const times: { ms: number; value: number }[] = [];
        for (let run = 0; run < 3; run++) {
          const started = performance.now();
          const reader = await connection.runAndReadAll(query.replaceAll("@p", `'${parameter.replaceAll("'", "''")}'`));
          times.push({ ms: performance.now() - started, value: Number(reader.getRows()[0]![0]) });
        }
        return times.sort((a, b) => a.ms - b.ms)[1]!;
      };

      const questions: {
        label: string;
        args: string[];
        peer?: { sql: string; parameter: string; count: (json: unknown) => number };
      }[] = [
        {
          label: "family Qwen",
          args: ["family", "Qwen"],
          peer: {
            sql: ORG_DOWN,
            parameter: "Qwen",
            count: (json) => (json as { descendants: { total: number } }).descendants.total,
          },
        },
        {
          label: `family ${richest} (most children)`,
          args: ["family", richest],
          peer: {
            sql: DOWN,
            parameter: richest,
            count: (json) => (json as { descendants: { total: number } }).descendants.total,
          },
        },
        {
          label: "family of a leaf",
          args: ["family", leaf],
          peer: {
            sql: DOWN,
            parameter: leaf,
            count: (json) => (json as { descendants: { total: number } }).descendants.total,
          },
        },
        {
          label: "ancestors of a deep model",
          args: ["ancestors", deep],
          peer: { sql: UP, parameter: deep, count: (json) => (json as { ancestors: unknown[] }).ancestors.length },
        },
        {
          label: "tree (most children) --depth 1",
          args: ["tree", richest, "--depth", "1", "--max-nodes", "1000000"],
          peer: {
            sql: CHILDREN,
            parameter: richest,
            count: (json) => (json as string[]).filter((line) => /^[├└]─ [a-z]+: /.test(line)).length,
          },
        },
        { label: "top --limit 20", args: ["top", "--limit", "20"] },
        { label: "stats", args: ["stats"] },
        { label: "summary", args: ["summary"] },
        { label: "check", args: ["check"] },
      ];
      for (const question of questions) {
        const ours = median(() => cold(process.execPath, [CLI, ...question.args, "--db", db, "--json"]));
        let line = `${question.label.padEnd(52)} ${seconds(ours.ms)}${megabytes(ours)}`;
        if (question.peer !== undefined) {
          const { sql: query, parameter, count } = question.peer;
          const peer = median(() => sqlitePeer(db, query, parameter));
          const mine = count(JSON.parse(ours.stdout));
          if (Number(peer.stdout.trim()) !== mine)
            throw new Error(`bench: ${question.label}: ${mine} against SQLite's ${peer.stdout.trim()}`);
          const duckdb = await duckCount(query, parameter);
          if (duckdb.value !== mine)
            throw new Error(`bench: ${question.label}: ${mine} against DuckDB's ${duckdb.value}`);
          line += ` | SQLite CTE ${seconds(peer.ms)}${megabytes(peer)} (${(peer.ms / ours.ms).toFixed(1)}x ours)`;
          line += ` | DuckDB CTE in memory ${seconds(duckdb.ms)}`;
          if (igraph !== null && question.args[0] === "family") {
            const roots =
              question.args[1] === "Qwen"
                ? lines.map((row) => row[1]!).filter((id) => id.startsWith("Qwen/"))
                : [question.args[1]!];
            const script = join(scratch, "family_by_igraph.py");
            writeFileSync(script, IGRAPH);
            const result = median(() => cold(igraph, [script, edgesCsv, [...new Set(roots)].join("|")]));
            line += ` | igraph load + BFS ${seconds(result.ms)}`;
          }
          line += ` | ${mine.toLocaleString("en-US")} models`;
        }
        console.log(line);
      }
      const typo = `${richest}x`;
      const suggested = median(() => coldFailure(process.execPath, [CLI, "family", typo, "--db", db]));
      if (!suggested.stdout.includes(`"${richest}"`)) throw new Error(`bench: no suggestion of ${richest} for ${typo}`);
      const scan = median(() =>
        sqlitePeer(db, `SELECT count(*) FROM models WHERE id LIKE '%' || @p || '%'`, richest.slice(-6)),
      );
      console.log(
        `${`"did you mean" for ${typo}`.padEnd(52)} ${seconds(suggested.ms)} | ` +
          `one LIKE scan of every id ${seconds(scan.ms)}`,
      );

      for (const { path, ms, bytes } of await serveTimes(db, [
        "/api/search?q=qwen",
        `/api/family?q=${encodeURIComponent(richest)}`,
        "/api/family?q=Qwen",
      ])) {
        const label = path === "listening" ? "serve: listening" : `serve: ${path} answered`;
        console.log(`${label.padEnd(52)} ${seconds(ms)} after start${bytes > 0 ? ` (${bytes} bytes)` : ""}`);
      }

      const changes = join(scratch, "changes.jsonl");
      changedModels(changes, lines);
      const changed = openStore(db);
      await importFile(changed, changes);
      changed.close();
      const update = cold(process.execPath, [CLI, "stats", "--db", db, "--json"]);
      console.log(
        `${"index after 10,000 changed models (first command)".padEnd(52)} ${seconds(update.ms)}${megabytes(update)}` +
          ` | the whole build above ${seconds(build.ms)} (${(build.ms / update.ms).toFixed(1)}x ours)`,
      );
      learnRenames(db, lines, 100);
      const renamed = cold(process.execPath, [CLI, "stats", "--db", db, "--json"]);
      console.log(
        `${"index after 100 learned renames (first command)".padEnd(52)} ${seconds(renamed.ms)}${megabytes(renamed)}` +
          ` | the whole build above ${seconds(build.ms)} (${(build.ms / renamed.ms).toFixed(1)}x ours)`,
      );
      connection.closeSync();
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}
