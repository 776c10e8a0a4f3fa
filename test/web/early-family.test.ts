// The family the page's address names, asked for before the renderer is set up: the first load of that family takes
// the answer instead of asking again, and any other load aborts it. fetch is a stand-in that records its calls;
// the expected URLs are written out by hand from the API's parameter names.

import { afterEach, describe, expect, it, vi } from "vitest";
import { askEarly } from "../../web/early-family.js";

interface Call {
  url: string;
  signal: AbortSignal;
}

/** A fetch that records each call and answers it with this body. */
function standInFetch(body: unknown): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", (url: string, init: { signal: AbortSignal }) => {
    calls.push({ url, signal: init.signal });
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe("the family asked for early", () => {
  it("is asked for at once, and the first load of the same family takes its answer, once", async () => {
    const body = { query: "Qwen", kind: "org", graph: { nodes: [], edges: [] } };
    const calls = standInFetch(body);
    const early = askEarly({ q: "Qwen", depth: 2, expand: [], open: ["Qwen/base-1"] });
    expect(calls.map((call) => call.url)).toEqual(["/api/family?q=Qwen&depth=2&open=Qwen%2Fbase-1"]);
    const taken = early.take({ q: "Qwen", depth: 2, expand: [], open: ["Qwen/base-1"] }, new AbortController().signal);
    expect(await taken?.response).toEqual(body);
    expect(early.take({ q: "Qwen", depth: 2, open: ["Qwen/base-1"] }, new AbortController().signal)).toBeNull();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.signal.aborted).toBe(false);
  });

  it("is aborted when the first load asks for another family, or gives up on the one it took", () => {
    const calls = standInFetch({});
    expect(askEarly({ q: "Qwen" }).take({ q: "meta-llama" }, new AbortController().signal)).toBeNull();
    expect(calls[0]?.signal.aborted).toBe(true);

    const load = new AbortController();
    expect(askEarly({ q: "Qwen" }).take({ q: "Qwen" }, load.signal)).not.toBeNull();
    expect(calls[1]?.signal.aborted).toBe(false);
    load.abort();
    expect(calls[1]?.signal.aborted).toBe(true);
  });

  it("asks for nothing when the address names no family", () => {
    const calls = standInFetch({});
    expect(askEarly(null).take({ q: "Qwen" }, new AbortController().signal)).toBeNull();
    expect(calls).toHaveLength(0);
  });
});
