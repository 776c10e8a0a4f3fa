// Every shape of cardData.base_model listed in ARCHITECTURE.md ("Bad input is normal input") and issue #10, through
// the one normaliser; each expected value worked out by hand from the Hub's URL scheme and the rules in the issue.
import { describe, expect, it } from "vitest";
import { readModelReference } from "../../src/ingest/model-reference.js";
import { normalizeBaseModel } from "../../src/ingest/normalize-base-model.js";
import { legacyIdTable } from "../../src/vocabulary/legacy-ids.js";

describe("normalizeBaseModel", () => {
  it("keeps a plain id and de-duplicates a list, case variants included", () => {
    expect(normalizeBaseModel(["Qwen/Qwen2.5-7B", "qwen/qwen2.5-7b", "meta-llama/Llama-2-7b"])).toEqual({
      ids: ["Qwen/Qwen2.5-7B", "meta-llama/Llama-2-7b"],
      written: ["Qwen/Qwen2.5-7B", "meta-llama/Llama-2-7b"],
      orgless: [false, false],
      unresolved: [],
      duplicates: ["qwen/qwen2.5-7b"],
    });
  });
  it("recovers ids from Hub URLs and reports local paths, empty and N/A values", () => {
    expect(
      normalizeBaseModel([
        "https://huggingface.co/org/name/tree/main",
        "hf.co/gpt2",
        "/content/out",
        "./ckpt",
        "",
        "N/A",
      ]),
    ).toEqual({
      ids: ["org/name", "openai-community/gpt2"],
      written: ["https://huggingface.co/org/name/tree/main", "hf.co/gpt2"],
      orgless: [false, false],
      unresolved: [
        { raw: "/content/out", reason: "local-path" },
        { raw: "./ckpt", reason: "local-path" },
        { raw: "", reason: "empty" },
        { raw: "N/A", reason: "placeholder-text" },
      ],
      duplicates: [],
    });
  });
  it("reports values of the wrong type, each raw value once", () => {
    expect(normalizeBaseModel([42, 42, true, null, "null"])).toEqual({
      ids: [],
      written: [],
      orgless: [],
      unresolved: [
        { raw: "(number) 42", reason: "wrong-type" },
        { raw: "(boolean) true", reason: "wrong-type" },
        { raw: "(null)", reason: "empty" },
        { raw: "null", reason: "placeholder-text" },
      ],
      duplicates: [],
    });
  });
  it("reads a list nested 100,000 deep without overflowing the stack", () => {
    let deep: unknown = "a/b";
    for (let level = 0; level < 100_000; level++) deep = [deep];
    const result = normalizeBaseModel(deep);
    expect(result.ids).toEqual([]);
    expect(result.unresolved).toHaveLength(1);
    expect(result.unresolved[0]?.reason).toBe("wrong-type");
    // 20 levels are written out, then `[…]`: "(list) " + 20 × "[" + "[…]" + 20 × "]".
    expect(result.unresolved[0]?.raw).toBe(`(list) ${"[".repeat(20)}[…]${"]".repeat(20)}`);
  });
  it("reads at most 1,000 items of a list and says how many were left", () => {
    const many = Array.from({ length: 1500 }, (_, index) => `org/m${index}`);
    const result = normalizeBaseModel(many);
    expect(result.ids).toHaveLength(1000);
    expect(result.unresolved).toEqual([
      { raw: "(list of 1500 items; those after the first 1000 were not read)", reason: "too-long" },
    ]);
  });
});

describe("readModelReference", () => {
  it("reads values shaped like org/name that name no model by the same rules as any other value", () => {
    // Each reason by hand from the rules: placeholder words (also as both parts), Hub routes, a Hub host without a
    // path, the Hub cache's folder names, and digits and punctuation only.
    const expected: [string, string][] = [
      ["n/a", "placeholder-text"],
      ["N/A", "placeholder-text"],
      ["none/none", "placeholder-text"],
      ["base/model", "placeholder-text"],
      ["123/456", "placeholder-text"],
      ["_/_", "placeholder-text"],
      ["datasets/squad", "dataset"],
      ["Spaces/demo", "space"],
      ["api/x", "hub-route"],
      ["huggingface.co/Qwen", "url-not-a-model"],
      ["hf.co/Qwen", "url-not-a-model"],
      ["www.hf.co/Qwen", "url-not-a-model"],
      ["models--Qwen--Qwen2/snapshots", "local-path"],
      ["my.cache/huggingface", "local-path"],
    ];
    for (const [value, reason] of expected) expect([value, readModelReference(value)]).toEqual([value, { reason }]);
    // One placeholder word beside a real part is a model id, as the Hub allows.
    for (const id of ["Qwen/Qwen2.5-7B", "a_b/c-d.e", "none/Qwen2", "Qwen/none"])
      expect(readModelReference(id)).toEqual({ id, orgless: false });
  });

  // [value, expected]: an id (org-less words marked), or the reason it names no model.
  const cases: [string, { id: string; orgless: boolean } | { reason: string }][] = [
    // The host is optional; /tree/REV, /blob/REV/..., /resolve/REV/... are cut to the repository id.
    ["org/name/tree/main", { id: "org/name", orgless: false }],
    ["org/name/tree/some-branch", { id: "org/name", orgless: false }],
    ["org/name/blob/main/README.md", { id: "org/name", orgless: false }],
    ["org/name/blob/main/weights.ckpt", { id: "org/name", orgless: false }],
    ["org/name/resolve/main/model.safetensors", { id: "org/name", orgless: false }],
    ["huggingface.co/org/name/tree/main", { id: "org/name", orgless: false }],
    ["https://huggingface.co/org/name/", { id: "org/name", orgless: false }],
    ["https://www.huggingface.co/org/name?library=transformers#top", { id: "org/name", orgless: false }],
    ["http://hf.co/org/name", { id: "org/name", orgless: false }],
    ["hf://org/name", { id: "org/name", orgless: false }],
    ["https://huggingface.co/org/name/discussions/3", { id: "org/name", orgless: false }],
    ["org/name/", { id: "org/name", orgless: false }],
    ['"org/name"', { id: "org/name", orgless: false }],
    ["  `org/name`  ", { id: "org/name", orgless: false }],
    // Percent-escapes are decoded; a malformed one is a finding.
    ["https://huggingface.co/org/na%6De", { id: "org/name", orgless: false }],
    ["https://huggingface.co/%ZZ/x", { reason: "malformed-escape" }],
    ["org/%E0%A4%A", { reason: "malformed-escape" }],
    ["org%2Fname", { reason: "bad-syntax" }],
    // Legacy ids are their current name; the legacy route form (gpt2/tree/main) too.
    ["gpt2", { id: "openai-community/gpt2", orgless: false }],
    ["GPT2", { id: "openai-community/gpt2", orgless: false }],
    ["gpt2/tree/main", { id: "openai-community/gpt2", orgless: false }],
    ["https://huggingface.co/bert-base-uncased", { id: "google-bert/bert-base-uncased", orgless: false }],
    ["t5-small", { id: "google-t5/t5-small", orgless: false }],
    // Org-less words: a Hub URL of one segment is an org page; a bare word is a name without its org.
    ["Llama-7b", { id: "Llama-7b", orgless: true }],
    ["my-base-model", { id: "my-base-model", orgless: true }],
    ["hf.co/x", { reason: "url-not-a-model" }],
    ["https://huggingface.co/meta-llama", { reason: "url-not-a-model" }],
    ["https://huggingface.co/", { reason: "url-not-a-model" }],
    // Hub routes as the first segment.
    ["datasets/x", { reason: "dataset" }],
    ["https://huggingface.co/datasets/fka/awesome-chatgpt-prompts", { reason: "dataset" }],
    ["spaces/x", { reason: "space" }],
    ["hf.co/spaces/hexgrad/Kokoro-TTS", { reason: "space" }],
    ["collections/x", { reason: "collection" }],
    ["https://huggingface.co/collections/Qwen/qwen25-66e81a666513e518adb90d9e", { reason: "collection" }],
    ["docs/transformers", { reason: "hub-route" }],
    ["https://huggingface.co/papers/2407.21783", { reason: "hub-route" }],
    ["https://huggingface.co/api/models", { reason: "hub-route" }],
    ["models/x", { reason: "hub-route" }],
    ["organizations/x", { reason: "hub-route" }],
    ["settings/tokens", { reason: "hub-route" }],
    ["blog/x", { reason: "hub-route" }],
    // Placeholder words, in tags or cards.
    ...["N/A", "n/a", "null", "None", "true", "NaN", "0", "_", "-", "?", "unknown", "TBD", "none/none"].map(
      (word): [string, { reason: string }] => [word, { reason: "placeholder-text" }],
    ),
    // Other URLs, local and cache paths, markup.
    ["https://github.com/org/name", { reason: "url-not-a-model" }],
    ["s3://bucket/model", { reason: "url-not-a-model" }],
    ["https://huggingface.co/org/name/README.md", { reason: "url-not-a-model" }],
    ["/content/out", { reason: "local-path" }],
    ["./ckpt", { reason: "local-path" }],
    ["../models/llama", { reason: "local-path" }],
    ["~/models/llama", { reason: "local-path" }],
    ["C:\\models\\llama", { reason: "local-path" }],
    ["file:///tmp/x", { reason: "local-path" }],
    ["outputs/run1/checkpoint-100", { reason: "local-path" }],
    [".cache/huggingface/hub/models--meta-llama--Llama-2-7b-hf/snapshots/abc", { reason: "local-path" }],
    ['<a href="https://huggingface.co/org/name">org/name</a>', { reason: "markup" }],
    ["[org/name](https://huggingface.co/org/name)", { reason: "markup" }],
    ["&lt;script&gt;", { reason: "markup" }],
    ["{{ base_model }}", { reason: "markup" }],
    // Syntax and size.
    ["Llama 2 7B", { reason: "bad-syntax" }],
    ["org//name", { reason: "bad-syntax" }],
    ["org/name\u202e", { reason: "bad-syntax" }],
    ["org/na\u0000me", { reason: "bad-syntax" }],
    [`org/${"a".repeat(97)}`, { reason: "bad-syntax" }],
    [
      `${"a".repeat(96)}/${"b".repeat(96)}/tree/${"c".repeat(20)}`,
      { id: `${"a".repeat(96)}/${"b".repeat(96)}`, orgless: false },
    ],
    ["x".repeat(3000), { reason: "too-long" }],
  ];
  const labelled = cases.map(([value, expected]) => [JSON.stringify(value).slice(0, 80), value, expected] as const);
  it.each(labelled)("%s", (_label, value, expected) => {
    expect(readModelReference(value)).toEqual(expected);
  });

  it("maps every legacy id of the table to its current name, under its own name", () => {
    const table = legacyIdTable();
    // The un-namespaced names the real snapshot's current ids show (openai-community/gpt2, distilbert/distilgpt2,
    // google-t5/t5-3b, google-bert/bert-base-uncased, FacebookAI/roberta-base, albert/albert-base-v2, ...).
    for (const current of [
      "openai-community/gpt2",
      "openai-community/gpt2-large",
      "openai-community/gpt2-medium",
      "openai-community/gpt2-xl",
      "distilbert/distilgpt2",
      "google-t5/t5-3b",
      "google-t5/t5-small",
      "google-t5/t5-base",
      "google-bert/bert-base-uncased",
      "google-bert/bert-base-cased",
      "distilbert/distilbert-base-uncased",
      "albert/albert-base-v2",
      "FacebookAI/roberta-base",
    ])
      expect(table).toContainEqual([current.slice(current.indexOf("/") + 1), current]);
    for (const [legacy, current] of table) expect(readModelReference(legacy)).toEqual({ id: current, orgless: false });
  });
});
