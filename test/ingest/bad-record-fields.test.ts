// The record fields behind the report's precision and Mixture-of-Experts figures with values that are not what they
// should be: a count as text, negative, fractional, NaN or nested, a dtype map with junk entries. Each such value is
// stored as empty (unknown) or left out entry by entry, with a warning; never a crash. Expected values by hand.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rowsFromHubRecord } from "../../src/ingest/hub-record-rows.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { openStore } from "../../src/store/open-store.js";
import { createRowWriter } from "../../src/store/row-writer.js";
import { importFile } from "../../src/sync/import-file.js";
import { FAMILY_TREES } from "../support/bundled-data.js";
import { hubRecordOf, realEntry } from "../support/real-hub-records.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-bad-record-fields-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const GEMMA_DUMP = FAMILY_TREES.find((path) => path.includes("gemma-7b_finetunes_")) as string;

/** google/gemma-7b's real record with its gguf, safetensors and config facts, then `changes` applied. */
function gemma(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const metadata = JSON.parse(realEntry(GEMMA_DUMP, "google/gemma-7b").metadata) as Record<string, unknown>;
  const { gguf, safetensors, config } = metadata;
  return { ...hubRecordOf(GEMMA_DUMP, "google/gemma-7b"), gguf, safetensors, config, ...changes };
}

function fieldsOf(record: Record<string, unknown>) {
  const rows = rowsFromHubRecord(record);
  const details = rows.details;
  return {
    parameters: details?.safetensorsParameters,
    contextLength: details?.ggufContextLength,
    experts: details?.experts,
    expertsPerToken: details?.expertsPerToken,
    warnings: rows.warnings,
  };
}

describe("counts by dtype, gguf context length and expert counts of a record", () => {
  it("are read as the real record gives them: gemma-7b in BF16, 8,192 tokens of context, no experts stated", () => {
    expect(fieldsOf(gemma())).toEqual({
      parameters: { BF16: 8537680896 },
      contextLength: 8192,
      experts: null,
      expertsPerToken: null,
      warnings: [],
    });
  });

  it("leave out each dtype entry that is not a dtype name and a count, and keep the rest", () => {
    const parameters = {
      BF16: "8537680896",
      F32: -1,
      F16: 1.5,
      I8: Number.NaN,
      U8: { nested: 1 },
      BOOL: [1],
      "F8\u001b[31m": 5,
      "<b>": 7,
      f8_e4m3: 100,
      F8_E4M3: 20,
      I32: 2 ** 53,
    };
    const read = fieldsOf(gemma({ safetensors: { parameters, total: 8537680896 } }));
    expect(read.parameters).toEqual({ F8_E4M3: 120 });
    expect(read.warnings).toEqual([
      `field "safetensors.parameters": 9 entries that are not a dtype and a count left out ` +
        `(["BF16","F32","F16","I8","U8","BOOL","F8\\u001b[31m","<b>","I…)`, // the ninth is I32: 2^53 is no safe count
    ]);
  });

  it("are unknown when the dtype map is no object or holds no usable entry", () => {
    expect(fieldsOf(gemma({ safetensors: { parameters: "BF16", total: 1 } }))).toMatchObject({
      parameters: null,
      warnings: [`field "safetensors.parameters" should be an object of counts by dtype, got "BF16"`],
    });
    expect(fieldsOf(gemma({ safetensors: { parameters: [["BF16", 1]], total: 1 } })).parameters).toBeNull();
    expect(fieldsOf(gemma({ safetensors: { parameters: { BF16: "x" }, total: 1 } })).parameters).toBeNull();
    expect(fieldsOf(gemma({ safetensors: { parameters: {}, total: 1 } }))).toMatchObject({
      parameters: null,
      warnings: [],
    });
  });

  it("store a context length that is no count as unknown, with a warning", () => {
    for (const [given, shown] of [
      ["8192", '"8192"'],
      [-5, "-5"],
      [Number.NaN, "null"],
      [8192.5, "8192.5"],
      [{ tokens: 8192 }, '{"tokens":8192}'],
    ] as const) {
      expect(fieldsOf(gemma({ gguf: { total: 8538074112, architecture: "gemma", context_length: given } }))).toEqual({
        parameters: { BF16: 8537680896 },
        contextLength: null,
        experts: null,
        expertsPerToken: null,
        warnings: [`field "gguf.context_length" should be a count, got ${shown}; stored as empty`],
      });
    }
  });

  it("read expert counts only from the config's keys, the first usable one winning, never from a name", () => {
    const experts = (config: unknown) => {
      const { experts, expertsPerToken, warnings } = fieldsOf(gemma({ config }));
      return { experts, expertsPerToken, warnings };
    };
    expect(experts({ model_type: "mixtral", num_local_experts: 8, num_experts_per_tok: 2 })).toEqual({
      experts: 8,
      expertsPerToken: 2,
      warnings: [],
    });
    expect(experts({ n_routed_experts: 256, n_shared_experts: 1, num_experts_per_tok: 8 })).toMatchObject({
      experts: 256,
      expertsPerToken: 8,
    });
    expect(experts({ text_config: { num_local_experts: 16, num_experts_per_tok: 1 } })).toMatchObject({
      experts: 16,
      expertsPerToken: 1,
    });
    expect(experts({ num_local_experts: -1, num_experts: 64, num_experts_per_tok: "8" })).toEqual({
      experts: 64,
      expertsPerToken: null,
      warnings: [
        `field "config.num_local_experts" should be a count, got -1; stored as empty`,
        `field "config.num_experts_per_tok" should be a count, got "8"; stored as empty`,
      ],
    });
    // A name or architecture that says "MoE" is no count.
    expect(experts({ model_type: "qwen2_moe", architectures: ["MixtralForCausalLM"] })).toEqual({
      experts: null,
      expertsPerToken: null,
      warnings: [],
    });
    expect(experts("num_experts: 8")).toEqual({ experts: null, expertsPerToken: null, warnings: [] });
    expect(experts({ num_experts: { value: 8 }, text_config: "x" })).toEqual({
      experts: null,
      expertsPerToken: null,
      warnings: [`field "config.num_experts" should be a count, got {"value":8}; stored as empty`],
    });
  });
});

describe("a file of records with such values", () => {
  it("is imported whole, the bad values stored as empty, both writers storing the same", async () => {
    const records = [
      gemma({ id: "org/junk-dtypes", safetensors: { parameters: { BF16: "1", F16: 10, "x y": 3 }, total: 10 } }),
      gemma({ id: "org/text-context", gguf: { total: 1, context_length: "4096" } }),
      gemma({ id: "org/moe", config: { num_local_experts: 8, num_experts_per_tok: 2 } }),
      gemma({ id: "org/bad-moe", config: { num_experts: -8, num_experts_per_tok: [2] } }),
    ];
    // 1e400 is valid JSON that parses to Infinity.
    const lines = records.map((record) => JSON.stringify(record));
    lines.push(JSON.stringify(gemma({ id: "org/huge" })).replace('"context_length":8192', '"context_length":1e400'));
    const path = join(folder, "fields.jsonl");
    writeFileSync(path, `${lines.join("\n")}\n`);
    const read = `SELECT m.id, d.safetensors_parameters, d.gguf_context_length, d.experts, d.experts_per_token
                  FROM model_details d JOIN models m USING (node) ORDER BY m.id`;
    const batched = openStore(":memory:");
    const summary = await importFile(batched, path);
    expect(summary).toMatchObject({ status: "complete", records: 5, skipped: 0, warnings: 5 });
    const stored = connectionOf(batched).prepare(read).raw().all();
    expect(stored).toEqual([
      ["org/bad-moe", '{"BF16":8537680896}', 8192, null, null],
      ["org/huge", '{"BF16":8537680896}', null, null, null],
      ["org/junk-dtypes", '{"F16":10}', 8192, null, null],
      ["org/moe", '{"BF16":8537680896}', 8192, 8, 2],
      ["org/text-context", '{"BF16":8537680896}', null, null, null],
    ]);
    const oneByOne = openStore(":memory:");
    const writer = createRowWriter(oneByOne);
    for (const line of lines) writer.write(rowsFromHubRecord(JSON.parse(line)));
    expect(connectionOf(oneByOne).prepare(read).raw().all()).toEqual(stored);
  });
});
