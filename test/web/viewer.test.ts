// The viewer in a real browser (Debian Chromium) at 1600×1000 against the real server over the real data: search,
// the lineage drawn (labels that never collide, edges in the legend's colours), the panel's counts and parents, fans,
// the URL as the view's state, the 404's close matches, the exports and the narrow screen.

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LABEL_HEIGHT } from "../../web/lineage-view.js";
import { openWatchedPage } from "../support/chromium.js";
import { startViewerServer, type ViewerServer } from "../support/viewer-server.js";

const RESULTS = resolve(process.cwd(), "test-results");
const GEXF_SCHEMA = resolve(process.cwd(), "../shared/schemas/gexf-1.3/gexf.rnc");
const GEXF_12_SCHEMA = resolve(process.cwd(), "../shared/schemas/gexf-1.2draft/gexf.rnc");
const QWEN = "Qwen/Qwen2.5-14B";
const MERGE = "Lunzima/NQLSG-Qwen2.5-14B-MegaFusion-v9.3";
const PALETTE = { finetune: "#0072b2", adapter: "#009e73", quantized: "#e69f00", merge: "#cc79a7" };

interface LabelBox {
  key: string;
  side: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface FamilyBody {
  graph: { nodes: { key: string; attributes: { fan?: { parent: string; relation: string; count: number } } }[] };
  aggregated: { count: number }[];
  truncated: { omittedNodes: number } | null;
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

const drawnNodes = () =>
  page.evaluate(() => (window as unknown as { __hfLineage: { graph: { order: number } } }).__hfLineage.graph.order);

const labelBoxes = () => page.evaluate("window.__hfLineage.labelBoxes()") as Promise<LabelBox[]>;

/** The pairs of drawn label boxes that intersect, and the boxes that leave the graph's canvas. */
async function labelProblems(): Promise<{ overlaps: string[]; outside: string[]; boxes: LabelBox[] }> {
  const boxes = await labelBoxes();
  const size = await page.$eval("#graph", (node) => ({ width: node.clientWidth, height: node.clientHeight }));
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        overlaps.push(`${a.key} × ${b.key}`);
    }
  const outside = boxes
    .filter((b) => b.x < 0 || b.y < 0 || b.x + b.width > size.width || b.y + b.height > size.height)
    .map((b) => b.key);
  return { overlaps, outside, boxes };
}

async function clickNode(id: string): Promise<void> {
  const point = await page.evaluate(
    (node) =>
      (
        window as unknown as { __hfLineage: { pagePosition(id: string): { x: number; y: number } | null } }
      ).__hfLineage.pagePosition(node),
    id,
  );
  if (point === null) throw new Error(`node ${id} is not drawn`);
  await page.mouse.move(point.x, point.y);
  await page.mouse.click(point.x, point.y);
}

/** The panel's facts (author, created, licence, ...) as text, keyed by their terms. */
async function panelFacts(): Promise<Record<string, string>> {
  const pairs = await page.$$eval("#panel dl.facts dt", (terms) =>
    terms.map((term) => [term.textContent ?? "", term.nextElementSibling?.textContent ?? ""]),
  );
  return Object.fromEntries(pairs);
}

/** The panel's table as numbers, keyed like its cells (`children-finetune`, `descendants-total`, ...). */
async function panelCounts(): Promise<Record<string, number>> {
  const cells = await page.$$eval("#panel [data-count]", (nodes) =>
    nodes.map((node) => [(node as HTMLElement).dataset.count ?? "", node.textContent ?? ""]),
  );
  return Object.fromEntries(cells.map(([key, text]) => [key, Number((text ?? "").replace(/,/g, ""))]));
}

beforeAll(async () => {
  server = await startViewerServer();
  ({ browser, page, problems } = await openWatchedPage({
    viewport: { width: 1600, height: 1000 },
    acceptDownloads: true,
    // The unknown ids' tests ask for models that do not exist: their 404s and console lines are expected.
    expectedConsoleError: (text) => text.startsWith("Failed to load resource"),
    expectedFailedAnswer: (url) => url.includes("Qwen2.5-14C") || /[?&]q=llama(&|$)/.test(url),
  }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// Generous limits: these run beside the rest of the suite on two cores, with WebGL in software.
describe("the viewer in Chromium", { timeout: 180_000 }, () => {
  it("shows the largest org families first, in the API's order", async () => {
    await page.goto(`${server.url}/`);
    expect(await settled()).toBe("overview");
    const expected = await api<{ orgs: { org: string }[] }>("/api/top-orgs?limit=12");
    const titles = await page.$$eval("#overview section:first-of-type .card-title", (nodes) =>
      nodes.map((node) => node.textContent),
    );
    expect(titles).toEqual(expected.orgs.map((org) => org.org));
    expect(await page.textContent("#overview .overview-intro")).toContain("Type a model id or an org");
  });

  it("finds Qwen/Qwen2.5-14B from the search box and draws the family the API sends", async () => {
    await page.fill("#search-input", "Qwen/Qwen2.5-14");
    await page.waitForSelector(`#search-suggestions li[data-id="${QWEN}"]`);
    const ids = await page.$$eval("#search-suggestions li", (items) =>
      items.map((item) => (item as HTMLElement).dataset.id),
    );
    for (let step = 0; step <= ids.indexOf(QWEN); step += 1) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    expect(await settled()).toBe("ready");
    expect(new URL(page.url()).searchParams.get("q")).toBe(QWEN);

    const family = await api<FamilyBody>(`/api/family?q=${encodeURIComponent(QWEN)}`);
    expect(await drawnNodes()).toBe(family.graph.nodes.length);
    // Every member is drawn or stands inside a fan: nodes − fans + fan members = the model + its 700 descendants
    // (700 = networkx.descendants over edges.csv without self-loops; the family files add none under this model).
    expect(family.truncated).toBeNull();
    const fanMembers = family.aggregated.reduce((sum, fan) => sum + fan.count, 0);
    expect(family.graph.nodes.length - family.aggregated.length + fanMembers).toBe(1 + 700);

    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: resolve(RESULTS, "viewer-family.png") });
  });

  it("opens the panel of a clicked node with the counts of /api/model and of networkx", async () => {
    await clickNode(QWEN);
    await page.waitForSelector(`#panel[data-state="ready"][data-model="${QWEN}"]`);
    expect(new URL(page.url()).searchParams.get("selected")).toBe(QWEN);
    const counts = await panelCounts();
    // networkx on edges.csv (self-loops dropped, relation of the child): 97 children = 44 fine-tunes, 36
    // quantizations, 17 merges; 700 descendants = 298 fine-tunes, 337 quantizations, 65 merges.
    expect(counts).toEqual({
      "children-finetune": 44,
      "children-adapter": 0,
      "children-quantized": 36,
      "children-merge": 17,
      "children-unknown": 0,
      "children-total": 97,
      "descendants-finetune": 298,
      "descendants-adapter": 0,
      "descendants-quantized": 337,
      "descendants-merge": 65,
      "descendants-unknown": 0,
      "descendants-total": 700,
    });
    const model = await api<{
      children: { total: number; byRelation: Record<string, number> };
      descendants: { total: number; byRelation: Record<string, number> };
    }>(`/api/model?id=${encodeURIComponent(QWEN)}`);
    for (const [relation, value] of Object.entries(model.children.byRelation))
      expect(counts[`children-${relation}`]).toBe(value);
    for (const [relation, value] of Object.entries(model.descendants.byRelation))
      expect(counts[`descendants-${relation}`]).toBe(value);
    expect(await page.textContent("#panel a[href]")).toBe("Open on the Hub");
    expect(await page.getAttribute("#panel a[href]", "href")).toBe(`https://huggingface.co/${QWEN}`);
    // The snapshot holds no Hub record of it (edges.csv and metadata.csv only): its licence is not known.
    expect((await panelFacts()).licence).toBe("— (no record read)");
    await page.screenshot({ path: resolve(RESULTS, "viewer-panel.png") });
  });

  it("reopens the same view from the URL; Back and Escape close the panel, Forward reopens it", async () => {
    const nodes = await drawnNodes();
    await page.reload();
    expect(await settled()).toBe("ready");
    await page.waitForSelector(`#panel[data-state="ready"][data-model="${QWEN}"]`);
    expect(await drawnNodes()).toBe(nodes);
    expect(await page.inputValue("#search-input")).toBe(QWEN);
    await page.goBack();
    await page.waitForFunction(() => document.getElementById("panel")?.hidden === true);
    expect(new URL(page.url()).searchParams.get("selected")).toBeNull();
    expect(await drawnNodes()).toBe(nodes);
    await page.goForward();
    await page.waitForSelector(`#panel[data-state="ready"][data-model="${QWEN}"]`);
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.getElementById("panel")?.hidden === true);
    expect(new URL(page.url()).searchParams.get("selected")).toBeNull();
  });

  it("opens exactly the fan whose pill is clicked, and folds it again", async () => {
    const family = await api<FamilyBody>(`/api/family?q=${encodeURIComponent(QWEN)}`);
    await page.goto(`${server.url}/?q=${encodeURIComponent(QWEN)}`);
    expect(await settled()).toBe("ready");
    const graphBox = (await page.$eval("#graph", (node) => node.getBoundingClientRect().toJSON())) as {
      x: number;
      y: number;
    };
    // Every fan of the view is drawn as a pill (whole or, at this zoom, with its count alone); each pill is a
    // click target of its own, so the one clicked is the one that opens: here, the smallest fan.
    const pills = (await labelBoxes()).filter((box) => box.side.endsWith("pill"));
    expect(pills.length).toBe(family.aggregated.length);
    const fans = family.graph.nodes.filter((node) => node.attributes.fan !== undefined);
    const smallest = [...fans].sort((a, b) => a.attributes.fan!.count - b.attributes.fan!.count)[0]!;
    const pill = pills.find((box) => box.key === smallest.key)!;
    const before = await drawnNodes();
    await page.mouse.click(graphBox.x + pill.x + pill.width - 4, graphBox.y + pill.y + pill.height / 2);
    await page.waitForFunction(
      (count) => (window as unknown as { __hfLineage: { graph: { order: number } } }).__hfLineage.graph.order !== count,
      before,
    );
    expect(await settled()).toBe("ready");
    const fan = smallest.attributes.fan!;
    expect(new URL(page.url()).searchParams.get("expand")).toBe(`${fan.parent}:${fan.relation}`);
    expect(await drawnNodes()).toBe(before - 1 + fan.count);
    // The opened fan's members are laid out without one label on another.
    expect((await labelProblems()).overlaps).toEqual([]);
    await page.click(`#notices button[data-fan="${fan.parent}:${fan.relation}"]`);
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("expand"));
    expect(await settled()).toBe("ready");
    expect(await drawnNodes()).toBe(before);
  });

  it("draws the deep merge's lineage: 78 ancestors above it, every node labelled, its 5 parents listed", async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent(MERGE)}&selected=${encodeURIComponent(MERGE)}`);
    expect(await settled()).toBe("ready");
    await page.waitForSelector(`#panel[data-state="ready"][data-model="${MERGE}"]`);
    // The model and its 78 ancestors (the API test derives them from the whole graph), all above it.
    expect(await drawnNodes()).toBe(79);
    const rows = (await page.evaluate(`window.__hfLineage.graph.mapNodes((key, a) => [key, a.row])`)) as [
      string,
      number,
    ][];
    expect(rows.filter(([key, row]) => key !== MERGE && row >= 0)).toEqual([]);
    // Every parent is drawn above each of its children: no edge runs up or along a row.
    const rowOf = new Map(rows);
    const edges = (await page.evaluate(
      `window.__hfLineage.graph.mapEdges((edge, attributes, source, target) => [source, target])`,
    )) as [string, string][];
    expect(edges.length).toBeGreaterThan(78);
    expect(edges.filter(([parent, child]) => rowOf.get(parent)! >= rowOf.get(child)!)).toEqual([]);
    // Up to 150 nodes, every node whose row is on the canvas at the opening zoom has its label (the drawing, its
    // ancestors' rows follow their longest paths, is taller than the canvas: the rest is a pan away); none touches
    // another or leaves the canvas.
    const { overlaps, outside, boxes } = await labelProblems();
    expect(overlaps).toEqual([]);
    expect(outside).toEqual([]);
    const height = await page.$eval("#graph", (node) => node.clientHeight);
    const dots = (await page.evaluate("window.__hfLineage.drawnDots()")) as { key: string; y: number }[];
    const onCanvas = dots.filter((dot) => dot.y - LABEL_HEIGHT / 2 >= 0 && dot.y + LABEL_HEIGHT / 2 <= height);
    expect(onCanvas.length).toBeGreaterThan(60);
    const labelled = new Set(boxes.map((box) => box.key));
    expect(onCanvas.filter((dot) => !labelled.has(dot.key)).map((dot) => dot.key)).toEqual([]);
    const parents = await page.$$eval("#panel .parents li", (items) =>
      items.map((item) => (item as HTMLElement).dataset.parent),
    );
    const model = await api<{ parents: { id: string }[] }>(`/api/model?id=${encodeURIComponent(MERGE)}`);
    expect(parents).toEqual(model.parents.map((parent) => parent.id));
    expect(parents).toHaveLength(5);
    expect(await page.textContent("#panel")).not.toContain("root");
    await page.screenshot({ path: resolve(RESULTS, "viewer-lineage.png") });
  });

  it("labels a 464-node family without a collision, draws edges in the legend's colours, lights a path", async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent(QWEN)}`);
    expect(await settled()).toBe("ready");
    const { overlaps, outside, boxes } = await labelProblems();
    expect(overlaps).toEqual([]);
    expect(outside).toEqual([]);
    expect(boxes.length).toBeGreaterThan(60);
    // The most important labels first: the model itself is labelled.
    expect(boxes.map((box) => box.key)).toContain(QWEN);
    // Edge pixels in exactly the legend's colours (no premultiplied blending: #0072b2, never #66d8ff).
    const colours = (await page.evaluate("window.__hfLineage.edgeColours()")) as Record<string, number>;
    for (const relation of ["finetune", "quantized", "merge"] as const)
      expect(colours[PALETTE[relation]] ?? 0).toBeGreaterThan(200);
    expect(colours["#66d8ff"]).toBeUndefined();
    await page.screenshot({ path: resolve(RESULTS, "viewer-labels.png") });
  });

  it("answers an unknown id with its close matches, once, offers no export, and a match opens its family", async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent("Qwen/Qwen2.5-14C")}`);
    expect(await settled()).toBe("error");
    expect(await page.textContent("#notices .error")).toContain("Qwen/Qwen2.5-14C");
    expect(await page.textContent("#notices .error")).not.toContain(QWEN);
    expect(await page.isHidden("#export-png")).toBe(true);
    expect(await page.isHidden("#export-gexf")).toBe(true);
    await page.click(`#notices .suggestions button:text-is("${QWEN}")`);
    expect(await settled()).toBe("ready");
    expect(new URL(page.url()).searchParams.get("q")).toBe(QWEN);
  });

  it("lists the names containing an unknown query, as the search box finds them, after the close matches", async () => {
    await page.goto(`${server.url}/?q=llama`);
    expect(await settled()).toBe("error");
    const response = await fetch(`${server.url}/api/family?q=llama`);
    expect(response.status).toBe(404);
    const suggested = ((await response.json()) as { error: { suggestions: string[] } }).error.suggestions;
    const found = await api<{ results: { id: string }[] }>("/api/search?q=llama&limit=5");
    const containing = found.results.map((result) => result.id).filter((id) => !suggested.includes(id));
    expect(containing[0]).toBe("meta-llama");
    const lists = await page.$$eval("#notices ul.suggestions", (items) =>
      items.map((list) => Array.from(list.querySelectorAll("button"), (button) => button.textContent)),
    );
    expect(lists).toEqual([suggested, containing]);
    expect(await page.textContent("#notices ul.suggestions + p.info")).toBe('Names that contain "llama":');
    await page.click('#notices button:text-is("meta-llama")');
    expect(await settled()).toBe("ready");
    expect(new URL(page.url()).searchParams.get("q")).toBe("meta-llama");
  });

  it("narrows the family with the relation and depth filters, into the URL", async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent(QWEN)}`);
    expect(await settled()).toBe("ready");
    await page.uncheck('#relation-filter input[value="quantized"]');
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get("relations") === "finetune,adapter,merge,unknown",
    );
    expect(await settled()).toBe("ready");
    // The graphology reference: every model reached from the query down edges that are not quantizations.
    const graph = server.lineage.graph;
    const reached = new Set<string>();
    const queue = [QWEN];
    while (queue.length > 0)
      graph.forEachOutEdge(queue.pop()!, (_edge, attributes, _source, target) => {
        if (attributes.relation === "quantized" || target === QWEN || reached.has(target)) return;
        reached.add(target);
        queue.push(target);
      });
    expect(await page.$$eval("#notices p.notice", (lines) => lines.map((line) => line.textContent))).toContain(
      "Only fine-tunes, adapters, merges and unknown relations are followed down: " +
        `${reached.size} of the 700 descendants are reached through them; ` +
        "a model of another relation is not drawn, nor anything below it.",
    );
    await page.fill("#depth-input", "1");
    await page.dispatchEvent("#depth-input", "change");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("depth") === "1");
    expect(await settled()).toBe("ready");
    const family = await api<FamilyBody>(
      `/api/family?q=${encodeURIComponent(QWEN)}&depth=1&relations=finetune,adapter,merge,unknown`,
    );
    expect(await drawnNodes()).toBe(family.graph.nodes.length);
    // networkx: the model's direct children other than quantizations are 44 fine-tunes and 17 merges.
    const fanMembers = family.aggregated.reduce((sum, fan) => sum + fan.count, 0);
    expect(family.graph.nodes.length - family.aggregated.length + fanMembers).toBe(1 + 44 + 17);
  });

  it("says when a model is a placeholder, and when a model has no base and no descendants", async () => {
    // Chosen from the store, independently of the viewer: the first placeholder (by id) that has children, and
    // the first model with a record, no parent and no child.
    const graph = server.lineage.graph;
    const ids = graph.nodes().sort();
    const placeholder = ids.find((id) => graph.getNodeAttribute(id, "placeholder") && graph.outDegree(id) > 0);
    const alone = ids.find((id) => !graph.getNodeAttribute(id, "placeholder") && graph.degree(id) === 0);
    if (placeholder === undefined || alone === undefined) throw new Error("the real data should hold both cases");
    await page.goto(`${server.url}/?q=${encodeURIComponent(placeholder)}&selected=${encodeURIComponent(placeholder)}`);
    expect(await settled()).toBe("ready");
    await page.waitForSelector(`#panel[data-state="ready"]`);
    expect(await page.textContent("#panel .notice")).toContain("No record of this model");
    expect(await panelFacts()).toMatchObject({ generation: "—", licence: "— (no record read)" });
    await page.waitForSelector("#panel .siblings p");
    expect(await page.textContent("#panel .siblings p")).toBe(
      "No record of this model, so its parents, and its siblings, are not known.",
    );
    await page.goto(`${server.url}/?q=${encodeURIComponent(alone)}`);
    expect(await settled()).toBe("ready");
    expect(await drawnNodes()).toBe(1);
    expect(await page.textContent("#notices .notice")).toBe(
      "This model declares no base_model and nothing in the snapshot derives from it.",
    );
  });

  it("says how many models a family over the node cap leaves out", async () => {
    await page.goto(`${server.url}/?q=meta-llama&max=500`);
    expect(await settled()).toBe("ready");
    const family = await api<FamilyBody & { family: { descendants: { total: number }; models: number } }>(
      "/api/family?q=meta-llama&maxNodes=500",
    );
    if (family.truncated === null) throw new Error("meta-llama's family should exceed 500 nodes");
    expect(await drawnNodes()).toBe(family.graph.nodes.length);
    // What is drawn, what sits in fans and what is left out add up to the org's own models and their descendants.
    const fanMembers = family.aggregated.reduce((sum, fan) => sum + fan.count, 0);
    expect(family.graph.nodes.length - family.aggregated.length + fanMembers + family.truncated.omittedNodes).toBe(
      family.family.models + family.family.descendants.total,
    );
    const omitted = family.truncated.omittedNodes.toLocaleString("en-US");
    expect(await page.textContent("#notices .notice")).toContain(`${omitted} models are not drawn`);
  });

  it("downloads the view as GEXF through its link, valid against the GEXF 1.3 schema", async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent(QWEN)}`);
    expect(await settled()).toBe("ready");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-gexf")]);
    const file = resolve(RESULTS, "viewer-family.gexf");
    await download.saveAs(file);
    const gexf = readFileSync(file, "utf8");
    // The export has every member, fans opened: the model and its 700 descendants (networkx, as above).
    expect(gexf.match(/<node /g)?.length).toBe(1 + 700);
    expect(gexf).toContain(`"${QWEN}"`);
    execFileSync("jing", ["-c", GEXF_SCHEMA, file]);
  });

  it("saves a PNG with title and legend, and GEXF 1.2draft, under names carrying the query and filters", async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent(QWEN)}&depth=2&relations=finetune,merge`);
    expect(await settled()).toBe("ready");
    const [png] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
    expect(png.suggestedFilename()).toBe("Qwen_Qwen2.5-14B_depth2_finetune-merge.png");
    const file = resolve(RESULTS, "viewer-export.png");
    await png.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    // Width and height from the IHDR chunk: the graph's width, taller than the graph by the title and legend.
    const graph = await page.$eval("#graph", (node) => ({ width: node.clientWidth, height: node.clientHeight }));
    expect(bytes.readUInt32BE(16)).toBe(graph.width);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(graph.height + 54);
    const [gexf] = await Promise.all([page.waitForEvent("download"), page.click("#export-gexf-12")]);
    expect(gexf.suggestedFilename()).toBe("Qwen_Qwen2.5-14B-family_depth2_finetune-merge-gexf1.2.gexf");
    const gexfFile = resolve(RESULTS, "viewer-family-1.2.gexf");
    await gexf.saveAs(gexfFile);
    expect(readFileSync(gexfFile, "utf8")).toContain('version="1.2"');
    execFileSync("jing", ["-c", GEXF_12_SCHEMA, gexfFile]);
  });

  it("ignores depth=0 and a selected= model that is not drawn", async () => {
    // Llama-3.1-8B is no descendant of Qwen2.5-14B (nor an ancestor: Qwen2.5-14B has none).
    const other = "meta-llama/Llama-3.1-8B";
    await page.goto(`${server.url}/?q=${encodeURIComponent(QWEN)}&depth=0&selected=${encodeURIComponent(other)}`);
    expect(await settled()).toBe("ready");
    const url = new URL(page.url());
    expect(url.searchParams.get("depth")).toBeNull();
    expect(url.searchParams.get("selected")).toBeNull();
    expect(await page.isHidden("#panel")).toBe(true);
    expect(await page.textContent("#notices")).toContain(`${other} is not drawn in this view`);
  });

  it("works by keyboard: search, Enter, arrows along the lineage, the panel's parents", async () => {
    await page.goto(`${server.url}/`);
    expect(await settled()).toBe("overview");
    await page.keyboard.press("/");
    await page.keyboard.type(MERGE);
    await page.waitForSelector(`#search-suggestions li[data-id="${MERGE}"]`);
    await page.keyboard.press("Enter");
    expect(await settled()).toBe("ready");
    await page.focus("#graph");
    await page.keyboard.press("Enter");
    await page.waitForSelector(`#panel[data-state="ready"][data-model="${MERGE}"]`);
    await page.keyboard.press("ArrowUp");
    await page.waitForFunction((id) => new URL(location.href).searchParams.get("selected") !== id, MERGE);
    const selected = new URL(page.url()).searchParams.get("selected");
    const model = await api<{ parents: { id: string }[] }>(`/api/model?id=${encodeURIComponent(MERGE)}`);
    expect(model.parents.map((parent) => parent.id)).toContain(selected);
    // The view moves onto the model reached (a 300 ms glide): it ends in the middle of the graph, on the canvas.
    await page.waitForTimeout(1000);
    const graph = (await page.locator("#graph").boundingBox())!;
    const reached = (await page.evaluate(`window.__hfLineage.pagePosition(${JSON.stringify(selected)})`)) as {
      x: number;
      y: number;
    };
    expect(Math.abs(reached.x - (graph.x + graph.width / 2))).toBeLessThan(2);
    expect(Math.abs(reached.y - (graph.y + graph.height / 2))).toBeLessThan(2);
    await page.focus("#search-input");
    await page.fill("#search-input", "xyzzy-no-such-model");
    await page.waitForSelector("#search-suggestions li.no-match");
    expect(await page.textContent("#search-suggestions")).toContain("No model or org name contains");
  });

  it("at 800 pixels wide the panel lies over the graph instead of squeezing it", async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto(`${server.url}/?q=${encodeURIComponent(MERGE)}&selected=${encodeURIComponent(MERGE)}`);
    expect(await settled()).toBe("ready");
    await page.waitForSelector(`#panel[data-state="ready"]`);
    const width = await page.$eval("#graph", (node) => node.clientWidth);
    expect(width).toBe(800);
    expect(await page.$eval("#panel", (node) => getComputedStyle(node).position)).toBe("absolute");
    await page.screenshot({ path: resolve(RESULTS, "viewer-narrow.png") });
    await page.setViewportSize({ width: 1600, height: 1000 });
  });

  it("ran without a script error or a blocked resource", () => {
    expect(problems).toEqual([]);
  });
});
