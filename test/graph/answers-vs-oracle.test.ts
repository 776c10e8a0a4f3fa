// The answers along the lineage (quants, adapters, licences, paths, siblings) on the real family-tree dumps, against
// test/oracle/answers_oracle.py: networkx over the raw dumps, with its own reading of the records and its own copy of
// the licence rules written from the licence texts. Shares no code with hf-lineage.

import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { quantFormatsOf } from "../../src/graph/copy-formats.js";
import { indexCopies, type CopyRelation } from "../../src/graph/index-copies.js";
import { familyNodes } from "../../src/graph/index-family.js";
import { indexLicences } from "../../src/graph/index-licences.js";
import { indexPaths } from "../../src/graph/index-paths.js";
import { indexSiblings } from "../../src/graph/index-siblings.js";
import { openIndexedLineage, type IndexedLineage } from "../../src/graph/indexed-lineage.js";
import { resolveQuery } from "../../src/graph/resolve-query.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { copyFacts } from "../../src/store/detail-queries.js";
import { modelNodes } from "../../src/store/model-queries.js";
import { RELATIONS } from "../../src/vocabulary/relation.js";
import { FAMILY_TREES } from "../support/bundled-data.js";
import { openFixture } from "../support/fixture-databases.js";
import { findPython } from "../support/run-oracle.js";

const ROOTS = [
  "deepseek-ai/DeepSeek-R1",
  "deepseek-ai/DeepSeek-V3",
  "deepseek-ai/Janus-Pro-7B",
  "hexgrad/Kokoro-82M",
  "meta-llama/Llama-2-7b-chat-hf",
  "meta-llama/Llama-2-7b",
  "mistralai/Mistral-Small-24B-Base-2501",
  "bigscience/bloom",
  "google/gemma-7b",
  "microsoft/phi-2",
  "stabilityai/stable-diffusion-2-1",
];
const LICENCE_QUERIES = [...ROOTS, "google", "meta-llama"];
const PATHS = [
  ["deepseek-ai/DeepSeek-V3", "Bixho/idkai"],
  ["Bixho/idkai", "deepseek-ai/DeepSeek-V3"],
  ["matrixportal/gemma-7b-it-GGUF", "Junfeng5/Liquid_V1_7B"],
  ["GianlucaMondillo/BioTakuya", "Bixho/idkai"],
] as const;
const SIBLINGS = ["google/gemma-7b-it", "Bixho/idkai", "matrixportal/gemma-7b-it-GGUF", "google/gemma-7b"];
const COPY_QUESTIONS = ROOTS.flatMap((root) =>
  (["quantized", "adapter"] as const).flatMap((relation) => [`${relation}:none:${root}`, `${relation}:all:${root}`]),
);

interface Oracle {
  formats: Record<string, [string, number[]][]>;
  copies: Record<string, Record<string, number>>;
  licences: Record<
    string,
    {
      models: number;
      findings: [string, string, string | number | null, number | null][];
      unknown: Record<string, number>;
    }
  >;
  paths: Record<string, { paths: string[][]; nearest: string[] }>;
  siblings: Record<string, Record<string, string[]>>;
}

let oracle: Oracle;
let lineage: IndexedLineage;

beforeAll(() => {
  const args = [
    "-B",
    resolve("test/oracle/answers_oracle.py"),
    ...FAMILY_TREES.flatMap((file) => ["--family-tree", file]),
  ];
  for (const question of COPY_QUESTIONS) args.push("--copies", question);
  for (const query of LICENCE_QUERIES) args.push("--licences", query);
  for (const [a, b] of PATHS) args.push("--path", `${a}|${b}`);
  for (const id of SIBLINGS) args.push("--siblings", id);
  oracle = JSON.parse(execFileSync(findPython(), args, { encoding: "utf8", maxBuffer: 1 << 28 })) as Oracle;
  lineage = openIndexedLineage(openFixture("family-trees"));
}, 120_000);

const nodeOf = (id: string) => familyNodes(lineage, resolveQuery(lineage.store, id))[0] as number;

describe("formats and bits of every real record", () => {
  it("are what the oracle reads from the same tags, library names, gguf facts and file names", () => {
    const nodes = [...modelNodes(lineage.store)].map(([node]) => node);
    const ours: Record<string, [string, number[]][]> = {};
    for (const row of copyFacts(lineage.store, nodes)) {
      if (row.has_record !== 1) continue;
      const list = (text: string | null) => (text === null ? [] : (JSON.parse(text) as string[]));
      ours[row.id] = quantFormatsOf({
        tags: list(row.tags),
        libraryName: row.library_name,
        files: list(row.format_files),
        hasGguf: row.gguf_total !== null,
      }).map((found) => [found.format, found.bits]);
    }
    expect(Object.keys(ours).length).toBe(1865);
    expect(ours).toEqual(oracle.formats);
    // By hand: lemonilia's repo holds bf16, q2_k, q3_k_m, q4_k_l/m, q5_k_l/m, q6_k/_l and q8_0 GGUF files.
    expect(ours["lemonilia/Mistral-Small-3-Reasoner-s1"]).toEqual([["gguf", [2, 3, 4, 5, 6, 8, 16]]]);
    // gemma-7b.gguf names no type: a GGUF repo whose bits are unknown.
    expect(ours["google/gemma-7b"]).toEqual([["gguf", []]]);
  });
});

describe("quants and adapters of the eleven roots", () => {
  it("list every model of the relation, each once, at the oracle's shortest distance", () => {
    for (const question of COPY_QUESTIONS) {
      const [relation, through, id] = question.split(":") as [CopyRelation, string, string];
      const report = indexCopies(lineage, nodeOf(id), relation, { through: through === "all" ? [...RELATIONS] : [] });
      const ours = Object.fromEntries(report.models.map((model) => [model.id, model.path.length - 1]));
      expect(ours, question).toEqual(oracle.copies[question]);
      expect(report.found).toBe(report.models.length);
    }
  });

  it("give no context length for any real quantization: none of their records has gguf facts", () => {
    // By SQL, the 4 records with a gguf context length; by hand, none of them is a quantization (the one GGUF
    // repository, matrixportal/gemma-7b-it-GGUF, is tagged a finetune of gemma-7b-it).
    const withLength = connectionOf(lineage.store)
      .prepare(`SELECT count(*) FROM model_details WHERE gguf_context_length IS NOT NULL`)
      .pluck()
      .get();
    expect(withLength).toBe(4);
    for (const root of ROOTS) {
      const report = indexCopies(lineage, nodeOf(root), "quantized", { through: [...RELATIONS] });
      expect(report.models.filter((model) => model.contextLength !== null)).toEqual([]);
    }
  });

  it("say unknown for copies without a record, never a guessed format", () => {
    const report = indexCopies(lineage, nodeOf("google/gemma-7b"), "quantized");
    // By hand: the dump lists 23 quantizations of gemma-7b, none with a record of its own.
    expect(report.found).toBe(23);
    expect(report.unknownFormat).toBe(23);
    const gguf = report.models.find((model) => model.id === "MaziyarPanahi/gemma-7b-GGUF");
    expect(gguf).toMatchObject({ format: "unknown", bits: "unknown", publisher: "MaziyarPanahi", downloads: null });
    expect(gguf?.path).toEqual(["google/gemma-7b", "MaziyarPanahi/gemma-7b-GGUF"]);
    expect(indexCopies(lineage, nodeOf("google/gemma-7b"), "quantized", { format: "gguf" }).models).toEqual([]);
  });
});

describe("licences along the real families", () => {
  it("find what the oracle finds, each at the smallest distance, with unknown licences counted", () => {
    for (const query of LICENCE_QUERIES) {
      const report = indexLicences(lineage, resolveQuery(lineage.store, query));
      const expected = oracle.licences[query];
      expect(report.models.length, query).toBe(expected?.models);
      const ours = report.findings.map((finding) => {
        if (finding.kind === "none-declared")
          return [finding.id, finding.kind, finding.ancestor === null ? null : finding.path.length - 1, null];
        return [finding.id, finding.kind, finding.ancestorLicence, finding.path.length - 1];
      });
      expect(ours.map((row) => JSON.stringify(row)).sort(), query).toEqual(
        expected?.findings.map((row) => JSON.stringify(row)).sort(),
      );
      expect(report.unknown.byLicence, query).toEqual(expected?.unknown);
    }
  });

  it("name the ancestor and a path from it down to the model (gemma-7b, checked by hand)", () => {
    const report = indexLicences(lineage, resolveQuery(lineage.store, "google/gemma-7b"));
    // Omickeyee/Marathi_Gemma_7B declares apache-2.0; its base google/gemma-7b declares gemma (Gemma Terms §3.1).
    expect(report.findings.find((f) => f.id === "Omickeyee/Marathi_Gemma_7B")).toMatchObject({
      licence: "apache-2.0",
      ancestor: "google/gemma-7b",
      ancestorLicence: "gemma",
      kind: "use-restrictions",
      path: ["google/gemma-7b", "Omickeyee/Marathi_Gemma_7B"],
    });
    const root = report.models.find((model) => model.id === "google/gemma-7b");
    expect(root).toEqual({ id: "google/gemma-7b", licence: "gemma", class: "restrictive", ancestorLicences: [] });
    // A quantization listed by the dump but without a record: unknown, not "none".
    expect(report.models.find((model) => model.id === "MaziyarPanahi/gemma-7b-GGUF")?.class).toBe("unknown");
  });
});

describe("paths and siblings", () => {
  it("give every path either way, or the nearest common ancestors", () => {
    for (const [a, b] of PATHS) {
      const report = indexPaths(lineage, nodeOf(a), nodeOf(b));
      const expected = oracle.paths[`${a}|${b}`];
      expect([...report.paths].sort(), `${a} ${b}`).toEqual(expected?.paths);
      expect(report.commonAncestors.map((c) => c.id).sort(), `${a} ${b}`).toEqual(expected?.nearest);
    }
  });

  it("group the siblings by the relation to the shared parent", () => {
    for (const id of SIBLINGS) {
      const report = indexSiblings(lineage, nodeOf(id));
      const ours = Object.fromEntries(
        Object.entries(report.byRelation)
          .filter(([, list]) => list.length > 0)
          .map(([relation, list]) => [relation, list.map((sibling) => sibling.id).sort()]),
      );
      expect(ours, id).toEqual(oracle.siblings[id]);
    }
  });
});
