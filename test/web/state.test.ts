// The view's query-string form: what a shared link holds, what is dropped as nonsense, and which changes need the
// family again. Expected values are written out by hand from the contract's parameter names.

import { describe, expect, it } from "vitest";
import { EMPTY_VIEW, parseViewState, sameFamily, serializeViewState, showFamily } from "../../web/state.js";

describe("view state in the URL", () => {
  it("reads every parameter of a shared link", () => {
    const view = parseViewState(
      "?q=Qwen%2FQwen2.5-14B&depth=3&relations=merge,finetune&size=downloads&selected=a%2Fb" +
        "&expand=x%2Fy:quantized,a%2Fb:adapter&max=5000&layout=radial&centrality=betweenness&by=colour&table=1",
    );
    expect(view).toEqual({
      q: "Qwen/Qwen2.5-14B",
      depth: 3,
      relations: ["finetune", "merge"],
      size: "downloads",
      selected: "a/b",
      expand: ["a/b:adapter", "x/y:quantized"],
      max: 5000,
      findings: false,
      path: null,
      // A link from before colour took centralities (`centrality=betweenness&by=colour`): coloured by betweenness.
      colour: "betweenness",
      layout: "radial",
      centrality: null,
      table: true,
    });
  });

  it("writes a view back in a fixed order, leaving defaults out, and reads it back the same", () => {
    const view = {
      ...EMPTY_VIEW,
      q: "meta-llama",
      depth: 2,
      relations: ["adapter" as const],
      selected: "meta-llama/Llama-3.1-8B",
      expand: ["meta-llama/Llama-3.1-8B:quantized"],
    };
    const query = serializeViewState(view);
    expect(query).toBe(
      "?q=meta-llama&depth=2&relations=adapter&selected=meta-llama%2FLlama-3.1-8B" +
        "&expand=meta-llama%2FLlama-3.1-8B%3Aquantized",
    );
    expect(parseViewState(query)).toEqual(view);
    expect(serializeViewState(EMPTY_VIEW)).toBe("");
    const options = { ...view, layout: "radial" as const, centrality: "pagerank" as const, table: true };
    expect(serializeViewState(options)).toBe(`${query}&layout=radial&centrality=pagerank&table=1`);
    // Colour by one centrality and size by another: both kept, each under its own name.
    const both = { ...options, colour: "degree" as const };
    expect(serializeViewState(both)).toBe(`${query}&colour=degree&layout=radial&centrality=pagerank&table=1`);
    expect(parseViewState(serializeViewState(both))).toEqual(both);
    // A colour named outright wins over an old `by=colour`, which then leaves the centrality to the size.
    expect(parseViewState("?q=x&colour=licence&centrality=degree&by=colour")).toMatchObject({
      colour: "licence",
      centrality: "degree",
    });
  });

  it("drops values that make no sense instead of guessing", () => {
    const view = parseViewState(
      "?q=%20%20&depth=-1&relations=lora,finetune,adapter,quantized,merge,unknown&size=likes" +
        "&expand=nocolon,a%2Fb:weird&max=999999&layout=circle&centrality=hits&by=shape&table=yes",
    );
    expect(view).toEqual(EMPTY_VIEW);
    expect(parseViewState("?depth=51").depth).toBeNull();
    expect(parseViewState("?depth=2.5").depth).toBeNull();
    expect(parseViewState("?relations=nothing").relations).toBeNull();
  });

  it("reads a link giving a path alone as the path from its first model's page", () => {
    expect(parseViewState("?from=a%2Fb&to=c%2Fd")).toEqual({
      ...EMPTY_VIEW,
      q: "a/b",
      path: { from: "a/b", to: "c/d" },
    });
    // One end alone, or the same model twice, is no path: the home page.
    expect(parseViewState("?from=a%2Fb")).toEqual(EMPTY_VIEW);
    expect(parseViewState("?from=a%2Fb&to=a%2Fb")).toEqual(EMPTY_VIEW);
  });

  it("asks for the family again only when the members can change", () => {
    const base = { ...EMPTY_VIEW, q: "Qwen" };
    expect(sameFamily(base, { ...base, selected: "Qwen/Qwen2.5-7B", size: "downloads" })).toBe(true);
    expect(sameFamily(base, { ...base, relations: ["finetune", "adapter", "quantized", "merge", "unknown"] })).toBe(
      true,
    );
    expect(sameFamily(base, { ...base, layout: "radial", centrality: "degree", table: true })).toBe(true);
    expect(sameFamily(base, { ...base, depth: 1 })).toBe(false);
    expect(sameFamily(base, { ...base, expand: ["Qwen/Qwen2.5-7B:quantized"] })).toBe(false);
    expect(showFamily({ ...base, depth: 2, expand: ["x/y:adapter"] }, "google", "google/gemma-7b")).toEqual({
      ...base,
      q: "google",
      depth: 2,
      selected: "google/gemma-7b",
    });
  });
});
