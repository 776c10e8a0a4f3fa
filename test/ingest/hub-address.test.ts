// A Hub page given where an id is asked for: each case worked by hand from the Hub's URL scheme.

import { expect, it } from "vitest";
import { queryOfHubAddress } from "../../src/ingest/hub-address.js";

it("reads the model id or org name of a Hub page, with or without scheme, host alias, revision or file", () => {
  const cases: [string, string | null][] = [
    ["https://huggingface.co/Qwen/Qwen2.5-7B-Instruct", "Qwen/Qwen2.5-7B-Instruct"],
    ["http://www.huggingface.co/Qwen/Qwen2.5-7B-Instruct/", "Qwen/Qwen2.5-7B-Instruct"],
    ["hf.co/Qwen/Qwen2.5-7B-Instruct/tree/main", "Qwen/Qwen2.5-7B-Instruct"],
    ["  https://huggingface.co/Qwen/Qwen2.5-7B-Instruct/blob/main/config.json?x=1#top ", "Qwen/Qwen2.5-7B-Instruct"],
    ["https://huggingface.co/meta-llama", "meta-llama"],
    ["https://huggingface.co/meta-llama/?sort=likes", "meta-llama"],
    // A legacy id the Hub moved: the shipped table names it now.
    ["https://huggingface.co/gpt2", "openai-community/gpt2"],
    // Pages that name no model or org, and text that is no Hub page (read as written by the caller).
    ["https://huggingface.co/datasets/squad/plain_text", null],
    ["https://huggingface.co/spaces/a/b", null],
    ["https://huggingface.co/models", null],
    ["https://huggingface.co/", null],
    ["https://example.com/Qwen/Qwen2.5-7B", null],
    ["Qwen/Qwen2.5-7B", null],
    ["meta-llama", null],
  ];
  expect(cases.map(([text]) => [text, queryOfHubAddress(text)])).toEqual(cases);
});
