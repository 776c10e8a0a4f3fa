// The family table, centrality and the radial layout in a real browser (Debian Chromium) at 1600×1000, against the
// real server over the bundled snapshot: sorting checked against the API's rows sorted here, filters, the table and
// graph selecting each other, the CSV of the rows shown, centrality against graphology-metrics run here and against
// networkx, labels of the radial layout and of an org's own models, and the narrow screen's notices.

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DirectedGraph } from "graphology";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import { degreeCentrality } from "graphology-metrics/centrality/degree.js";
import pagerankModule from "graphology-metrics/centrality/pagerank.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FamilyTableResponse } from "../../src/server/wire-types.js";
import { openWatchedPage } from "../support/chromium.js";
import { startViewerServer, type ViewerServer } from "../support/viewer-server.js";

// CommonJS packages: the default import is the function itself at run time (see web/centrality.ts).
const pagerank = pagerankModule as unknown as typeof pagerankModule.default;
const betweenness = betweennessModule as unknown as typeof betweennessModule.default;

const RESULTS = resolve(process.cwd(), "test-results");
const PHI = "microsoft/phi-2";
/** A small family of 15 models over 7 depths with merges (networkx over edges.csv: 14 descendants, 18 edges). */
const SMALL = "herisan/llama-3-8b_mental_health_counseling_conversations";

interface Row {
  id: string;
  downloads: number | null;
  centrality: number | null;
}
interface DrawnNode {
  key: string;
  attributes: { row: number; fan?: unknown };
}
interface Box {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

let server: ViewerServer;
let browser: Browser;
let page: Page;
let problems: string[];

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function settled(): Promise<string> {
  await page.waitForFunction(() => ["ready", "overview", "error"].includes(document.body.dataset.state ?? ""));
  return page.evaluate(() => document.body.dataset.state ?? "");
}

const tableRows = () => page.evaluate("window.__hfLineage.tableRows") as Promise<Row[]>;
const selected = () => page.evaluate(() => new URL(location.href).searchParams.get("selected"));

async function tableReady(): Promise<void> {
  await page.waitForFunction(() => / of [\d,]+ models/.test(document.getElementById("table-count")?.textContent ?? ""));
}

/** The drawn graph's family subgraph, rebuilt here: models at depth 0 and below, no fans, the edges among them. */
async function drawnFamily(): Promise<DirectedGraph> {
  const exported = (await page.evaluate("window.__hfLineage.graph.export()")) as {
    nodes: DrawnNode[];
    edges: { source: string; target: string }[];
  };
  const graph = new DirectedGraph();
  for (const node of exported.nodes)
    if (node.attributes.fan === undefined && node.attributes.row >= 0) graph.addNode(node.key);
  for (const edge of exported.edges)
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addDirectedEdge(edge.source, edge.target);
  return graph;
}

function overlapsOf(boxes: Box[]): string[] {
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        overlaps.push(`${a.key} × ${b.key}`);
    }
  return overlaps;
}

beforeAll(async () => {
  server = await startViewerServer();
  ({ browser, page, problems } = await openWatchedPage({
    viewport: { width: 1600, height: 1000 },
    acceptDownloads: true,
  }));
  mkdirSync(RESULTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the family table, centrality and radial layout in Chromium", { timeout: 180_000 }, () => {
  it("sorts by downloads as the API rows sorted here, filters by text, writes the rows shown as CSV", async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent(PHI)}&table=1`);
    expect(await settled()).toBe("ready");
    await tableReady();
    const answer = await api<FamilyTableResponse>(`/api/family-table?q=${encodeURIComponent(PHI)}`);
    expect((await tableRows()).map((row) => row.id)).toEqual(answer.rows.map((row) => row[0]));

    // Largest first, unknown downloads after every known one, ties by id (code-unit order).
    await page.click('.table-head button[data-column="downloads"]');
    const known = answer.rows.filter((row) => row[3] !== null);
    const unknown = answer.rows.filter((row) => row[3] === null);
    const byId = (a: (typeof answer.rows)[number], b: (typeof answer.rows)[number]) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
    const expected = [
      ...known.sort((a, b) => (b[3] as number) - (a[3] as number) || byId(a, b)),
      ...unknown.sort(byId),
    ].map((row) => row[0]);
    expect(known.length).toBeGreaterThan(100);
    expect((await tableRows()).map((row) => row.id)).toEqual(expected);
    // The page shows the first of them, with their counts or "—".
    const first = await page.$$eval(".table-body .table-row:not([hidden])", (rows) =>
      rows.slice(0, 3).map((row) => Array.from(row.children).map((cell) => cell.textContent)),
    );
    expect(first.map((cells) => cells[0])).toEqual(expected.slice(0, 3));
    expect(first[0]![3]).toBe((known[0]![3] as number).toLocaleString("en-US"));
    // Virtual: only the rows in sight are in the page, not all of them.
    const inPage = await page.$$eval(".table-body .table-row", (rows) => rows.length);
    expect(answer.rows.length).toBeGreaterThan(1000);
    expect(inPage).toBeLessThan(80);

    await page.fill("#table-search", "GGUF");
    const filtered = expected.filter((id) => id.toLowerCase().includes("gguf"));
    expect(filtered.length).toBeGreaterThan(3);
    expect((await tableRows()).map((row) => row.id)).toEqual(filtered);
    expect(await page.textContent("#table-count")).toBe(
      `${filtered.length} of ${answer.rows.length.toLocaleString("en-US")} models`,
    );

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#table-csv")]);
    expect(download.suggestedFilename()).toBe("microsoft_phi-2_table.csv");
    const file = resolve(RESULTS, "viewer-table.csv");
    await download.saveAs(file);
    const lines = readFileSync(file, "utf8").split("\r\n");
    expect(lines[0]).toBe("id,relation,depth,downloads,likes,created,licence,children,descendants");
    expect(lines).toHaveLength(filtered.length + 2);
    const byRow = new Map(answer.rows.map((row) => [row[0], row]));
    lines.slice(1, -1).forEach((line, k) => {
      const row = byRow.get(filtered[k]!)!;
      expect(line.startsWith(`"${row[0]}",`)).toBe(true);
      expect(line.split(",")[3]).toBe(row[3] === null ? "" : String(row[3]));
    });
    await page.screenshot({ path: resolve(RESULTS, "viewer-table.png") });
  });

  it("selects in the graph what is chosen in the table, marks in the table what is chosen in the graph", async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent(PHI)}&table=1`);
    expect(await settled()).toBe("ready");
    await tableReady();
    // A drawn model other than the query, picked from the graph; its row clicked after filtering to it.
    const drawn = (await page.evaluate(
      "window.__hfLineage.graph.filterNodes((k, a) => a.fan === undefined && a.row === 1)",
    )) as string[];
    const target = drawn.sort()[0]!;
    await page.fill("#table-search", target);
    await page.click(`.table-body .table-row[data-id="${target}"]`);
    await page.waitForFunction((id) => new URL(location.href).searchParams.get("selected") === id, target);
    await page.waitForSelector(`#panel[data-state="ready"][data-model="${target}"]`);

    // From the graph, by keyboard (Escape clears the selection, Enter on the graph selects the query): its row, the
    // first by depth, is marked.
    await page.fill("#table-search", "");
    await page.focus("#graph");
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("selected") === null);
    await page.keyboard.press("Enter");
    await page.waitForFunction((id) => new URL(location.href).searchParams.get("selected") === id, PHI);
    await page.waitForSelector(`.table-body .table-row[aria-selected="true"][data-id="${PHI}"]`);

    // A model far down the table, chosen in the graph: its row is scrolled to and marked.
    const last = (await tableRows()).filter((row) => drawn.includes(row.id)).at(-1)!.id;
    await page.evaluate(() => document.querySelector(".table-body")!.scrollTo(0, 0));
    await page.goto(`${server.url}/?q=${encodeURIComponent(PHI)}&table=1&selected=${encodeURIComponent(last)}`);
    expect(await settled()).toBe("ready");
    await page.waitForSelector(`.table-body .table-row[aria-selected="true"][data-id="${last}"]`);

    // By keyboard: End moves to the last row, Enter selects it.
    await page.focus(".table-body");
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const second = (await tableRows())[1]!.id;
    await page.waitForFunction((id) => new URL(location.href).searchParams.get("selected") === id, second);
    expect(await selected()).toBe(second);
  });

  it("shows PageRank, betweenness and degree as graphology-metrics computes them on the family subgraph", async () => {
    for (const measure of ["pagerank", "betweenness", "degree"] as const) {
      await page.goto(`${server.url}/?q=${encodeURIComponent(PHI)}&centrality=${measure}&table=1`);
      expect(await settled()).toBe("ready");
      await tableReady();
      const family = await drawnFamily();
      const expected =
        measure === "pagerank"
          ? pagerank(family, { getEdgeWeight: null })
          : measure === "betweenness"
            ? betweenness(family, { getEdgeWeight: null })
            : degreeCentrality(family);
      const shown = (await page.evaluate("window.__hfLineage.centrality")) as Record<string, number>;
      expect(Object.keys(shown).sort()).toEqual(Object.keys(expected).sort());
      for (const [key, value] of Object.entries(expected)) expect(shown[key]).toBeCloseTo(value, 12);
      // The table has the column, filled for the drawn models and "—" for those in fans.
      const rows = await tableRows();
      const withValue = rows.filter((row) => row.centrality !== null);
      expect(withValue.length).toBe(family.order);
      for (const row of withValue) expect(row.centrality).toBeCloseTo(expected[row.id]!, 12);
      expect(await page.textContent("#legend")).toContain(`in the family (${family.order} drawn models`);
    }
    await page.screenshot({ path: resolve(RESULTS, "viewer-centrality.png") });
  });

  it("computes PageRank and betweenness on a small family as networkx does", async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent(SMALL)}&centrality=pagerank&by=colour`);
    expect(await settled()).toBe("ready");
    const family = await drawnFamily();
    expect(family.order).toBe(15);
    const pageRanks = (await page.evaluate("window.__hfLineage.centrality")) as Record<string, number>;
    await page.goto(`${server.url}/?q=${encodeURIComponent(SMALL)}&centrality=betweenness`);
    expect(await settled()).toBe("ready");
    const betweens = (await page.evaluate("window.__hfLineage.centrality")) as Record<string, number>;
    const script =
      "import json, sys, networkx as nx\n" +
      "d = json.load(sys.stdin); g = nx.DiGraph(); g.add_nodes_from(d['nodes']); g.add_edges_from(d['edges'])\n" +
      "print(json.dumps({'pagerank': nx.pagerank(g, alpha=0.85, tol=1e-12), " +
      "'betweenness': nx.betweenness_centrality(g, normalized=True)}))";
    const input = JSON.stringify({ nodes: family.nodes(), edges: family.mapEdges((_e, _a, s, t) => [s, t]) });
    const networkx = JSON.parse(execFileSync("/usr/bin/python3", ["-c", script], { input }).toString()) as {
      pagerank: Record<string, number>;
      betweenness: Record<string, number>;
    };
    // graphology stops at a tolerance of 1e-6 on the sum of changes: values agree to about 1e-6.
    for (const [key, value] of Object.entries(networkx.pagerank)) expect(pageRanks[key]).toBeCloseTo(value, 5);
    for (const [key, value] of Object.entries(networkx.betweenness)) expect(betweens[key]).toBeCloseTo(value, 12);
    expect(Math.max(...Object.values(networkx.betweenness))).toBeGreaterThan(0);
  });

  it("lays out a wide family radially with labels that never overlap nor leave the canvas", async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent(PHI)}&layout=radial`);
    expect(await settled()).toBe("ready");
    const boxes = (await page.evaluate("window.__hfLineage.labelBoxes()")) as Box[];
    const size = await page.$eval("#graph", (node) => ({ width: node.clientWidth, height: node.clientHeight }));
    expect(overlapsOf(boxes)).toEqual([]);
    expect(
      boxes.filter((b) => b.x < 0 || b.y < 0 || b.x + b.width > size.width || b.y + b.height > size.height),
    ).toEqual([]);
    expect(boxes.map((box) => box.key)).toContain(PHI);
    expect(boxes.length).toBeGreaterThan(20);
    // 75 nodes, at most 150: the rings still open whole, every dot on the canvas.
    const dots = (await page.evaluate("window.__hfLineage.drawnDots()")) as {
      key: string;
      x: number;
      y: number;
      radius: number;
    }[];
    expect(dots.length).toBe(75);
    expect(
      dots.filter(
        (dot) =>
          dot.x - dot.radius < 0 ||
          dot.y - dot.radius < 0 ||
          dot.x + dot.radius > size.width ||
          dot.y + dot.radius > size.height,
      ),
    ).toEqual([]);
    await page.screenshot({ path: resolve(RESULTS, "viewer-radial.png") });
  });

  it("colours by one choice at a time: licence, then a centrality, each with its own legend", async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent(PHI)}&colour=pagerank&centrality=degree`);
    expect(await settled()).toBe("ready");
    const legendText = () => page.textContent("#legend");
    expect(await legendText()).toContain("node colour: PageRank in the family");
    expect(await legendText()).toContain("node size: degree in the family");
    await page.selectOption("#colour-input", "licence");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("colour") === "licence");
    expect(await settled()).toBe("ready");
    await page.waitForFunction(() => document.getElementById("legend")?.textContent?.includes("permissive licence"));
    // The licence colours replace PageRank's: its scale is gone, the size by degree stays.
    expect(await legendText()).not.toContain("node colour:");
    expect(await legendText()).toContain("node size: degree in the family");
    expect(await page.$$eval("#legend .centrality-scale", (nodes) => nodes.length)).toBe(0);
    await page.selectOption("#colour-input", "betweenness");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("colour") === "betweenness");
    expect(await settled()).toBe("ready");
    expect(await legendText()).not.toContain("permissive licence");
    expect(await legendText()).toContain("node colour: betweenness in the family");
    expect(await page.$$eval("#legend .centrality-scale", (nodes) => nodes.length)).toBe(1);
    // One colour choice, shown as such in the control.
    expect(await page.inputValue("#colour-input")).toBe("betweenness");
  });

  it("labels every one of an org's own models in its 2,000-node view", async () => {
    await page.goto(`${server.url}/?q=meta-llama`);
    expect(await settled()).toBe("ready");
    const own = (await page.evaluate("window.__hfLineage.graph.filterNodes((k, a) => a.queried)")) as string[];
    expect(own.length).toBeGreaterThan(20);
    const boxes = (await page.evaluate("window.__hfLineage.labelBoxes()")) as Box[];
    const labelled = new Set(boxes.map((box) => box.key));
    expect(own.filter((id) => !labelled.has(id))).toEqual([]);
    expect(overlapsOf(boxes)).toEqual([]);
    await page.screenshot({ path: resolve(RESULTS, "viewer-org.png") });
  });

  it("at 800 pixels wide keeps the notices beside the panel, not under it", async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto(`${server.url}/?q=meta-llama&selected=${encodeURIComponent("meta-llama/Llama-3.1-8B")}`);
    expect(await settled()).toBe("ready");
    await page.waitForSelector(`#panel[data-state="ready"]`);
    const panelLeft = await page.$eval("#panel", (node) => node.getBoundingClientRect().left);
    const rights = await page.$$eval("#notices > *", (nodes) =>
      nodes.map((node) => node.getBoundingClientRect().right),
    );
    expect(rights.length).toBeGreaterThan(0);
    for (const right of rights) expect(right).toBeLessThanOrEqual(panelLeft);
    await page.screenshot({ path: resolve(RESULTS, "viewer-narrow-notices.png") });
    // With the table open the page keeps its width: the table's columns narrow instead of widening it.
    await page.goto(`${server.url}/?q=${encodeURIComponent("meta-llama/Llama-3.1-8B")}&table=1`);
    expect(await settled()).toBe("ready");
    await page.waitForSelector(".family-table .table-body .table-row");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(800);
    await page.setViewportSize({ width: 1600, height: 1000 });
  });

  it("ran without a script error or a failed request", () => {
    expect(problems).toEqual([]);
  });
});
