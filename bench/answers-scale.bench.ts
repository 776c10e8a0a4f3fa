// The answers along the lineage at Hub scale, each from a cold process (median of 3, peak RSS): `quants` of the
// base with the most descendants (directly, and through every relation) and `licenses` of the largest org family,
// on the generated Hub (tools/scale-model) with its calibrated details (scale-details.ts). Beside them, a SQLite
// recursive CTE from a cold process finding the same quantized descendants, and one reading the licence and licence
// name of every model of the same org family. `npm run build` first. Then what the viewer asks for to colour the
// drawn family of that org by licence and list its first findings, beside the whole answer, in one process.
// HF_LINEAGE_ANSWERS_DB names a scale-model database to copy (its details are written when it has none) instead of
// generating one of HF_LINEAGE_ANSWERS_MODELS models (default 2,500,000).

import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { indexOrgFamilies, openIndexedLineage } from "../src/graph/indexed-lineage.js";
import { indexTopModels } from "../src/graph/index-top.js";
import { createApp } from "../src/server/app.js";
import { connectionOf } from "../src/store/database-handle.js";
import { openStore } from "../src/store/open-store.js";
import { writeScaleDetails } from "../tools/scale-model/scale-details.js";
import { writeScaleModel } from "../tools/scale-model/scale-model.js";
import { ID_CHARACTERS_PER_REQUEST, idGroups, IDS_PER_REQUEST } from "../web/drawn-licences.js";
import { cold, median, sqlitePeer, type Run } from "./cold-process.js";

const CLI = resolve(process.cwd(), "dist/cli.js");
const shown = (run: Run) =>
  `${(run.ms / 1000).toFixed(2)} s` +
  (run.cpuMs === null ? "" : ` (CPU ${(run.cpuMs / 1000).toFixed(2)} s, ${(run.rssMb ?? 0).toFixed(0)} MB)`);

/** Quantized models below @p through every relation, as the CTE counts them. */
const QUANTS_CTE = `WITH RECURSIVE below(id) AS (SELECT child FROM edges WHERE parent = @p AND child <> parent
  UNION SELECT e.child FROM edges e JOIN below ON e.parent = below.id WHERE e.child <> e.parent)
  SELECT count(*) FROM below b WHERE b.id <> @p
    AND EXISTS (SELECT 1 FROM edges e WHERE e.child = b.id AND e.relation = 'quantized')`;

/** The org's own models and their descendants, with what their declared licences are read from, by SQLite. */
const LICENCES_CTE = `WITH RECURSIVE family(id) AS (SELECT id FROM models WHERE id LIKE @p || '/%'
  UNION SELECT e.child FROM edges e JOIN family ON e.parent = family.id WHERE e.child <> e.parent)
  SELECT count(*) || ' ' || count(m.license) || ' ' || count(d.license_name) FROM family f
    JOIN models m ON m.id = f.id LEFT JOIN model_details d ON d.node = m.node`;

export default async function answersScaleBench(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "hf-lineage-answers-"));
  try {
    const db = join(scratch, "hub.db");
    const source = process.env.HF_LINEAGE_ANSWERS_DB;
    let started = performance.now();
    if (source !== undefined) copyFileSync(source, db);
    const store = openStore(db);
    if (source === undefined)
      writeScaleModel(store, { models: Number(process.env.HF_LINEAGE_ANSWERS_MODELS ?? 2_500_000) });
    if (connectionOf(store).prepare(`SELECT count(*) FROM model_details`).pluck().get() === 0) writeScaleDetails(store);
    const lineage = openIndexedLineage(store);
    const base = indexTopModels(lineage, "descendants", 1)[0]?.id as string;
    const org = indexOrgFamilies(lineage, 1)[0]?.org as string;
    console.log(
      `${lineage.index.models.toLocaleString("en-US")} models ready in ` +
        `${((performance.now() - started) / 1000).toFixed(0)} s; ` +
        `load average ${loadavg()
          .map((value) => value.toFixed(1))
          .join(" ")}`,
    );
    store.close();
    started = performance.now();
    const direct = median(() => cold(process.execPath, [CLI, "quants", base, "--db", db, "--json"]));
    const all = median(() => cold(process.execPath, [CLI, "quants", base, "--through", "all", "--db", db, "--json"]));
    const cte = median(() => sqlitePeer(db, QUANTS_CTE, base));
    const found = (JSON.parse(all.stdout) as { found: number }).found;
    if (Number(cte.stdout.trim()) !== found)
      throw new Error(`bench: the CTE finds ${cte.stdout.trim()} quantized descendants, quants ${found}`);
    console.log(`quants ${base} (directly): ${shown(direct)}`);
    console.log(`quants ${base} --through all (${found.toLocaleString("en-US")} copies): ${shown(all)}`);
    console.log(`  SQLite recursive CTE, the same copies counted: ${shown(cte)}`);
    const licences = median(() => cold(process.execPath, [CLI, "licenses", org, "--db", db, "--json"]));
    const report = JSON.parse(licences.stdout) as { models: unknown[]; findings: unknown[] };
    console.log(
      `licenses ${org} (${report.models.length.toLocaleString("en-US")} models, ` +
        `${report.findings.length.toLocaleString("en-US")} findings, ` +
        `${(licences.stdout.length / 1e6).toFixed(0)} MB of JSON): ` +
        `${shown(licences)}`,
    );
    const licencesCte = median(() => sqlitePeer(db, LICENCES_CTE, org));
    const familySize = Number(licencesCte.stdout.trim().split(" ")[0]);
    if (familySize !== report.models.length)
      throw new Error(
        `bench: the CTE finds ${familySize} models in the ${org} family, licenses ${report.models.length}`,
      );
    console.log(`  SQLite recursive CTE, the same models' licences read: ${shown(licencesCte)}`);
    await viewerLicences(db, org);
    console.log(`load average at the end ${loadavg()[0]?.toFixed(1)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Bytes and CPU time of answering `paths` one after another (no answer cache: each is computed). */
async function answered(app: ReturnType<typeof createApp>, paths: string[]): Promise<{ bytes: number; cpuMs: number }> {
  const before = process.cpuUsage();
  let bytes = 0;
  for (const path of paths) {
    const response = await app(new Request(`http://localhost${path}`));
    if (response.status !== 200) throw new Error(`bench: ${path} answered ${response.status}`);
    bytes += (await response.arrayBuffer()).byteLength;
  }
  const used = process.cpuUsage(before);
  return { bytes, cpuMs: (used.user + used.system) / 1000 };
}

/** What the viewer asks for to colour the org's drawn family by licence and list its findings, beside the whole. */
async function viewerLicences(db: string, org: string): Promise<void> {
  const store = openStore(db, { readonly: true });
  try {
    const app = createApp({ lineage: openIndexedLineage(store), webRoot: null, cacheSize: 0 });
    const q = encodeURIComponent(org);
    // The opening overview, then the nearest 20,000 members (the most a view draws).
    for (const drawing of ["", "&maxNodes=20000"]) {
      const family = (await (await app(new Request(`http://localhost/api/family?q=${q}${drawing}`))).json()) as {
        graph: { nodes: { key: string; attributes: { fan?: unknown; collapsed?: unknown } }[] };
      };
      const drawn = family.graph.nodes.filter(
        (n) => n.attributes.fan === undefined && n.attributes.collapsed === undefined,
      );
      const groups = idGroups(
        drawn.map((node) => node.key),
        IDS_PER_REQUEST,
        ID_CHARACTERS_PER_REQUEST,
      );
      const byIds = await answered(
        app,
        groups.map((ids) => `/api/licenses?q=${q}&ids=${ids.map(encodeURIComponent).join(",")}`),
      );
      const page = await answered(app, [`/api/licenses?q=${q}&limit=200`]);
      console.log(
        `viewer, ${org} ${drawing === "" ? "overview" : "capped"} (${drawn.length.toLocaleString("en-US")} models ` +
          `drawn): their licences in ${groups.length} requests, ${mb(byIds.bytes)}, CPU ` +
          `${(byIds.cpuMs / 1000).toFixed(2)} s; the first 200 findings and the totals, ${mb(page.bytes)}, CPU ` +
          `${(page.cpuMs / 1000).toFixed(2)} s`,
      );
    }
    const whole = await answered(app, [`/api/licenses?q=${q}`]);
    console.log(
      `  the whole answer (what the viewer fetched before): ${mb(whole.bytes)}, ` +
        `CPU ${(whole.cpuMs / 1000).toFixed(2)} s`,
    );
  } finally {
    store.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
