// Export speed and peak memory on the real snapshot (all 13 files) and on copies of it ×4, ×16, ×64, ours (streamed
// from SQLite) against graphology-gexf (whole document in one string), each export in its own process.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { importFile } from "../src/sync/import-file.js";
import { openStore, type Store } from "../src/store/open-store.js";
import { connectionOf } from "../src/store/database-handle.js";

const DATA = resolve(process.cwd(), "../shared/data");
const FILES = [
  join(DATA, "lineage-top50k-textgen/edges.csv"),
  join(DATA, "lineage-top50k-textgen/metadata.csv"),
  ...readdirSync(join(DATA, "family-trees-2025-04"))
    .sort()
    .map((file) => join(DATA, "family-trees-2025-04", file)),
];
const LARGEST_FAMILY = "google/gemma-7b";
const MODEL_COLUMNS =
  "author, created_at, last_modified, downloads, likes, library_name, pipeline_tag, license, gated, architecture, " +
  "placeholder, base_model_raw";

interface CaseResult {
  nodes: number;
  edges: number;
  ms: number;
  bytes: number;
  peakRssMB: number;
}

function runCase(db: string, side: "ours" | "peer", format: string, out: string, family?: string): CaseResult | string {
  const args = [
    "--import",
    "tsx",
    "bench/export-case.ts",
    db,
    side,
    format,
    out,
    ...(family === undefined ? [] : [family]),
  ];
  const run = spawnSync(process.execPath, ["--max-old-space-size=4096", ...args], { encoding: "utf8" });
  if (run.status !== 0) {
    const reason =
      run.stderr.split("\n").find((line) => /heap out of memory|Invalid string length|RangeError/.test(line)) ??
      run.stderr.split("\n").find((line) => /Error/.test(line));
    return (reason ?? `exit ${run.status ?? run.signal}`).trim().slice(0, 100);
  }
  return JSON.parse(run.stdout.trim().split("\n").at(-1) as string) as CaseResult;
}

/** A scratch database holding `copies` copies of the real one, ids suffixed `~k` after the first. */
function replicate(source: string, target: string, copies: number): void {
  const db: Store = openStore(target);
  connectionOf(db).exec(`ATTACH '${source}' AS src`);
  const suffix = (column: string) => `CASE k WHEN 0 THEN ${column} ELSE ${column} || '~' || k END`;
  const copiesCte = `WITH RECURSIVE copies(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM copies WHERE k + 1 < ${copies})`;
  connectionOf(db).transaction(() => {
    connectionOf(db).exec(
      `${copiesCte} INSERT INTO models (id, ${MODEL_COLUMNS}) ` +
        `SELECT ${suffix("id")}, ${MODEL_COLUMNS} FROM src.models, copies`,
    );
    connectionOf(db).exec(
      `${copiesCte} INSERT INTO edges (child, parent, relation, source, raw) ` +
        `SELECT ${suffix("child")}, ${suffix("parent")}, relation, source, raw FROM src.edges, copies`,
    );
  })();
  db.close();
}

function figures(result: CaseResult | string): string {
  if (typeof result === "string") return result.startsWith("not run") ? result : `failed: ${result}`;
  return (
    `${result.ms.toFixed(0).padStart(7)} ms  ${(result.bytes / 1e6).toFixed(1).padStart(7)} MB out  ` +
    `peak RSS ${result.peakRssMB.toFixed(0).padStart(5)} MB`
  );
}

function ratio(ours: CaseResult | string, peer: CaseResult | string): string {
  if (typeof ours === "string" || typeof peer === "string") return "";
  return (
    `   time ${(peer.ms / ours.ms).toFixed(2)}x, ` +
    `memory ${(peer.peakRssMB / ours.peakRssMB).toFixed(2)}x in our favour`
  );
}

export default async function exportBench(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "hf-lineage-export-bench-"));
  try {
    const real = join(scratch, "real.db");
    const store = openStore(real);
    for (const file of FILES) await importFile(store, file);
    store.close();
    const out = (name: string) => join(scratch, name);

    // The first family export computes and stores the per-model metrics (generation, descendants); later ones read
    // them.
    const familyFirst = runCase(real, "ours", "gexf", out("family.gexf"), LARGEST_FAMILY);
    const familyOurs = runCase(real, "ours", "gexf", out("family.gexf"), LARGEST_FAMILY);
    const familyPeer = runCase(real, "peer", "gexf", out("family-peer.gexf"), LARGEST_FAMILY);
    if (typeof familyOurs !== "string")
      console.log(
        `largest family ${LARGEST_FAMILY}: ${familyOurs.nodes} nodes, ${familyOurs.edges} edges, ` +
          "GEXF 1.3 (both sides build the lineage graph first)",
      );
    console.log(`  ours, 1st run    ${figures(familyFirst)}   (computes and stores metrics)`);
    console.log(`  ours             ${figures(familyOurs)}`);
    console.log(`  graphology-gexf  ${figures(familyPeer)}${ratio(familyOurs, familyPeer)}`);

    console.log(
      "whole database, GEXF 1.3, the real snapshot copied ×1, ×4, ×16, ×64 (ours streams from SQLite; " +
        "the peer builds the graph and one string, and runs out of a 4 GB heap at ×16)",
    );
    const scaled: Record<number, string> = { 1: real };
    for (const copies of [4, 16, 64]) {
      scaled[copies] = join(scratch, `x${copies}.db`);
      replicate(real, scaled[copies] as string, copies);
    }
    for (const copies of [1, 4, 16, 64]) {
      const db = scaled[copies] as string;
      const ours = runCase(db, "ours", "gexf", out(`all-x${copies}.gexf`));
      const peer =
        copies <= 16 ? runCase(db, "peer", "gexf", out(`all-x${copies}-peer.gexf`)) : "not run (it fails at ×16)";
      const size = typeof ours === "string" ? "" : `${ours.nodes} nodes, ${ours.edges} edges`;
      console.log(`  ×${String(copies).padEnd(3)} ${size}`);
      console.log(`    ours             ${figures(ours)}`);
      console.log(`    graphology-gexf  ${figures(peer)}${ratio(ours, peer)}`);
      rmSync(out(`all-x${copies}.gexf`), { force: true });
      rmSync(out(`all-x${copies}-peer.gexf`), { force: true });
    }

    console.log(`every format, whole database ×16 (ours)`);
    for (const format of ["gexf", "gexf-1.2", "graphml", "json", "csv", "parquet"]) {
      const target = out(`x16-${format}`);
      console.log(`  ${format.padEnd(9)} ${figures(runCase(scaled[16] as string, "ours", format, target))}`);
      rmSync(target, { recursive: true, force: true });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
