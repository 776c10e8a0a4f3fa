// Real records with missing fields, fields of the wrong type and no metadata (`N/A` in the family-tree dumps):
// each is stored as far as it can be, the rest reported by record with what was wrong; expected values by hand.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importFile } from "../../src/sync/import-file.js";
import { openStore } from "../../src/store/open-store.js";
import { FAMILY_TREES, KOKORO_DUMP } from "../support/bundled-data.js";
import { openFixture } from "../support/fixture-databases.js";
import { dumpEntries, hubRecordOf, realEntry } from "../support/real-hub-records.js";
import { connectionOf } from "../../src/store/database-handle.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-bad-records-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const KOKORO = "hexgrad/Kokoro-82M";
const real = (id: string) => hubRecordOf(KOKORO_DUMP, id);

describe("Hub records with missing fields and wrong types", () => {
  it("stores what is usable and reports the rest per record", async () => {
    const noId: Record<string, unknown> = real("Khanhho/mai");
    delete noId.id;
    const yamlCard = real("Hasani-ali-reza/Iran");
    const cardText = JSON.parse(realEntry(KOKORO_DUMP, "Hasani-ali-reza/Iran").metadata).card_data as string;
    const records = [
      { ...real("ThornoDen/Sonya"), downloads: "0" },
      { ...real("Oscuridad/aaaa"), tags: "music" },
      { ...real("chernikov1/test"), createdAt: "last week" },
      { id: "GabrielMedinaTorres/genshin" },
      noId,
      "Khanhho/mai",
      { ...yamlCard, cardData: cardText },
      { ...real("maj666/test1"), likes: {} },
    ];
    const path = join(folder, "records.jsonl");
    writeFileSync(path, records.map((record) => JSON.stringify(record)).join("\n") + "\n");
    const db = openStore(":memory:");
    const summary = await importFile(db, path);
    expect([summary.records, summary.skipped, summary.warnings]).toEqual([6, 2, 5]);
    expect(summary.problems).toEqual([
      {
        position: 0,
        level: "warning",
        message: `ThornoDen/Sonya: field "downloads" should be a number, got "0"; stored as empty`,
      },
      { position: 1, level: "warning", message: `Oscuridad/aaaa: field "tags" should be a list; ignored` },
      {
        position: 2,
        level: "warning",
        message: `chernikov1/test: field "createdAt" should be a date, got "last week"; stored as empty`,
      },
      { position: 4, level: "skipped", message: `${path} line 5: record has no valid model id (id: null)` },
      {
        position: 5,
        level: "skipped",
        message: `${path} line 6: a model record must be a JSON object, got "Khanhho/mai"`,
      },
      {
        position: 6,
        level: "warning",
        message:
          `Hasani-ali-reza/Iran: field "cardData" should be an object, ` +
          `got ${JSON.stringify(cardText).slice(0, 80)}…; its base_model was not read`,
      },
      {
        position: 7,
        level: "warning",
        message: `maj666/test1: field "likes" should be a number, got {}; stored as empty`,
      },
    ]);
    const row = (id: string) =>
      connectionOf(db).prepare(`SELECT * FROM models WHERE id = ?`).get(id) as Record<string, unknown>;
    // The wrong-typed value is stored as empty; the record's other fields are kept (values from the dump).
    expect(row("ThornoDen/Sonya")).toMatchObject({
      downloads: null,
      likes: 1,
      created_at: "2025-01-27T22:45:37.000Z",
      license: "cc-by-nc-nd-4.0",
    });
    expect(row("chernikov1/test")).toMatchObject({ created_at: null, last_modified: "2025-01-23T06:18:43.000Z" });
    // A record that is only an id: the model exists, its author read from the id, everything else empty.
    expect(row("GabrielMedinaTorres/genshin")).toEqual({
      node: expect.any(Number),
      id: "GabrielMedinaTorres/genshin",
      author: "GabrielMedinaTorres",
      created_at: null,
      last_modified: null,
      downloads: null,
      likes: null,
      library_name: null,
      pipeline_tag: null,
      license: null,
      gated: null,
      architecture: null,
      placeholder: 0,
      base_model_raw: null,
    });
    // Edges: tags that are not a list leave the card's base_model (a card edge); a card that is not an object
    // leaves the Hub's tags (a tag edge); Sonya, test1 and test keep their tag edges. The two skipped records add
    // nothing.
    expect(
      connectionOf(db)
        .prepare(`SELECT child, relation, source FROM edges WHERE parent = ? ORDER BY child`)
        .raw()
        .all(KOKORO),
    ).toEqual([
      ["Hasani-ali-reza/Iran", "finetune", "tag"],
      ["Oscuridad/aaaa", "unknown", "card"],
      ["ThornoDen/Sonya", "finetune", "tag"],
      ["chernikov1/test", "finetune", "tag"],
      ["maj666/test1", "finetune", "tag"],
    ]);
    expect(connectionOf(db).prepare(`SELECT count(*) FROM models WHERE id = 'Khanhho/mai'`).pluck().get()).toBe(0);
  });
});

describe("Hub records with counts that are not counts", () => {
  it("stores a negative, fractional or overflowing count as empty and says so", async () => {
    // Written as JSON text: 1e400 is valid JSON that parses to Infinity, which JSON.stringify cannot write.
    const sonya = JSON.stringify({ ...real("ThornoDen/Sonya"), downloads: -5, likes: 1.5 });
    const aaaa = JSON.stringify(real("Oscuridad/aaaa")).replace(/"downloads":\d+/, '"downloads":1e400');
    const path = join(folder, "counts.jsonl");
    writeFileSync(path, `${sonya}\n${aaaa}\n`);
    const db = openStore(":memory:");
    const summary = await importFile(db, path);
    expect(summary.problems.map((p) => p.message)).toEqual([
      `ThornoDen/Sonya: field "downloads" should be a count, got -5; stored as empty`,
      `ThornoDen/Sonya: field "likes" should be a count, got 1.5; stored as empty`,
      `Oscuridad/aaaa: field "downloads" should be a count, got Infinity; stored as empty`,
    ]);
    expect(
      connectionOf(db).prepare(`SELECT id, downloads, likes FROM models WHERE placeholder = 0 ORDER BY id`).raw().all(),
    ).toEqual([
      ["Oscuridad/aaaa", null, 0], // aaaa's real likes: 0 (metadata in the Kokoro dump)
      ["ThornoDen/Sonya", null, null],
    ]);
  });
});

describe("family-tree entries without metadata or with damaged fields", () => {
  it("stores every N/A entry of the eleven real dumps as a model without a record, and says so", () => {
    // Independently: the entries whose metadata is the string N/A (83, data/README.md), their ids as the Hub
    // spells them (the dumps write some as full https://huggingface.co/ URLs).
    const entries = FAMILY_TREES.flatMap((file) => dumpEntries(file));
    const withoutMetadata = entries.filter((entry) => entry.metadata === "N/A");
    expect(withoutMetadata).toHaveLength(83);
    // The run's database of the eleven dumps: importFile of each, in order of file name, into a new database.
    const db = openFixture("family-trees");
    const reported = connectionOf(db)
      .prepare(
        "SELECT count(*) FROM run_problems WHERE level = 'warning' " +
          `AND message LIKE '%: metadata is "N/A": stored as a model without a record'`,
      )
      .pluck()
      .get();
    expect(reported).toBe(83);
    const ids = new Set(withoutMetadata.map((entry) => entry.model_id.replace(/^https:\/\/huggingface\.co\//, "")));
    const stored = connectionOf(db).prepare(`SELECT placeholder FROM models WHERE id = ?`).pluck();
    for (const id of ids) expect(stored.get(id), id).toBe(0);
    db.close();
  });

  it("reports damaged entries and imports the rest of the dump", async () => {
    const entries: unknown[] = dumpEntries(KOKORO_DUMP).map((entry) => structuredClone(entry));
    const root = entries[0] as Record<string, unknown>;
    root.children = "13 children";
    const sonya = entries[2] as Record<string, unknown>;
    delete sonya.model_id;
    const aaaa = entries[3] as Record<string, unknown>;
    aaaa.metadata = (aaaa.metadata as string).slice(0, 100);
    entries[4] = 42;
    const path = join(folder, "kokoro-damaged.json");
    writeFileSync(path, JSON.stringify({ models: entries }));
    const db = openStore(":memory:");
    const summary = await importFile(db, path);
    // 14 entries: 2 skipped (no model_id; not an object), 12 stored.
    expect([summary.records, summary.skipped]).toEqual([12, 2]);
    expect(summary.problems).toEqual([
      { position: 0, level: "warning", message: `${KOKORO}: "children" is not a list; ignored` },
      {
        position: 1,
        level: "warning",
        message: `hexgrad/Kokoro-82M-v1.1-zh: metadata is "N/A": stored as a model without a record`,
      },
      {
        position: 2,
        level: "skipped",
        message: `${path} entry 3: family-tree entry has no valid model_id (undefined)`,
      },
      {
        position: 3,
        level: "warning",
        message: `Oscuridad/aaaa: metadata is not a JSON object: stored as a model without a record`,
      },
      { position: 4, level: "skipped", message: `${path} entry 5: family-tree entry must be an object, got 42` },
      {
        position: 8,
        level: "warning",
        message: `Aicraftar/Tharo.G-Neo: metadata is "N/A": stored as a model without a record`,
      },
    ]);
    // Kokoro's 9 adapters and 9 quantized models are still listed as its children; its 13 fine-tunes are not.
    expect(
      connectionOf(db)
        .prepare(
          "SELECT relation, count(*) FROM edges WHERE parent = ? AND source = 'file' " +
            "GROUP BY relation ORDER BY relation",
        )
        .raw()
        .all(KOKORO),
    ).toEqual([
      ["adapter", 9],
      ["quantized", 9],
    ]);
  });
});
