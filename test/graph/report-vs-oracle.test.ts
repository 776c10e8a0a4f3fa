// The report's figures on the real snapshot (the bundled database), against test/graph/report_oracle.py: plain SQL
// reads of the stored rows and networkx, with its own Gini formula (the Lorenz curve's area), sharing no code.

import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIndexedLineage, type IndexedLineage } from "../../src/graph/indexed-lineage.js";
import { buildReport, type Report } from "../../src/graph/report.js";
import { reportDocument } from "../../src/export/report-document.js";
import { readAttributionTable } from "../../src/ingest/attribution-table.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { openStore } from "../../src/store/open-store.js";
import { importFile } from "../../src/sync/import-file.js";
import { DEEPSEEK_R1_DUMP, FAMILY_TREES } from "../support/bundled-data.js";
import { copyOfFixture, fixturePath, openFixture } from "../support/fixture-databases.js";
import { hubRecordOf, realEntry } from "../support/real-hub-records.js";
import { findPython } from "../support/run-oracle.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

const ASKED = ["microsoft/phi-2", "google", "deepseek-ai/DeepSeek-R1"];
const LIMIT = 20;

let lineage: IndexedLineage;
let report: Report;
let oracle: Record<string, unknown> & { families: { query: string; perMonth: Record<string, number> }[] };

beforeAll(() => {
  lineage = openIndexedLineage(openFixture("bundle"));
  report = buildReport(lineage, { families: ASKED, limit: LIMIT });
  const args = ["-B", resolve("test/graph/report_oracle.py"), fixturePath("bundle"), "--limit", String(LIMIT)];
  for (const family of report.families) args.push("--family", family.query);
  oracle = JSON.parse(execFileSync(findPython(), args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }));
}, 600_000);

afterAll(removeScratchFolders);

/** Shares and means compared to 12 digits (the two sides sum in different orders); everything else exactly. */
function rounded(value: unknown): unknown {
  if (typeof value === "number" && !Number.isInteger(value)) return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(rounded);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rounded(item)]));
  return value;
}

describe("report on the bundled snapshot, against the SQL + networkx oracle", () => {
  it("measures the five largest org families and the ones asked for, each once", () => {
    expect(report.families.map((family) => family.query).slice(5)).toEqual([
      "microsoft/phi-2",
      "deepseek-ai/DeepSeek-R1",
    ]);
    expect(report.families.map((family) => family.query)).toContain("google");
  });

  it("gives every family figure under its definition as the oracle does", () => {
    for (const expected of oracle.families) {
      const found = report.families.find((family) => family.query === expected.query);
      const { createdSince, ...figures } = found as NonNullable<typeof found>;
      expect(createdSince).toBeNull();
      expect(rounded(figures)).toEqual(rounded(expected));
    }
  });

  it("gives the downloads concentration, size classes, org roles and flows as the oracle does", () => {
    for (const key of ["concentration", "sizes", "orgsTotal", "orgs", "flowsTotal", "flows"] as const)
      expect(rounded(report[key])).toEqual(rounded(oracle[key]));
  });

  it("lists the precisions most models first, as the oracle does; no expert count is stated", () => {
    const { precision, experts } = report.sizes;
    const expected = (oracle.sizes as { precision: { byPrecision: Record<string, unknown> } }).precision;
    expect(Object.keys(precision.byPrecision)).toEqual(Object.keys(expected.byPrecision));
    // By SQL: the models whose record gives safetensors counts by dtype are the ones whose precision is known.
    const withDtypes = connectionOf(lineage.store)
      .prepare(
        `SELECT count(*) FROM model_details d JOIN models m USING (node)
         WHERE m.placeholder = 0 AND d.safetensors_parameters IS NOT NULL`,
      )
      .pluck()
      .get();
    expect(precision.coverage).toEqual({ known: withDtypes, unknown: report.data.models - (withDtypes as number) });
    expect(experts).toEqual({
      coverage: { known: 0, unknown: report.data.models },
      mixtureOfExperts: null,
      fewerThanTwoExperts: null,
    });
  });

  it("counts models per month by format and by library as the oracle does, on the records that show them", () => {
    for (const key of ["formatCoverage", "formats", "libraries"] as const) expect(report[key]).toEqual(oracle[key]);
    // GGUF models once more, by SQL over the stored rows: a dated model with a record whose tags, library, gguf facts
    // or file names show GGUF.
    const gguf = connectionOf(lineage.store)
      .prepare(
        `SELECT count(*) FROM models m JOIN model_details d USING (node)
         WHERE m.placeholder = 0 AND m.created_at IS NOT NULL
           AND (lower(d.tags) LIKE '%"gguf"%' OR lower(m.library_name) = 'gguf' OR d.gguf_total IS NOT NULL
                OR lower(d.format_files) LIKE '%.gguf"%')`,
      )
      .pluck()
      .get() as number;
    expect(gguf).toBeGreaterThan(0);
    expect(Object.values(report.formats.gguf).reduce((sum, n) => sum + n, 0)).toBe(gguf);
    // The snapshot's libraries fill the twelve listed one by one, and the rest are summed as "(other)".
    expect(Object.keys(report.libraries)).toHaveLength(13);
    expect(Object.keys(report.libraries)).toContain("(other)");
  });

  it("counts own parameter counts exactly where a record carries safetensors or gguf totals (SQL)", () => {
    const own = connectionOf(lineage.store)
      .prepare(
        `SELECT count(*) FROM model_details d JOIN models m USING (node)
         WHERE m.placeholder = 0 AND (d.safetensors_total IS NOT NULL OR d.gguf_total IS NOT NULL)`,
      )
      .pluck()
      .get();
    expect(report.sizes.coverage.own).toBe(own);
    const { own: o, inherited, unknown } = report.sizes.coverage;
    expect(o + inherited + unknown).toBe(report.data.models);
  });

  it("states the 30-day download figure: no record of the snapshot carries downloadsAllTime", () => {
    expect(report.data.downloadField).toBe("downloads");
    expect(report.concentration.downloadField).toBe("downloads");
  });

  it("with --since, counts only derivatives created from that day, the months before left out", () => {
    const since = Date.UTC(2024, 6, 1);
    const later = buildReport(lineage, { families: ["microsoft/phi-2"], largest: 0, since });
    const family = later.families[0] as Report["families"][number];
    const expected = Object.fromEntries(
      Object.entries(
        (oracle.families.find((f) => f.query === "microsoft/phi-2") as { perMonth: Record<string, number> }).perMonth,
      ).filter(([month]) => month >= "2024-07"),
    );
    expect(family.perMonth).toEqual(expected);
    expect(family.createdSince).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    expect(later.data.since).toBe("2024-07-01");
  });

  it("attributes country and kind only from the table given, and says which authors it matched", async () => {
    const folder = scratchFolder();
    const file = join(folder, "attribution.csv");
    writeFileSync(file, "author,country,kind\nTheBloke,GB,individual\nunsloth,US,company\nnobody-here,FR,lab\n");
    const attributed = buildReport(lineage, { largest: 0, attribution: await readAttributionTable(file) });
    const modelsOf = (org: string) =>
      (oracle.orgs as { org: string; models: number }[]).find((entry) => entry.org === org)?.models as number;
    const supplied = attributed.attribution.supplied;
    expect(supplied?.authorsListed).toBe(3);
    expect(supplied?.authorsFound).toBe(2);
    expect(supplied?.byCountry.GB?.models).toBe(modelsOf("TheBloke"));
    expect(supplied?.modelsAttributed).toBe(modelsOf("TheBloke") + modelsOf("unsloth"));
    expect((supplied?.modelsAttributed ?? 0) + (supplied?.modelsUnattributed ?? 0)).toBe(report.data.models);
    expect(report.attribution.supplied).toBeNull();
    expect(report.attribution.authorKind.known).toBe(0);
  });
});

describe("report on the snapshot with records stating expert counts", () => {
  it("counts Mixture-of-Experts models and their downloads as the oracle does", async () => {
    const folder = scratchFolder();
    const store = openStore(copyOfFixture("bundle", folder));
    // DeepSeek-R1 and DeepSeek-V3 as the dumps record them, with the expert counts their config.json states (the
    // Hub's `config` field leaves them out); and one record made up here stating a single expert.
    const withExperts = (dump: string, id: string) => {
      const metadata = JSON.parse(realEntry(dump, id).metadata) as { config: Record<string, unknown> };
      const config = { ...metadata.config, n_routed_experts: 256, n_shared_experts: 1, num_experts_per_tok: 8 };
      return { ...hubRecordOf(dump, id), config };
    };
    const v3 = FAMILY_TREES.find((path) => path.includes("DeepSeek-V3_finetunes_")) as string;
    const records = [
      withExperts(DEEPSEEK_R1_DUMP, "deepseek-ai/DeepSeek-R1"),
      withExperts(v3, "deepseek-ai/DeepSeek-V3"),
      { id: "example-org/one-expert", downloads: 7, config: { num_local_experts: 1 } },
    ];
    const file = join(folder, "experts.jsonl");
    writeFileSync(file, records.map((record) => JSON.stringify(record)).join("\n") + "\n");
    expect((await importFile(store, file)).status).toBe("complete");
    const withMoe = buildReport(openIndexedLineage(store), { largest: 0 });
    store.close();
    const args = ["-B", resolve("test/graph/report_oracle.py"), join(folder, "bundle-copy.db")];
    const expected = JSON.parse(execFileSync(findPython(), args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }));
    expect(rounded(withMoe.sizes)).toEqual(rounded(expected.sizes));
    // By hand: the two DeepSeek models (30-day downloads in the dumps: 1,757,133 and 775,641), and the made-up one.
    expect(withMoe.sizes.experts).toEqual({
      coverage: { known: 3, unknown: withMoe.data.models - 3 },
      mixtureOfExperts: { models: 2, downloads: 1757133 + 775641 },
      fewerThanTwoExperts: { models: 1, downloads: 7 },
    });
  });
});

describe("report on the edge list alone, which holds no Hub record", () => {
  it("says every figure that needs a record is unknown, never 0", () => {
    const edges = openIndexedLineage(openFixture("edges"));
    const sql = connectionOf(edges.store);
    // What the edge list gives, by SQL: models without a record, no downloads, no details.
    expect(sql.prepare(`SELECT count(*) FROM model_details`).pluck().get()).toBe(0);
    expect(sql.prepare(`SELECT count(*) FROM models WHERE downloads IS NOT NULL`).pluck().get()).toBe(0);
    const models = sql.prepare(`SELECT count(*) FROM models WHERE placeholder = 0`).pluck().get() as number;
    const bare = buildReport(edges, { families: ["microsoft/phi-2"] });
    expect(bare.data).toMatchObject({ models, withRecord: 0, lastCreated: null });
    expect(bare.families.length).toBe(6);
    for (const family of bare.families) {
      expect(family.descendants).toBeGreaterThan(0);
      expect(family.descendantsWithDownloads).toBe(0);
      expect(family.descendantsOver5Downloads).toBeNull();
      expect(family.concentration).toMatchObject({ withDownloads: 0, under200Share: null, gini: null });
    }
    expect(bare.concentration).toMatchObject({ models, withDownloads: 0, under200Share: null, top200Share: null });
    expect(bare.sizes.coverage).toEqual({ own: 0, inherited: 0, unknown: models });
    for (const figures of Object.values(bare.sizes.classes))
      expect(figures).toEqual({ models: null, downloads: null, derivatives: null });
    expect(bare.formatCoverage).toEqual({ withRecord: 0, withRecordAndDate: 0, withLibraryAndDate: 0 });
    const formats = reportDocument(bare).find((section) => section.title === "Formats and libraries over time");
    expect(formats?.definitions).toContain(
      "no model here has a Hub record and a creation date: the formats over time are unknown (—), not zero",
    );
    expect(bare.attribution.authorKind.known).toBe(0);
  });
});
