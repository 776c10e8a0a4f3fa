// Every shape of cardData.base_model listed in ARCHITECTURE.md ("Bad input is normal input"); expected values by hand.
import { describe, expect, it } from "vitest";
import { normalizeBaseModel } from "../../src/ingest/normalize-base-model.js";

describe("normalizeBaseModel", () => {
  it("keeps a plain id and de-duplicates a list, case variants included", () => {
    expect(normalizeBaseModel(["Qwen/Qwen2.5-7B", "qwen/qwen2.5-7b", "meta-llama/Llama-2-7b"])).toEqual({
      ids: ["Qwen/Qwen2.5-7B", "meta-llama/Llama-2-7b"],
      written: ["Qwen/Qwen2.5-7B", "meta-llama/Llama-2-7b"],
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
      ids: ["org/name", "gpt2"],
      written: ["https://huggingface.co/org/name/tree/main", "hf.co/gpt2"],
      unresolved: [
        { raw: "/content/out", reason: "local-path" },
        { raw: "./ckpt", reason: "local-path" },
        { raw: "", reason: "empty" },
        { raw: "N/A", reason: "not-available" },
      ],
      duplicates: [],
    });
  });
  it("reports values of the wrong type", () => {
    expect(normalizeBaseModel([42])).toEqual({
      ids: [],
      written: [],
      unresolved: [{ raw: "42", reason: "wrong-type" }],
      duplicates: [],
    });
  });
});
