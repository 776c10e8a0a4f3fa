// Concurrent identical requests share one computation, and a request whose client has gone stops its computation
// at the next checkpoint: the family route's graph-building and layout steps are counted through a spy.

import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Lineage } from "../support/graphology-reference/lineage.js";
import { appOver } from "../support/app-requests.js";
import { fixtureLineage } from "../support/fixture-databases.js";

const calls = vi.hoisted(() => ({ graphs: 0, views: 0 }));
/** Each export's writing, settled or not. */
const writings = vi.hoisted(() => [] as Promise<unknown>[]);

vi.mock("../../src/graph/index-family-graph.js", async (original) => {
  const real = await original<typeof import("../../src/graph/index-family-graph.js")>();
  return {
    ...real,
    indexFamilyGraph: (...args: Parameters<typeof real.indexFamilyGraph>) => {
      calls.graphs++;
      return real.indexFamilyGraph(...args);
    },
  };
});
vi.mock("../../src/graph/family-view.js", async (original) => {
  const real = await original<typeof import("../../src/graph/family-view.js")>();
  return {
    ...real,
    familyView: (...args: Parameters<typeof real.familyView>) => {
      calls.views++;
      return real.familyView(...args);
    },
  };
});

vi.mock("../../src/export/write-export.js", async (original) => {
  const real = await original<typeof import("../../src/export/write-export.js")>();
  return {
    ...real,
    writeExport: (...args: Parameters<typeof real.writeExport>) => {
      const writing = real.writeExport(...args);
      writings.push(
        writing.then(
          () => "finished",
          () => "stopped",
        ),
      );
      return writing;
    },
  };
});

let lineage: Lineage;

beforeAll(() => {
  lineage = fixtureLineage("edges-and-metadata");
});

beforeEach(() => {
  calls.graphs = 0;
  calls.views = 0;
});

const FAMILY = "http://localhost/api/family?q=meta-llama%2FLlama-3.1-8B&maxNodes=300";
const REORDERED = "http://localhost/api/family?maxNodes=300&q=meta-llama%2FLlama-3.1-8B";

describe("concurrent identical requests", () => {
  it("share one computation, parameters in any order, and each gets the whole answer", async () => {
    // No answer cache: only the sharing of requests under way can save the second computation.
    const app = appOver(lineage, { cacheSize: 0 });
    const answers = await Promise.all([app(new Request(FAMILY)), app(new Request(REORDERED))]);
    expect(calls).toEqual({ graphs: 1, views: 1 });
    const [first, second] = await Promise.all(answers.map((response) => response.text()));
    expect(answers.map((response) => response.status)).toEqual([200, 200]);
    expect(second).toBe(first);
    expect(JSON.parse(first!).query).toBe("meta-llama/Llama-3.1-8B");
    // One after the other, without a cache, they are two computations.
    await (await app(new Request(FAMILY))).text();
    expect(calls).toEqual({ graphs: 2, views: 2 });
  });

  it("with other parameters are computed apart", async () => {
    const app = appOver(lineage, { cacheSize: 0 });
    await Promise.all([app(new Request(FAMILY)), app(new Request(`${FAMILY}&depth=1`))]);
    expect(calls).toEqual({ graphs: 2, views: 2 });
  });

  it("keep computing for the clients still waiting when one goes away", async () => {
    const app = appOver(lineage, { cacheSize: 0 });
    const leaving = new AbortController();
    const gone = app(new Request(FAMILY, { signal: leaving.signal }));
    const staying = app(new Request(FAMILY));
    leaving.abort();
    const [left, stayed] = await Promise.all([gone, staying]);
    expect(left.status).toBe(499);
    expect(left.body).toBeNull();
    expect(stayed.status).toBe(200);
    expect(JSON.parse(await stayed.text()).query).toBe("meta-llama/Llama-3.1-8B");
    expect(calls).toEqual({ graphs: 1, views: 1 });
  });
});

describe("a client that goes away", () => {
  it("stops its computation at the next checkpoint: no graph, no layout, nothing logged", async () => {
    const logged: string[] = [];
    const app = appOver(lineage, { cacheSize: 0, log: (message) => logged.push(message) });
    const client = new AbortController();
    // app() runs the route up to its first checkpoint (the family report) before it returns.
    const pending = app(new Request(FAMILY, { signal: client.signal }));
    client.abort();
    const response = await pending;
    expect(response.status).toBe(499);
    expect(calls).toEqual({ graphs: 0, views: 0 });
    expect(logged).toEqual([]);
  });

  it("that had gone before the request is not computed for, and the next client is answered afresh", async () => {
    const app = appOver(lineage);
    const client = new AbortController();
    client.abort();
    expect((await app(new Request(FAMILY, { signal: client.signal }))).status).toBe(499);
    expect(calls).toEqual({ graphs: 0, views: 0 });
    const next = await app(new Request(FAMILY));
    expect(next.status).toBe(200);
    expect(calls).toEqual({ graphs: 1, views: 1 });
  });

  it("stops an export before its first byte", async () => {
    const app = appOver(lineage);
    const client = new AbortController();
    const pending = app(new Request("http://localhost/api/export?q=meta-llama&format=json", { signal: client.signal }));
    client.abort();
    expect((await pending).status).toBe(499);
    // The export's members are found before its first checkpoint; its graph is built after it.
    expect(calls).toEqual({ graphs: 0, views: 0 });
  });

  it("answers HEAD on an export with its headers, and its writer stops instead of waiting for a reader", async () => {
    const log = vi.fn();
    const app = appOver(lineage, { log });
    const url = "http://localhost/api/export?q=meta-llama&format=json";
    const head = await app(new Request(url, { method: "HEAD" }));
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(head.headers.get("content-disposition")).toBe('attachment; filename="meta-llama-family.json"');
    // 7,973 models as JSON far exceed what the unread stream buffers: unstopped, the writer would wait forever.
    const timeout = new Promise((resolve) => setTimeout(() => resolve("still waiting"), 5000));
    expect(await Promise.race([writings.at(-1), timeout])).toBe("stopped");
    expect(log).not.toHaveBeenCalled();
  });
});
