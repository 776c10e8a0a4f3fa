// `hf-lineage report` at Hub scale, from a cold process (median of 3, peak RSS): the whole report with the five
// largest org families, on the generated Hub (tools/scale-model) with its calibrated details (counts by dtype, read by
// the precision figures, written when the database has none). Beside it, one figure
// computed by SQLite alone from a cold process (downloads concentration: the under-200 and top-200 shares over every
// model), and checked equal. HF_LINEAGE_REPORT_DB names a scale-model database to copy (its index is stored on the
// copy first) instead of generating one of HF_LINEAGE_REPORT_MODELS models (default 2,500,000). `npm run build` first.

import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openIndexedLineage } from "../src/graph/indexed-lineage.js";
import { connectionOf } from "../src/store/database-handle.js";
import { openStore } from "../src/store/open-store.js";
import { writeScaleDetails } from "../tools/scale-model/scale-details.js";
import { writeScaleDtypeCounts } from "../tools/scale-model/scale-dtype-counts.js";
import { writeScaleModel } from "../tools/scale-model/scale-model.js";
import { cold, median, sqlitePeer, type Run } from "./cold-process.js";

const CLI = resolve(process.cwd(), "dist/cli.js");
const shown = (run: Run) =>
  `${(run.ms / 1000).toFixed(2)} s` +
  (run.cpuMs === null ? "" : ` (CPU ${(run.cpuMs / 1000).toFixed(2)} s, ${(run.rssMb ?? 0).toFixed(0)} MB)`);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(" ");

/**
 * The under-200 share and the top-200 share of the 30-day downloads over models with a known figure. SQLite binds
 * `||` tighter than `*` and `/`, so each share is parenthesised before it is joined into the answer's text.
 */
const CONCENTRATION_SQL = `WITH known AS (SELECT downloads FROM models WHERE placeholder = 0 AND downloads IS NOT NULL)
  SELECT ((SELECT count(*) FROM known WHERE downloads < 200) * 1.0 / (SELECT count(*) FROM known)) || ' ' ||
    ((SELECT sum(downloads) FROM (SELECT downloads FROM known ORDER BY downloads DESC LIMIT 200)) * 1.0 /
    (SELECT sum(downloads) FROM known)) || ' ' || @p`;

/**
 * The models by precision, as JSON `{"BF16": n, ...}`: per model, parameters summed by the dtype's name before any
 * underscore, the largest sum (a tie to the first name) winning; written apart from the report's code.
 */
const PRECISION_SQL = `WITH groups AS (
    SELECT d.node, CASE WHEN instr(j.key, '_') > 0 THEN substr(j.key, 1, instr(j.key, '_') - 1) ELSE j.key END AS dtype,
           sum(j.value) AS params
    FROM model_details d JOIN models m ON m.node = d.node, json_each(d.safetensors_parameters) j
    WHERE m.placeholder = 0 AND d.safetensors_parameters IS NOT NULL GROUP BY d.node, dtype),
  best AS (SELECT dtype, params, row_number() OVER (PARTITION BY node ORDER BY params DESC, dtype) AS rank FROM groups)
  SELECT json_group_object(dtype, models) || @p
  FROM (SELECT dtype, count(*) AS models FROM best WHERE rank = 1 AND params > 0 GROUP BY dtype)`;

export default async function reportScaleBench(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "hf-lineage-report-"));
  try {
    const db = join(scratch, "hub.db");
    const source = process.env.HF_LINEAGE_REPORT_DB;
    const started = performance.now();
    if (source !== undefined) copyFileSync(source, db);
    const store = openStore(db);
    if (source === undefined)
      writeScaleModel(store, { models: Number(process.env.HF_LINEAGE_REPORT_MODELS ?? 2_500_000) });
    const sql = connectionOf(store);
    if (sql.prepare(`SELECT count(*) FROM model_details`).pluck().get() === 0) writeScaleDetails(store);
    const dtypeMaps = `SELECT count(*) FROM model_details WHERE safetensors_parameters IS NOT NULL`;
    if (sql.prepare(dtypeMaps).pluck().get() === 0) writeScaleDtypeCounts(store);
    const lineage = openIndexedLineage(store);
    console.log(
      `${lineage.index.models.toLocaleString("en-US")} models ready in ` +
        `${((performance.now() - started) / 1000).toFixed(0)} s; load average ${load()}`,
    );
    store.close();
    const report = median(() => cold(process.execPath, [CLI, "report", "--db", db, "--json", "--largest", "5"]));
    const peer = median(() => sqlitePeer(db, CONCENTRATION_SQL, "-"));
    const precisionPeer = median(() => sqlitePeer(db, PRECISION_SQL, ""));
    const figures = JSON.parse(report.stdout) as {
      families: { query: string; descendants: number }[];
      concentration: { under200Share: number; top200Share: number };
      sizes: { precision: { coverage: { known: number }; byPrecision: Record<string, { models: number }> } };
    };
    const [under200, top200] = peer.stdout.trim().split(" ").map(Number);
    const close = (a: number, b: number | undefined) => b !== undefined && Math.abs(a - b) < 1e-9;
    if (!close(figures.concentration.under200Share, under200) || !close(figures.concentration.top200Share, top200))
      throw new Error(
        `bench: SQLite gives shares ${peer.stdout.trim()}, the report ${JSON.stringify(figures.concentration)}`,
      );
    const precision = figures.sizes.precision;
    const byPrecision = Object.fromEntries(Object.entries(precision.byPrecision).map(([name, g]) => [name, g.models]));
    const sqlPrecision = JSON.parse(precisionPeer.stdout) as Record<string, number>;
    if (JSON.stringify(Object.entries(byPrecision).sort()) !== JSON.stringify(Object.entries(sqlPrecision).sort()))
      throw new Error(
        `bench: SQLite gives precisions ${precisionPeer.stdout.trim()}, the report ${JSON.stringify(byPrecision)}`,
      );
    const families = figures.families.map((family) => `${family.query} ${family.descendants.toLocaleString("en-US")}`);
    console.log(`report --json, the 5 largest org families (${families.join(", ")}): ${shown(report)}`);
    console.log(
      `  precision known for ${precision.coverage.known.toLocaleString("en-US")} models ` +
        `(${JSON.stringify(byPrecision)}); SQLite alone, models by precision (equal): ${shown(precisionPeer)}`,
    );
    console.log(`  SQLite alone, one figure (under-200 and top-200 shares, equal to the report's): ${shown(peer)}`);
    console.log(`load average at the end ${load()}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
