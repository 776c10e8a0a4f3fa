// The JSON API on the real snapshot (edges.csv + metadata.csv, the shared database), in-process. Expected figures
// come from test/server/derive-expected.py (networkx over the raw CSV), unless a test says otherwise.

import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { runChecks, type ChecksReport } from "../../src/graph/checks.js";
import { familyReport } from "../../src/graph/family.js";
import type { LineageStats } from "../../src/graph/lineage-stats.js";
import { lineageStats } from "../support/graphology-reference/lineage-stats.js";
import type { Lineage } from "../support/graphology-reference/lineage.js";
import { resolveQuery } from "../../src/graph/resolve-query.js";
import type { OrgFamilySize } from "../../src/graph/org-families.js";
import type { RankedModel } from "../../src/graph/top-models.js";
import type { App } from "../../src/server/app.js";
import type { SearchResult, WireGraph, WireNode } from "../../src/server/wire-types.js";
import { drawnGraph } from "../../web/drawn-graph.js";
import type { ModelMetrics } from "../../src/graph/model-metrics.js";
import { appOver, getJson, type ErrorBody, type FamilyBody } from "../support/app-requests.js";
import { fixtureLineage } from "../support/fixture-databases.js";

interface ModelBody {
  model: { id: string };
  hubUrl: string;
  descendants: { total: number };
  children: { total: number };
  ancestors: { id: string; depth: number }[];
  ancestry: { paths: string[][]; truncated: boolean };
  metrics: ModelMetrics;
}

let lineage: Lineage;
let app: App;

beforeAll(() => {
  lineage = fixtureLineage("edges-and-metadata");
  app = appOver(lineage);
});

const LLAMA = "meta-llama/Llama-3.1-8B";

describe("GET /api/family", () => {
  it("reports the largest model family exactly as networkx counts it and as `family --json` does", async () => {
    const { status, type, body } = await getJson<FamilyBody>(app, `/api/family?q=${encodeURIComponent(LLAMA)}`);
    expect(status).toBe(200);
    expect(type).toBe("application/json; charset=utf-8");
    expect(body.query).toBe(LLAMA);
    expect(body.kind).toBe("model");
    // networkx: nx.descendants, relation of each descendant's edge label, BFS depth.
    expect(body.family.descendants).toEqual({
      total: 2299,
      byRelation: { finetune: 1527, adapter: 16, quantized: 683, merge: 73, unknown: 0 },
      byDepth: { "1": 363, "2": 724, "3": 1072, "4": 99, "5": 35, "6": 3, "7": 1, "8": 1, "9": 1 },
    });
    // networkx: relations of the 363 direct successors.
    expect(body.family.children).toEqual({
      total: 363,
      byRelation: { finetune: 247, adapter: 2, quantized: 108, merge: 6, unknown: 0 },
    });
    expect(body.family).toEqual(familyReport(lineage.graph, resolveQuery(lineage.store, LLAMA)));
  });

  it("folds fans of more than 12 leaf children and stays under the default cap", async () => {
    const { body } = await getJson<FamilyBody>(app, `/api/family?q=${encodeURIComponent(LLAMA)}`);
    // derive-expected.py: 2300 members, 13 fans holding 1678 leaves, so 2300 - 1678 + 13 = 635 nodes.
    expect(body.graph.nodes).toHaveLength(635);
    expect(body.aggregated).toHaveLength(13);
    expect(body.aggregated.reduce((sum, fan) => sum + fan.count, 0)).toBe(1678);
    expect(body.truncated).toBeNull();
    const fans = body.graph.nodes.filter((node: WireNode) => node.attributes.fan !== undefined);
    expect(fans).toHaveLength(13);
    for (const fan of fans) expect(fan.key).toBe(`fan:${fan.attributes.fan?.parent}:${fan.attributes.fan?.relation}`);
    // networkx: the family subgraph has 2366 edges; each folded leaf loses its one edge, each fan gains one.
    expect(body.graph.edges).toHaveLength(2366 - 1678 + 13);
    // Each edge names its ends by their positions among the nodes.
    for (const [source, target] of body.graph.edges) {
      expect(body.graph.nodes[source]).toBeDefined();
      expect(body.graph.nodes[target]).toBeDefined();
    }
    const root = body.graph.nodes.find((node: WireNode) => node.key === LLAMA);
    expect(root?.attributes).toMatchObject({ depth: 0, root: true, y: 0, descendants: 2299 });
  });

  it("sends edges by their ends' positions: drawn, they are the lineage graph's edges among drawn models", async () => {
    const { body } = await getJson<FamilyBody>(app, `/api/family?q=${encodeURIComponent(LLAMA)}&maxNodes=20000`);
    const graph = drawnGraph(body.graph);
    const models = new Set(graph.nodes.filter((node) => !node.key.startsWith("fan:")).map((node) => node.key));
    const between = graph.edges.filter((edge) => models.has(edge.source) && models.has(edge.target));
    // Independently: the whole lineage graph's edges whose two ends are drawn models, with their relations.
    const whole = lineage.graph;
    const expected = whole
      .filterEdges((_edge, _attributes, source, target) => models.has(source) && models.has(target))
      .map((edge) => `${whole.source(edge)}>${whole.target(edge)}:${whole.getEdgeAttribute(edge, "relation")}`)
      .sort();
    expect(between.map((edge) => `${edge.source}>${edge.target}:${edge.attributes.relation}`).sort()).toEqual(expected);
    // Each fan hangs by one edge under its parent, with the fan's relation.
    const fanEdges = graph.edges.filter((edge) => edge.target.startsWith("fan:"));
    expect(fanEdges.map((edge) => edge.target).sort()).toEqual(
      body.aggregated.map((fan) => `fan:${fan.parent}:${fan.relation}`).sort(),
    );
    for (const edge of fanEdges) expect(edge.target).toBe(`fan:${edge.source}:${edge.attributes.relation}`);
    // A model's label is left to the viewer (its key); a fan's is sent.
    expect(
      body.graph.nodes
        .filter((node) => node.attributes.label !== undefined)
        .map((node) => node.key)
        .sort(),
    ).toEqual(fanEdges.map((edge) => edge.target).sort());
  });

  it("keeps the nearest members under a node cap and counts the models left out", async () => {
    const { body } = await getJson<FamilyBody>(app, `/api/family?q=${encodeURIComponent(LLAMA)}&maxNodes=100`);
    // derive-expected.py: the 635 drawn units ranked by (depth, descendants desc, key); the first 100 keep 2 fans;
    // the other 535 units stand for 1886 models.
    expect(body.graph.nodes).toHaveLength(100);
    expect(body.aggregated).toHaveLength(2);
    expect(body.truncated).toEqual({ omittedNodes: 1886 });
    expect(Math.max(...body.graph.nodes.map((node: WireNode) => node.attributes.depth))).toBeLessThanOrEqual(2);
  });

  it("expands a named fan", async () => {
    const { body: folded } = await getJson<FamilyBody>(app, `/api/family?q=${encodeURIComponent(LLAMA)}`);
    const fan = folded.aggregated[0] as { parent: string; relation: string; count: number };
    const { body } = await getJson<FamilyBody>(
      app,
      `/api/family?q=${encodeURIComponent(LLAMA)}&expand=${encodeURIComponent(`${fan.parent}:${fan.relation}`)}`,
    );
    // One fan node replaced by its members: 635 - 1 + count.
    expect(body.graph.nodes).toHaveLength(635 - 1 + fan.count);
    expect(body.aggregated).toHaveLength(12);
  });

  it("answers an org family with the union of its models' descendants, and limits depth", async () => {
    const { body } = await getJson<FamilyBody>(app, `/api/family?q=qwen&depth=2&maxNodes=20000`);
    expect(body.kind).toBe("org");
    expect(body.query).toBe("Qwen");
    // networkx: ids starting with "qwen/" (173), union of their descendants minus themselves.
    expect(body.family.models).toBe(173);
    expect(body.family.descendants.total).toBe(5014);
    expect(body.family.descendants.byDepth["13"]).toBe(1);
    // networkx: multi-source BFS from the 173 models, at most 2 steps: 4696 descendants.
    const models = body.graph.nodes.reduce((sum, node) => sum + (node.attributes.fan?.count ?? 1), 0);
    expect(models).toBe(173 + 4696);
  });

  it("follows only the relations asked for", async () => {
    const { body } = await getJson<FamilyBody>(
      app,
      `/api/family?q=${encodeURIComponent(LLAMA)}&relations=adapter&depth=1`,
    );
    // networkx: the adapter-labelled successors of Llama-3.1-8B.
    expect(body.graph.nodes.map((node: WireNode) => node.key).sort()).toEqual(
      ["ericflo/Llama-3.1-8B-ContinuedTraining", LLAMA, "nvl-og/custom-llama3.1"].sort(),
    );
    expect(drawnGraph(body.graph).edges.map((edge) => [edge.source, edge.target, edge.attributes.relation])).toEqual([
      [LLAMA, "ericflo/Llama-3.1-8B-ContinuedTraining", "adapter"],
      [LLAMA, "nvl-og/custom-llama3.1", "adapter"],
    ]);
  });
});

describe("GET /api/model", () => {
  it("gives the family report's counts, the ancestry and the stored metrics", async () => {
    const { status, body } = await getJson<ModelBody>(app, `/api/model?id=meta-llama/llama-3.1-8b`);
    expect(status).toBe(200);
    expect(body.model.id).toBe(LLAMA);
    expect(body.hubUrl).toBe(`https://huggingface.co/${LLAMA}`);
    expect(body.descendants.total).toBe(2299);
    expect(body.children.total).toBe(363);
    expect(body.ancestors).toEqual([]);
    expect(body.ancestry).toEqual({ paths: [[LLAMA]], truncated: false });
    expect(body.metrics).toMatchObject({ generation: 0, descendants: 2299, children: 363 });
  });

  it("takes a model's or an org's page on the Hub as its id, as copied from a browser", async () => {
    const byId = await getJson<ModelBody>(app, `/api/model?id=${LLAMA}`);
    for (const address of [
      `https://huggingface.co/${LLAMA}`,
      `hf.co/${LLAMA}/tree/main`,
      `https://huggingface.co/${LLAMA}/blob/main/config.json?download=true`,
    ])
      expect(await getJson<ModelBody>(app, `/api/model?id=${encodeURIComponent(address)}`), address).toEqual(byId);
    const org = await getJson<FamilyBody>(app, `/api/family?q=${encodeURIComponent("https://huggingface.co/Qwen")}`);
    expect([org.body.kind, org.body.query]).toEqual(["org", "Qwen"]);
    const search = await getJson<{ results: SearchResult[] }>(
      app,
      `/api/search?q=${encodeURIComponent("https://huggingface.co/Qwen/Qwen2.5-7B")}&limit=3`,
    );
    expect(search).toEqual(await getJson(app, `/api/search?q=Qwen/Qwen2.5-7B&limit=3`));
    expect(search.body.results[0]?.id).toBe("Qwen/Qwen2.5-7B");
    // A dataset's page names no model.
    const dataset = await getJson<ErrorBody>(
      app,
      `/api/model?id=${encodeURIComponent("https://huggingface.co/datasets/a/b")}`,
    );
    expect(dataset.status).toBe(400);
  });

  it("answers an unknown id with a 404 and close matches", async () => {
    const { status, body } = await getJson<ErrorBody>(app, `/api/model?id=Qwen/Qwen2.5-7Bx`);
    expect(status).toBe(404);
    expect(body.error.status).toBe(404);
    expect(body.error.suggestions?.[0]).toBe("Qwen/Qwen2.5-7B");
  });

  it("answers a spelling that two ids differing only in case share with a 404 naming both", async () => {
    // Both spellings are in the real edge list (sqlite3: lower(id) equal for exactly these two).
    const both = [
      "erayalp/qwen2.5-0.5B-instruct-SFT-v1-tr-math-easy",
      "erayalp/qwen2.5-0.5b-instruct-SFT-v1-tr-math-easy",
    ];
    const asked = "ERAYALP/QWEN2.5-0.5B-INSTRUCT-SFT-V1-TR-MATH-EASY";
    for (const path of [`/api/model?id=${asked}`, `/api/family?q=${asked}`]) {
      const { status, body } = await getJson<ErrorBody>(app, path);
      expect([status, body.error.suggestions], path).toEqual([404, both]);
    }
    // Each as written is its own model.
    for (const id of both) expect((await getJson<ModelBody>(app, `/api/model?id=${id}`)).body.model.id).toBe(id);
  });
});

describe("GET /api/ancestry", () => {
  it("draws every ancestor above the model and lists the paths to the roots", async () => {
    const { body } = await getJson<{ paths: string[][]; graph: WireGraph }>(
      app,
      `/api/ancestry?id=meta-llama/Llama-3.1-8B-Instruct`,
    );
    // edges.csv: Llama-3.1-8B-Instruct has the single parent Llama-3.1-8B, a root.
    expect(body.paths).toEqual([["meta-llama/Llama-3.1-8B-Instruct", LLAMA]]);
    const rows = Object.fromEntries(body.graph.nodes.map((node: WireNode) => [node.key, node.attributes]));
    expect(rows[LLAMA]).toMatchObject({ root: true, y: 0 });
    expect(rows["meta-llama/Llama-3.1-8B-Instruct"]).toMatchObject({ root: false, depth: 0 });
    expect(rows["meta-llama/Llama-3.1-8B-Instruct"]?.y).toBeLessThan(0);
  });
});

describe("a deep merge's parents and ancestry", () => {
  const MERGE = "Lunzima/NQLSG-Qwen2.5-14B-MegaFusion-v9.3";

  it("lists the 5 direct parents with the relation of each edge, as the whole lineage graph holds them", async () => {
    const { body } = await getJson<{ parents: { id: string; relation: string; placeholder: boolean }[] }>(
      app,
      `/api/model?id=${encodeURIComponent(MERGE)}`,
    );
    // Independently: the in-neighbours of the model in the whole graphology graph, with the edge's relation.
    const graph = lineage.graph;
    const expected = graph
      .inNeighbors(MERGE)
      .sort()
      .map((parent) => ({
        id: parent,
        relation: graph.getEdgeAttribute(graph.edge(parent, MERGE), "relation"),
        placeholder: graph.getNodeAttribute(parent, "placeholder"),
      }));
    expect(body.parents).toEqual(expected);
    expect(body.parents).toHaveLength(5);
    expect(body.parents.every((parent) => parent.relation === "merge")).toBe(true);
  });

  it("draws its 78 ancestors, or the nearest ones under a cap that counts what it leaves out", async () => {
    const { body } = await getJson<{ ancestors: number; omittedNodes: number; graph: WireGraph }>(
      app,
      `/api/ancestry?id=${encodeURIComponent(MERGE)}`,
    );
    expect(body).toMatchObject({ ancestors: 78, omittedNodes: 0 });
    expect(body.graph.nodes).toHaveLength(79);
    const { body: capped } = await getJson<{ ancestors: number; omittedNodes: number; graph: WireGraph }>(
      app,
      `/api/ancestry?id=${encodeURIComponent(MERGE)}&maxNodes=10`,
    );
    expect(capped).toMatchObject({ ancestors: 78, omittedNodes: 68 });
    // The model and the 10 nearest: its 5 parents (depth 1) first.
    const depths = capped.graph.nodes
      .map((node: WireNode) => node.attributes.depth)
      .sort((a: number, b: number) => a - b);
    expect(depths.slice(0, 6)).toEqual([0, 1, 1, 1, 1, 1]);
    expect(depths).toHaveLength(11);
  });
});

describe("rankings, search and reports", () => {
  it("ranks models by descendants", async () => {
    const { body } = await getJson<{ models: RankedModel[] }>(app, `/api/top?by=descendants&limit=3`);
    expect(body.models.map((m: RankedModel) => [m.id, m.value])).toEqual([
      [LLAMA, 2299],
      ["meta-llama/Llama-3.1-8B-Instruct", 1431],
      ["meta-llama/Meta-Llama-3-8B", 1104],
    ]);
  });

  it("ranks org families", async () => {
    const { body } = await getJson<{ orgs: OrgFamilySize[] }>(app, `/api/top-orgs?limit=3`);
    expect(body.orgs.map((o: OrgFamilySize) => [o.org.toLowerCase(), o.descendants])).toEqual([
      ["unsloth", 7532],
      ["meta-llama", 6182],
      ["qwen", 5014],
    ]);
  });

  it("searches ids and orgs by substring, ranked by descendants", async () => {
    const { body } = await getJson<{ results: SearchResult[] }>(app, `/api/search?q=Qwen2.5-7B&limit=3`);
    expect(body.results.map((r: SearchResult) => [r.id, r.kind, r.descendants])).toEqual([
      ["Qwen/Qwen2.5-7B", "model", 1069],
      ["Qwen/Qwen2.5-7B-Instruct", "model", 459],
      ["unsloth/Qwen2.5-7B-Instruct", "model", 111],
    ]);
    const { body: orgs } = await getJson<{ results: SearchResult[] }>(app, `/api/search?q=unslo&limit=1`);
    // The edge list gives no downloads: unknown (null), not 0.
    expect(orgs.results).toEqual([{ id: "unsloth", kind: "org", descendants: 7532, downloads: null }]);
  });

  it("searches as the first request of a new server, before any section of the index was read", async () => {
    const { status, body } = await getJson<{ results: SearchResult[] }>(appOver(lineage), `/api/search?q=Qwen2.5-7B`);
    expect(status).toBe(200);
    expect(body.results[0]).toEqual({ id: "Qwen/Qwen2.5-7B", kind: "model", descendants: 1069, downloads: null });
  });

  it("gives stats and checks exactly as the command line's --json", async () => {
    const { body: stats } = await getJson<LineageStats>(app, `/api/stats`);
    expect(stats).toEqual(lineageStats(lineage));
    expect(stats).toMatchObject({ edges: 30341, multiParent: 1062, maxGeneration: 16, selfLoops: 42 });
    const { body: checks } = await getJson<ChecksReport>(app, `/api/checks`);
    expect(checks).toEqual(runChecks(openIndexedLineage(lineage.store)));
    expect(checks.selfLoops.count).toBe(42);
  });
});

describe("answer cache", () => {
  it("answers a repeated request, parameters in any order, exactly as a fresh computation does", async () => {
    const fresh = appOver(lineage, { cacheSize: 0 });
    const path = `/api/family?q=${encodeURIComponent(LLAMA)}&depth=2&maxNodes=300`;
    const reordered = `/api/family?maxNodes=300&depth=2&q=${encodeURIComponent(LLAMA)}`;
    const expected = await (await fresh(new Request(`http://localhost${path}`))).text();
    expect(await (await app(new Request(`http://localhost${path}`))).text()).toBe(expected);
    expect(await (await app(new Request(`http://localhost${reordered}`))).text()).toBe(expected);
  });

  it("sends large answers gzip-compressed to clients that accept it, the same JSON once unpacked", async () => {
    const path = `http://localhost/api/family?q=${encodeURIComponent(LLAMA)}`;
    const plain = await (await app(new Request(path))).text();
    const packed = await app(new Request(path, { headers: { "accept-encoding": "gzip, deflate, br" } }));
    expect(packed.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await packed.arrayBuffer())).toString("utf8")).toBe(plain);
    const refused = await app(new Request(path, { headers: { "accept-encoding": "gzip;q=0" } }));
    expect(refused.headers.get("content-encoding")).toBeNull();
    // /api/stats is about a hundred characters: not worth compressing.
    const small = await app(new Request("http://localhost/api/stats", { headers: { "accept-encoding": "gzip" } }));
    expect(small.headers.get("content-encoding")).toBeNull();
  });
});
