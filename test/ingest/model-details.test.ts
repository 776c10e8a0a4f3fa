// What the family-tree importer keeps of each real record beyond lineage (schema version 3's model_details).
// Expected values read off the dumps by hand and counted with a few lines of Python over ../shared/data
// (json + yaml, no project code): 1,865 entries with metadata, 1,159 with a card licence, 22 with a licence name,
// 4 with gguf facts, 678 with safetensors facts. The counts by dtype, gguf context lengths and expert counts of every
// record are checked against test/ingest/record_fields_oracle.py, which reads the dumps with Python's standard library.

import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { connectionOf } from "../../src/store/database-handle.js";
import { modelDetails } from "../../src/store/detail-queries.js";
import { nodesOfIds } from "../../src/store/model-queries.js";
import { FAMILY_TREES } from "../support/bundled-data.js";
import { openFixture } from "../support/fixture-databases.js";

describe("model details of the real family-tree records", () => {
  const store = openFixture("family-trees");
  const db = connectionOf(store);
  const detailsOf = (id: string) => modelDetails(store, nodesOfIds(store, [id]).get(id) as number);

  it("are kept for every record read, and only for those", () => {
    expect(
      db
        .prepare(
          `SELECT count(*), count(card_license), count(license_name), count(gguf_total), count(safetensors_total),
                  count(file_count) FROM model_details`,
        )
        .raw()
        .get(),
    ).toEqual([1865, 1159, 22, 4, 678, 1865]);
    expect(
      db
        .prepare(
          `SELECT count(safetensors_parameters), count(gguf_context_length), count(experts), count(experts_per_token)
           FROM model_details`,
        )
        .raw()
        .get(),
    ).toEqual([678, 4, 0, 0]);
  });

  it("hold every record's counts by dtype, gguf context length and expert counts as the dumps give them", () => {
    const expected = JSON.parse(
      execFileSync("python3", ["-B", resolve("test/ingest/record_fields_oracle.py"), ...FAMILY_TREES], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      }),
    ) as Record<string, { parameters: Record<string, number> | null; contextLength: number | null }>;
    const stored = db
      .prepare(
        `SELECT m.id, d.safetensors_parameters, d.gguf_context_length, d.experts, d.experts_per_token
         FROM model_details d JOIN models m USING (node)`,
      )
      .raw()
      .all() as [string, string | null, number | null, number | null, number | null][];
    expect(stored).toHaveLength(Object.keys(expected).length);
    const got = Object.fromEntries(
      stored.map(([id, parameters, contextLength, experts, expertsPerToken]) => [
        id,
        {
          parameters: parameters === null ? null : (JSON.parse(parameters) as unknown),
          contextLength,
          experts,
          expertsPerToken,
        },
      ]),
    );
    expect(got).toEqual(expected);
    // Read off the dumps by hand: DeepSeek-R1 is stored in FP8 with BF16 and F32 parts; the one gguf of gemma-7b.
    expect(detailsOf("deepseek-ai/DeepSeek-R1")?.safetensorsParameters).toEqual({
      BF16: 3918786560,
      F8_E4M3: 680571043840,
      F32: 41555600,
    });
    expect(detailsOf("lemonilia/Mistral-Small-3-Reasoner-s1")?.ggufContextLength).toBe(32768);
  });

  it("hold gguf, safetensors and config facts and the files that tell a format", () => {
    expect(detailsOf("google/gemma-7b")).toMatchObject({
      cardLicense: "gemma",
      ggufTotal: 8538074112,
      ggufArchitecture: "gemma",
      ggufContextLength: 8192,
      safetensorsTotal: 8537680896,
      safetensorsParameters: { BF16: 8537680896 },
      modelType: "gemma",
      experts: null,
      expertsPerToken: null,
      architectures: ["GemmaForCausalLM"],
      fileCount: 17,
      formatFiles: [
        "gemma-7b.gguf",
        "model-00001-of-00004.safetensors",
        "model-00002-of-00004.safetensors",
        "model-00003-of-00004.safetensors",
        "model-00004-of-00004.safetensors",
      ],
    });
    expect(detailsOf("matrixportal/gemma-7b-it-GGUF")).toMatchObject({
      tags: expect.arrayContaining(["gguf", "gguf-my-repo", "license:gemma"]) as unknown,
      fileCount: 3,
      formatFiles: ["gemma-7b-it-q4_k_m.gguf"],
    });
  });

  it("keep the card's licence name for `other`", () => {
    const names = db
      .prepare(
        `SELECT card_license, license_name, count(*) FROM model_details WHERE license_name IS NOT NULL
         GROUP BY 1, 2 ORDER BY 3 DESC, 2 LIMIT 2`,
      )
      .raw()
      .all();
    expect(names).toEqual([
      ["other", "gemma-terms-of-use", 6],
      ["mit", "deepseek", 3],
    ]);
  });

  it("are absent for a model whose metadata is N/A", () => {
    expect(detailsOf("briannlongzhao/imagenet_animal_dreambooth")).toBeNull();
  });
});
