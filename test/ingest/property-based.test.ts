// Property-based tests (fast-check): the normaliser and every importer over at least 10,000 generated hostile
// values per run (random Unicode, Hub URL shapes, markup, paths, route and placeholder words, nesting, numbers,
// nulls). Invariants: nothing throws; every value lands once, as an edge or a finding; every stored model id is in
// the Hub's id syntax; no Hub route word or placeholder word becomes a model.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readModelReference } from "../../src/ingest/model-reference.js";
import { normalizeBaseModel } from "../../src/ingest/normalize-base-model.js";
import { storableRaw } from "../../src/ingest/value-text.js";
import { importFile } from "../../src/sync/import-file.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { isModelId } from "../../src/vocabulary/model-id.js";
import { currentIdOfLegacy } from "../../src/vocabulary/legacy-ids.js";

const RUNS = 10_000;
const folder = mkdtempSync(join(tmpdir(), "hf-lineage-properties-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Written out here, not imported: the words the issue names, which must never become models. */
const ROUTE_WORDS = ["datasets", "spaces", "collections", "models", "docs", "papers", "api", "organizations"];
const PLACEHOLDERS = ["n/a", "null", "none", "true", "false", "nan", "0", "_", "-", "unknown", "undefined", "nil"];

const part = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}[A-Za-z0-9]$/);
const realId = fc.tuple(part, part).map(([org, name]) => `${org}/${name}`);
const host = fc.constantFrom("https://huggingface.co/", "http://hf.co/", "huggingface.co/", "hf.co/", "hf://", "");
const suffix = fc.constantFrom("", "/", "/tree/main", "/blob/main/a.json", "/resolve/v1/x.bin", "?x=1", "#y", "/%ZZ");
const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.tuple(host, realId, suffix).map(([h, id, s]) => h + id + s) },
  { weight: 2, arbitrary: fc.tuple(host, fc.constantFrom(...ROUTE_WORDS), part).map(([h, r, p]) => `${h}${r}/${p}`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...PLACEHOLDERS), fc.constantFrom("", " ", '"', "'"), fc.boolean())
      .map(([word, pad, upper]) => `${pad}${upper ? word.toUpperCase() : word}${pad}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("<b>", "<a href='", "&lt;", "[x](", "{{ ", "<!--"), realId)
      .map(([m, id]) => `${m}${id}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("/", "./", "../", "~/", "C:\\", "file://", "s3://"), realId)
      .map(([p, id]) => p + id),
  },
  { weight: 1, arbitrary: part },
  { weight: 1, arbitrary: fc.constantFrom("gpt2", "bert-base-uncased", "t5-small", "GPT2", "hf.co/gpt2") },
  { weight: 1, arbitrary: fc.tuple(realId, realId).map(([a, b]) => `${a}\u202e${b}\u0000\ud800\u2028\u2029`) },
);
/** Any JSON value a card might hold: the texts above, numbers, nulls, lists, objects, and deep nesting. */
const cardValue = fc.oneof(
  { weight: 6, arbitrary: hostile },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.array(hostile, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 20, max: 3000 }).map((depth) => {
      let value: unknown = "a/b";
      for (let level = 0; level < depth; level++) value = [value];
      return value;
    }),
  },
);

/** The model id invariants: the Hub's syntax, with an org unless a legacy id; no route or placeholder word. */
function checkModelId(id: string): void {
  expect(isModelId(id), id).toBe(true);
  const first = id.split("/")[0] ?? "";
  expect(ROUTE_WORDS, id).not.toContain(first.toLowerCase());
  expect(PLACEHOLDERS, id).not.toContain(id.toLowerCase());
  expect(
    id.split("/").every((p) => PLACEHOLDERS.includes(p.toLowerCase())),
    id,
  ).toBe(false);
}

const rowsOf = (db: Store, sql: string) => connectionOf(db).prepare(sql).all() as Record<string, string>[];

describe("the normaliser over generated values", () => {
  it(`never throws and gives an id in the Hub's syntax or a reason (${RUNS} values)`, () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const result = readModelReference(value);
        if ("reason" in result) return;
        checkModelId(result.id);
        expect(result.id.includes("/")).toBe(!result.orgless);
        if (result.orgless) expect(currentIdOfLegacy(result.id)).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
  it(`accounts for every item of any card value (${RUNS} values)`, () => {
    fc.assert(
      fc.property(cardValue, (value) => {
        const result = normalizeBaseModel(value);
        if (value === null || value === undefined) {
          expect(result.ids.length + result.unresolved.length).toBe(0);
          return;
        }
        const items = (Array.isArray(value) ? value : [value]).slice(0, 1000);
        const ids = new Set(result.ids.map((id) => id.toLowerCase()));
        const raws = new Set(result.unresolved.map((u) => u.raw));
        for (const item of items) {
          if (typeof item !== "string") continue;
          const one = readModelReference(item);
          if ("reason" in one) expect(raws.has(storableRaw(item))).toBe(true);
          else expect(ids.has(one.id.toLowerCase())).toBe(true);
        }
        // Each distinct id or raw value once; written, orgless and ids side by side.
        expect(ids.size).toBe(result.ids.length);
        expect(raws.size).toBe(result.unresolved.length);
        expect([result.written.length, result.orgless.length]).toEqual([result.ids.length, result.ids.length]);
        for (const id of result.ids) checkModelId(id);
      }),
      { numRuns: RUNS },
    );
  });
});

/** One run of RUNS values written into one file and imported; the stored rows are then checked. */
function sampleOf<T>(arbitrary: fc.Arbitrary<T>): T[] {
  return fc.sample(arbitrary, { numRuns: RUNS });
}

function checkStoredIds(db: Store): void {
  for (const { id } of rowsOf(db, `SELECT id FROM models`)) checkModelId(id as string);
  for (const { parent } of rowsOf(db, `SELECT parent FROM edges`)) checkModelId(parent as string);
}

/** Children that hold neither an edge nor a finding (their value vanished without a trace). */
function childrenWithoutTrace(db: Store, children: string[]): string[] {
  const traced = new Set(
    rowsOf(db, `SELECT child FROM edges UNION SELECT child FROM unresolved`).map((row) => row.child),
  );
  return children.filter((child) => !traced.has(child));
}

describe("the importers over generated values", () => {
  it(`hub-json: ${RUNS} records, each card value an edge or a finding`, async () => {
    const values = sampleOf(cardValue);
    const tags = sampleOf(hostile);
    const lines = values.map((value, i) =>
      JSON.stringify({
        id: `fuzz/r${i}`,
        tags: i % 3 === 0 ? [`base_model:${tags[i]}`] : [],
        cardData: { base_model: value },
      }),
    );
    const db = openStore(":memory:");
    const summary = await importFile(db, write("records.jsonl", lines.join("\n")));
    // Every line is a whole record: a skipped one is shown with its reason and its line's start.
    expect(summary.problems.filter((problem) => problem.level === "skipped")).toEqual([]);
    expect([summary.records, summary.skipped]).toEqual([RUNS, 0]);
    checkStoredIds(db);
    // A card value that names something (not null, not an empty list) leaves a trace when no tag replaces it.
    // As the file holds them: NaN and infinities are written as null by JSON.
    const expectTrace = values
      .map((value, i) => ({ value: JSON.parse(JSON.stringify(value) ?? "null") as unknown, i }))
      .filter(({ value, i }) => i % 3 !== 0 && value !== null && !(Array.isArray(value) && value.length === 0))
      .map(({ i }) => `fuzz/r${i}`);
    const lost = childrenWithoutTrace(db, expectTrace).map((child) => [child, values[Number(child.slice(6))]]);
    expect(lost).toEqual([]);
    expect(summary.unresolved).toBe(rowsOf(db, `SELECT count(*) AS n FROM unresolved`)[0]?.n);
  });

  it(`edges-csv: ${RUNS} rows, each parent cell an edge or a finding, each row read or skipped`, async () => {
    const cells = sampleOf(hostile);
    const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const lines = cells.map((cell, i) => `fuzz/c${i},${quote(cell)},${quote(i % 7 === 0 ? cell : "finetune")}`);
    const db = openStore(":memory:");
    const summary = await importFile(db, write("edges.csv", `child,parent,relation\n${lines.join("\n")}\n`), {
      format: "edges-csv",
    });
    expect(summary.records + summary.skipped).toBe(RUNS);
    checkStoredIds(db);
    const skipped = new Set(summary.problems.filter((p) => p.level === "skipped").map((p) => p.position));
    const children = cells.map((_, i) => `fuzz/c${i}`).filter((_, i) => !skipped.has(i));
    expect(children.length).toBe(summary.records);
    const lost = childrenWithoutTrace(db, children).map((child) => [child, cells[Number(child.slice(6))]]);
    expect(lost).toEqual([]);
    expect(summary.unresolved).toBe(rowsOf(db, `SELECT count(*) AS n FROM unresolved`)[0]?.n);
  });

  it(`models-csv: ${RUNS} hostile ids, each stored as a model in the id syntax or skipped with a reason`, async () => {
    const ids = sampleOf(hostile);
    const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const db = openStore(":memory:");
    const summary = await importFile(
      db,
      write("models.csv", `id,architecture\n${ids.map((id) => `${quote(id)},llama`).join("\n")}\n`),
      { format: "models-csv" },
    );
    expect(summary.records + summary.skipped).toBe(RUNS);
    checkStoredIds(db);
    for (const problem of summary.problems.filter((p) => p.level === "skipped"))
      expect(problem.message).toMatch(/is not a model id \([a-z-]+\)$|not a valid CSV|line/);
  });

  it(`family-trees: ${RUNS} hostile child links and ids, each a child edge, a problem or a skipped entry`, async () => {
    const links = sampleOf(hostile);
    const entries = links.map((link, i) => ({
      model_id: i % 10 === 0 ? link : `fuzz/f${i}`,
      metadata:
        i % 2 === 0 ? "N/A" : JSON.stringify({ id: `fuzz/f${i}`, card_data: `base_model: ${JSON.stringify(link)}` }),
      children: [link, `https://huggingface.co/${link}`],
    }));
    const db = openStore(":memory:");
    const summary = await importFile(db, write("tree.json", JSON.stringify({ models: entries })), {
      format: "family-trees",
    });
    expect(summary.records + summary.skipped).toBe(RUNS);
    checkStoredIds(db);
  });
});

function write(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}
