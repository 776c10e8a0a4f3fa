// GET /api/export on the real snapshot: the family's members streamed as a download, over a real socket. The
// family of ArliAI/Mistral-Nemo-12B-ArliAI-RPMax-v1.2 has 15 descendants and 20 edges among its 16 members
// (networkx: nx.descendants and the induced subgraph over edges.csv).

import type { Server } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listen } from "../../src/server/listen.js";
import { appOver } from "../support/app-requests.js";
import { fixtureLineage } from "../support/fixture-databases.js";

const ROOT = "ArliAI/Mistral-Nemo-12B-ArliAI-RPMax-v1.2";
let server: Server;
let base: string;

beforeAll(async () => {
  ({ server, url: base } = await listen(appOver(fixtureLineage("edges-and-metadata")), { port: 0, host: "127.0.0.1" }));
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

async function download(query: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${base}api/export?q=${encodeURIComponent(ROOT)}&${query}`);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

it("streams GraphML with every member and every edge among them", async () => {
  const { status, headers, text } = await download("format=graphml");
  expect(status).toBe(200);
  expect(headers.get("content-type")).toBe("application/graphml+xml; charset=utf-8");
  expect(headers.get("content-disposition")).toBe(
    'attachment; filename="ArliAI_Mistral-Nemo-12B-ArliAI-RPMax-v1.2-family.graphml"',
  );
  expect(text.match(/<node /g)).toHaveLength(16);
  expect(text.match(/<edge /g)).toHaveLength(20);
});

it("names the file after the query, the filters and the GEXF version", async () => {
  const { headers } = await download("format=gexf-1.2&depth=2&relations=finetune,merge");
  expect(headers.get("content-disposition")).toBe(
    'attachment; filename="ArliAI_Mistral-Nemo-12B-ArliAI-RPMax-v1.2-family_depth2_finetune-merge-gexf1.2.gexf"',
  );
});

it("streams GEXF with the viewer's layout positions", async () => {
  const { text } = await download("format=gexf");
  expect(text.match(/<node /g)).toHaveLength(16);
  expect(text.match(/<viz:position /g)).toHaveLength(16);
});

it("gives the edge table or the node table as CSV", async () => {
  const edges = await download("format=csv");
  expect(edges.headers.get("content-disposition")).toContain("-family-edges.csv");
  expect(edges.text.trim().split("\n")).toHaveLength(1 + 20);
  const nodes = await download("format=csv&table=nodes");
  expect(nodes.text.trim().split("\n")).toHaveLength(1 + 16);
});

it("limits depth like /api/family", async () => {
  // networkx: the root has 4 direct successors.
  const { text } = await download("format=json&depth=1");
  const parsed = JSON.parse(text) as { nodes: unknown[] };
  expect(parsed.nodes).toHaveLength(1 + 4);
});

it("answers a bad format with the error shape", async () => {
  const { status, text } = await download("format=xlsx");
  expect(status).toBe(400);
  expect(JSON.parse(text)).toEqual({ error: { status: 400, message: expect.stringContaining('"format"') } });
});
