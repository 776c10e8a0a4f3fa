// The overview of a family too large to draw whole (GET /api/family without a node cap), on the real snapshot
// (edges.csv + metadata.csv). Expected figures come from test/server/derive_overview.py (networkx over the raw CSV).

import { beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/server/app.js";
import { drawnGraph, type PayloadNode } from "../../web/drawn-graph.js";
import { appOver, getJson, type ErrorBody, type FamilyBody } from "../support/app-requests.js";
import { fixtureLineage } from "../support/fixture-databases.js";

let app: App;

beforeAll(() => {
  app = appOver(fixtureLineage("edges-and-metadata"), { cacheSize: 0 });
});

const LLAMA = "meta-llama/Llama-3.1-8B";
// derive_overview.py: 43 own models (5 of them leaves in fans of other own models), 6,225 members with them, 54 fans
// of 3,986 leaves, so 2,293 nodes drawn whole.
const OWN = 43;
const OWN_IN_FANS = 5;
const MEMBERS = 6225;
const FANS = 54;
const FOLDED = 3986;

const family = async (query: string) => (await getJson<FamilyBody>(app, `/api/family?${query}`)).body;

/** Models the answer accounts for: drawn models, the members of drawn fans, and the models in collapsed nodes. */
function accounted(body: FamilyBody): number {
  const models = body.graph.nodes.filter((node) => !node.attributes.fan && !node.attributes.collapsed).length;
  const inFans = body.aggregated.reduce((sum, fan) => sum + fan.count, 0);
  const collapsed = (body.collapsed ?? []).reduce((sum, node) => sum + node.count, 0);
  return models + inFans + collapsed;
}

describe("family overview", () => {
  it("draws a family that fits in the budget exactly as the node cap does", async () => {
    // derive_overview.py: Llama-3.1-8B's family takes 635 nodes drawn whole, under the default budget of 2,000.
    const overview = await family(`q=${encodeURIComponent(LLAMA)}`);
    expect(overview.graph.nodes).toHaveLength(635);
    expect(overview.collapsed).toBeUndefined();
    expect(overview).toEqual(await family(`q=${encodeURIComponent(LLAMA)}&overview=off`));
  });

  it("collapses what does not fit and accounts for every member of the family", async () => {
    const whole = await family("q=meta-llama&maxNodes=20000");
    expect(whole.graph.nodes).toHaveLength(MEMBERS - FOLDED + FANS);
    expect(whole.aggregated).toHaveLength(FANS);
    const body = await family("q=meta-llama");
    expect(body.family.models + body.family.descendants.total).toBe(MEMBERS);
    expect(body.graph.nodes.length).toBeLessThanOrEqual(2000);
    expect(body.collapsed?.length).toBeGreaterThan(0);
    expect(accounted(body)).toBe(MEMBERS);
    expect(body.truncated).toEqual({ omittedNodes: (body.collapsed ?? []).reduce((sum, node) => sum + node.count, 0) });
    // Every drawn fan is one of the family's fans, whole; every collapsed node hangs under a drawn model.
    const fans = new Map(whole.aggregated.map((fan) => [`${fan.parent}:${fan.relation}`, fan.count]));
    for (const fan of body.aggregated) expect(fans.get(`${fan.parent}:${fan.relation}`)).toBe(fan.count);
    const graph = drawnGraph(body.graph);
    const keys = new Map(graph.nodes.map((node: PayloadNode) => [node.key, node]));
    for (const node of graph.nodes.filter((n) => n.attributes.collapsed)) {
      const parent = node.attributes.collapsed?.parent ?? null;
      expect(node.key).toBe(`more:${parent ?? ""}`);
      expect(node.attributes.label).toBe(`${node.attributes.collapsed?.count} more`);
      if (parent !== null) {
        expect(keys.get(parent)?.attributes.fan).toBeUndefined();
        expect(graph.edges.some((edge) => edge.source === parent && edge.target === node.key)).toBe(true);
      }
    }
    for (const edge of graph.edges) expect(keys.has(edge.source) && keys.has(edge.target)).toBe(true);
  });

  it("keeps to a small budget, with the own models that do not fit in one node", async () => {
    const body = await family("q=meta-llama&maxNodes=30&overview=on");
    expect(body.graph.nodes.length).toBeLessThanOrEqual(30);
    expect(accounted(body)).toBe(MEMBERS);
    const own = body.graph.nodes.find((node) => node.key === "more:");
    expect(own?.attributes.collapsed?.parent).toBeNull();
    // Opening the own models draws all 43 of them (derive_overview.py): 38 as nodes, 5 in fans.
    const opened = await family("q=meta-llama&maxNodes=200&overview=on&open=meta-llama");
    const drawnOwn = opened.graph.nodes.filter((node) => node.key.toLowerCase().startsWith("meta-llama/"));
    expect(drawnOwn).toHaveLength(OWN - OWN_IN_FANS);
    expect(opened.graph.nodes.some((node) => node.key === "more:")).toBe(false);
    expect(accounted(opened)).toBe(MEMBERS);
  });

  it("opens a collapsed node in place: the subtrees under that model are drawn", async () => {
    const body = await family("q=meta-llama&maxNodes=300&overview=on");
    const node = body.graph.nodes.find((n) => n.attributes.collapsed?.parent && n.attributes.collapsed.children > 1);
    const parent = node?.attributes.collapsed?.parent as string;
    const hidden = node?.attributes.collapsed?.children as number;
    const opened = await family(`q=meta-llama&maxNodes=300&overview=on&open=${encodeURIComponent(parent)}`);
    expect(opened.graph.nodes.some((n) => n.key === `more:${parent}`)).toBe(false);
    const below = (answer: FamilyBody) =>
      drawnGraph(answer.graph)
        .edges.filter((edge) => edge.source === parent)
        .map((edge) => answer.graph.nodes.find((n) => n.key === edge.target)?.attributes)
        .reduce((sum, a) => sum + (a?.collapsed ? 0 : (a?.fan?.count ?? 1)), 0);
    // The direct children drawn (a fan counting its members) grow by the ones the collapsed node stood for.
    expect(below(opened)).toBe(below(body) + hidden);
    expect(accounted(opened)).toBe(MEMBERS);
  });

  it("refuses an `open` that names no model and an `overview` that is neither on nor off", async () => {
    for (const [path, name] of [
      ["/api/family?q=meta-llama&open=a/b/c", "open"],
      ["/api/family?q=meta-llama&overview=yes", "overview"],
    ] as const) {
      const { status, body } = await getJson<ErrorBody>(app, path);
      expect(status).toBe(400);
      expect(body.error.message).toContain(`"${name}"`);
    }
  });
});
