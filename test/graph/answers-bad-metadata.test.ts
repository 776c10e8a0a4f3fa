// The answers on a small hand-written set of Hub records, every figure worked out by hand from the records below:
// formats and bits from tags and file names, unknown where nothing shows them, licence findings by kind (a merge
// of CC BY-SA and CC BY-NC parents published as Apache-2.0), a licence name the rules do not hold, fields of the
// wrong type. The same answers from the command line (--json, --csv) and the API.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIndexedLineage, type IndexedLineage } from "../../src/graph/indexed-lineage.js";
import { indexCopies } from "../../src/graph/index-copies.js";
import { familyNodes } from "../../src/graph/index-family.js";
import { indexLicences } from "../../src/graph/index-licences.js";
import { resolveQuery } from "../../src/graph/resolve-query.js";
import { createApp, type App } from "../../src/server/app.js";
import { openStore } from "../../src/store/open-store.js";
import { importFile } from "../../src/sync/import-file.js";
import { inProcessCliJson, runCliInProcess } from "../support/in-process-cli.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

const tag = (relation: string, parent: string) => [`base_model:${parent}`, `base_model:${relation}:${parent}`];
const RECORDS = [
  { id: "sa/base", tags: ["license:cc-by-sa-4.0"], cardData: { license: "cc-by-sa-4.0" }, downloads: 10 },
  { id: "nc/base", tags: ["license:cc-by-nc-4.0"], cardData: { license: "cc-by-nc-4.0" }, downloads: 5 },
  {
    id: "m/merge",
    tags: [...tag("merge", "sa/base"), ...tag("merge", "nc/base"), "license:apache-2.0"],
    cardData: { license: "apache-2.0", base_model: ["sa/base", "nc/base"] },
    downloads: 3,
  },
  {
    id: "q/merge-GGUF",
    tags: [...tag("quantized", "m/merge"), "gguf"],
    cardData: { license: "other", license_name: "frobnicate-1.0" },
    siblings: [{ rfilename: "merge.Q4_K_M.gguf" }, { rfilename: "merge.Q8_0.gguf" }, { rfilename: "README.md" }],
    gguf: { context_length: 32768 },
    downloads: 100,
    likes: 2,
    createdAt: "2025-01-02T00:00:00.000Z",
  },
  {
    id: "q/merge-gguf-nobits",
    tags: [...tag("quantized", "m/merge"), "gguf"],
    siblings: [{ rfilename: "model.gguf" }],
    gguf: { context_length: "long" },
  },
  { id: "q/merge-gptq", tags: [...tag("quantized", "m/merge"), "gptq", "4-bit"], downloads: 7 },
  { id: "q/merge-odd", tags: [...tag("quantized", "m/merge")], siblings: "not a list", downloads: 1 },
  { id: "a/lora", tags: [...tag("adapter", "m/merge"), "lora", "peft"], library_name: "peft" },
];

let folder: string;
let lineage: IndexedLineage;
let db: string;

beforeAll(async () => {
  folder = scratchFolder();
  const file = join(folder, "records.jsonl");
  writeFileSync(file, RECORDS.map((record) => JSON.stringify(record)).join("\n"));
  db = join(folder, "small.db");
  const store = openStore(db);
  await importFile(store, file);
  lineage = openIndexedLineage(store);
});
afterAll(removeScratchFolders);

const nodeOf = (id: string) => familyNodes(lineage, resolveQuery(lineage.store, id))[0] as number;

describe("quants on hand-written records", () => {
  it("lists formats and every bit width the files show, unknown where nothing shows one, by downloads", () => {
    const report = indexCopies(lineage, nodeOf("m/merge"), "quantized");
    expect(report.found).toBe(4);
    expect(report.unknownFormat).toBe(1);
    expect(report.models.map((m) => [m.id, m.format, m.bits, m.downloads])).toEqual([
      ["q/merge-GGUF", "gguf", [4, 8], 100],
      ["q/merge-gptq", "gptq", [4], 7],
      ["q/merge-odd", "unknown", "unknown", 1],
      ["q/merge-gguf-nobits", "gguf", "unknown", null],
    ]);
    expect(report.models[0]).toMatchObject({
      publisher: "q",
      likes: 2,
      created: "2025-01-02T00:00:00.000Z",
      path: ["m/merge", "q/merge-GGUF"],
    });
    // The context length its gguf facts declare; text where a count should be is unknown.
    expect(report.models.map((m) => m.contextLength)).toEqual([32768, null, null, null]);
    const gguf4 = indexCopies(lineage, nodeOf("m/merge"), "quantized", { format: "gguf", bits: 4 });
    expect(gguf4.models.map((m) => m.id)).toEqual(["q/merge-GGUF"]);
    // Through nothing from a base: the merge is not a quantization, so its copies are not the base's.
    expect(indexCopies(lineage, nodeOf("sa/base"), "quantized").found).toBe(0);
    expect(indexCopies(lineage, nodeOf("sa/base"), "quantized", { through: ["merge"] }).found).toBe(4);
  });

  it("lists adapters with their kind", () => {
    const report = indexCopies(lineage, nodeOf("m/merge"), "adapter");
    expect(report.models.map((m) => [m.id, m.format, m.bits])).toEqual([["a/lora", "lora+peft", "unknown"]]);
  });
});

describe("licences on hand-written records", () => {
  it("finds the merge's conflicts, the unknown licence name and the none-declared copies", () => {
    const report = indexLicences(lineage, resolveQuery(lineage.store, "sa/base"));
    const rows = report.findings
      .map((f) => [f.id, f.kind, f.ancestor, f.path.join(">"), f.with?.id ?? null])
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    // Listed in family order: the query's own models, then descendants nearest first.
    expect(report.findings[0]?.id).toBe("m/merge");
    expect(rows).toEqual([
      // Gained from nc/base (CC BY-NC §2(a)(1)) and sa/base (CC BY-SA §3(b)(1)) through the merge.
      ["a/lora", "none-declared", "m/merge", "m/merge>a/lora", null],
      // The parents cannot both be kept: BY-SA allows commercial use of the whole, BY-NC forbids it.
      ["m/merge", "merge-incompatible", "sa/base", "sa/base>m/merge", "nc/base"],
      ["m/merge", "non-commercial", "nc/base", "nc/base>m/merge", null],
      ["m/merge", "share-alike", "sa/base", "sa/base>m/merge", null],
      ["q/merge-gguf-nobits", "none-declared", "m/merge", "m/merge>q/merge-gguf-nobits", null],
      ["q/merge-gptq", "none-declared", "m/merge", "m/merge>q/merge-gptq", null],
      ["q/merge-odd", "none-declared", "m/merge", "m/merge>q/merge-odd", null],
    ]);
    // "other" with a licence name the rules do not hold: unknown, and no finding is guessed for it.
    expect(report.models.find((m) => m.id === "q/merge-GGUF")).toEqual({
      id: "q/merge-GGUF",
      licence: "frobnicate-1.0",
      class: "unknown",
      ancestorLicences: ["apache-2.0", "cc-by-nc-4.0", "cc-by-sa-4.0"],
    });
    expect(report.unknown).toEqual({ models: 1, byLicence: { "frobnicate-1.0": 1 } });
    expect(report.models).toHaveLength(7);
  });
});

describe("the command line and the API", () => {
  let app: App;
  beforeAll(() => {
    app = createApp({ lineage, webRoot: null });
  });
  const get = async (path: string) => app(new Request(`http://localhost${path}`));

  it("give the same JSON, with the keys the issue asks for", async () => {
    const quants = await inProcessCliJson<Record<string, unknown>>(["quants", "m/merge", "--db", db]);
    expect(Object.keys((quants.models as Record<string, unknown>[])[0] ?? {})).toEqual(
      expect.arrayContaining(["id", "format", "bits", "publisher", "downloads", "path"]) as unknown,
    );
    expect(await (await get("/api/quants?id=m/merge")).json()).toEqual(quants);
    const text = await runCliInProcess(["quants", "m/merge", "--db", db]);
    const [header, first] = text.stdout.split("\n").slice(1);
    expect(header?.split(/\s+/).slice(0, 4)).toEqual(["id", "format", "bits", "context"]);
    expect(first?.split(/\s+/).slice(0, 4)).toEqual(["q/merge-GGUF", "gguf", "4,8", "32,768"]);
    const licences = await inProcessCliJson<Record<string, unknown>>(["licenses", "sa/base", "--db", db]);
    expect(Object.keys(licences)).toEqual(
      expect.arrayContaining(["query", "models", "findings", "unknown"]) as unknown,
    );
    expect(Object.keys((licences.findings as Record<string, unknown>[])[0] ?? {})).toEqual(
      expect.arrayContaining(["id", "licence", "ancestor", "ancestorLicence", "kind", "path"]) as unknown,
    );
    expect(await (await get("/api/licenses?q=sa/base")).json()).toEqual(licences);
    const path = await inProcessCliJson<Record<string, unknown>>(["path", "sa/base", "q/merge-GGUF", "--db", db]);
    expect(path).toMatchObject({
      from: "sa/base",
      to: "q/merge-GGUF",
      paths: [["sa/base", "m/merge", "q/merge-GGUF"]],
      commonAncestors: [],
    });
    expect(await (await get("/api/path?from=sa/base&to=q/merge-GGUF")).json()).toEqual(path);
    const unrelated = await inProcessCliJson<{ commonAncestors: { id: string }[] }>([
      "path",
      "q/merge-GGUF",
      "a/lora",
      "--db",
      db,
    ]);
    expect(unrelated.commonAncestors.map((c) => c.id)).toEqual(["m/merge"]);
    const siblings = await inProcessCliJson<{ byRelation: Record<string, { id: string }[]> }>([
      "siblings",
      "q/merge-GGUF",
      "--db",
      db,
    ]);
    expect(siblings.byRelation.quantized?.map((s) => s.id)).toEqual([
      "q/merge-gptq",
      "q/merge-odd",
      "q/merge-gguf-nobits",
    ]);
    expect(siblings.byRelation.adapter?.map((s) => s.id)).toEqual(["a/lora"]);
    expect(await (await get("/api/siblings?id=q/merge-GGUF")).json()).toEqual(siblings);
    expect(await (await get("/api/adapters?id=m/merge")).json()).toEqual(
      await inProcessCliJson(["adapters", "m/merge", "--db", db]),
    );
  });

  it("give the findings as CSV", async () => {
    const cli = await runCliInProcess(["licenses", "sa/base", "--csv", "--db", db]);
    expect(cli.status).toBe(0);
    const lines = cli.stdout.split("\r\n");
    expect(lines[0]).toBe("id,licence,ancestor,ancestorLicence,kind,path,with,withLicence,rule");
    expect(
      lines.some((line) =>
        line.startsWith(
          '"m/merge","apache-2.0","sa/base","cc-by-sa-4.0","merge-incompatible",' +
            '"sa/base > m/merge","nc/base","cc-by-nc-4.0",',
        ),
      ),
    ).toBe(true);
    expect(lines).toHaveLength(1 + 7 + 1);
    const response = await get("/api/licenses?q=sa/base&format=csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await response.text()).toBe(cli.stdout);
  });

  it("answer bad parameters with 400 and bad usage with exit code 2", async () => {
    expect((await get("/api/quants?id=m/merge&format=zip")).status).toBe(400);
    expect((await get("/api/quants?id=m/merge&through=sideways")).status).toBe(400);
    expect((await get("/api/path?from=m/merge&to=m/merge")).status).toBe(400);
    expect((await get("/api/siblings?id=no/such")).status).toBe(404);
    expect((await runCliInProcess(["quants", "m/merge", "--format", "zip", "--db", db])).status).toBe(2);
    expect((await runCliInProcess(["path", "m/merge", "--db", db])).status).toBe(2);
  });
});
