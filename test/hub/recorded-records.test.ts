// What the stand-in serves: Hub JSONL files as they are, the family-tree dumps as Hub records (1,865 distinct
// ids, test/hub/derive_expected.py), and the benchmark's copies, whose lineage stays within each copy.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadRecordedRecords } from "../../tools/hub-stand-in/recorded-records.js";
import { replicateRecords } from "../../tools/hub-stand-in/replicate-records.js";
import { recordedRecords } from "../support/hub-stand-in.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-recorded-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the stand-in's records", () => {
  it("reads Hub JSONL, keeps the first record of an id and gives records without _id a stable one", async () => {
    const path = join(folder, "records.jsonl");
    writeFileSync(
      path,
      [
        JSON.stringify({ _id: "66a0000000000000000000a3", id: "org/a", tags: ["base_model:org/b"] }),
        JSON.stringify({ id: "org/b", downloads: 5 }),
        JSON.stringify({ id: "org/a", tags: [] }),
        "",
      ].join("\n"),
    );
    const records = await loadRecordedRecords([path]);
    expect(records.map((record) => [record.id, record.tags])).toEqual([
      ["org/a", ["base_model:org/b"]],
      ["org/b", []],
    ]);
    expect(records[0]?._id).toBe("66a0000000000000000000a3");
    expect(records[1]?._id).toMatch(/^[0-9a-f]{24}$/);
    expect((await loadRecordedRecords([path]))[1]?._id).toBe(records[1]?._id);
  });

  it("turns the family-tree dumps into 1,865 Hub records with base_model tags and cards", async () => {
    const records = await recordedRecords();
    expect(records.length).toBe(1865);
    const r1776 = records.find((record) => record.id === "perplexity-ai/r1-1776");
    expect(r1776?.tags).toContain("base_model:finetune:deepseek-ai/DeepSeek-R1");
    expect(r1776?.cardData?.base_model).toEqual(["deepseek-ai/DeepSeek-R1"]);
  });

  it("copies records under new ids with each copy's lineage pointing within the copy", async () => {
    const records = await recordedRecords();
    const copies = replicateRecords(records, 3);
    expect(copies.length).toBe(3 * 1865);
    expect(new Set(copies.map((record) => record.id)).size).toBe(3 * 1865);
    const copy = copies.find((record) => record.id === "perplexity-ai/r1-1776-copy2");
    expect(copy?.tags?.filter((tag) => tag.startsWith("base_model:"))).toEqual([
      "base_model:deepseek-ai/DeepSeek-R1-copy2",
      "base_model:finetune:deepseek-ai/DeepSeek-R1-copy2",
    ]);
    expect(copy?.cardData?.base_model).toEqual(["deepseek-ai/DeepSeek-R1-copy2"]);
  });
});
