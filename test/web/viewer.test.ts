// The viewer in a real browser (Debian Chromium) against the real server over the real data: search, the family
// drawn, the panel's counts, fans, the URL as the view's state, the 404's close matches and the GEXF link.

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/chromium.js";
import { startViewerServer, type ViewerServer } from "../support/viewer-server.js";

const RESULTS = resolve(process.cwd(), "test-results");
const GEXF_SCHEMA = resolve(process.cwd(), "../shared/schemas/gexf-1.3/gexf.rnc");
const QWEN = "Qwen/Qwen2.5-14B";

interface FamilyBody {
  graph: { nodes: { key: string; attributes: { fan?: { parent: string; relation: string; count: number } } }[] };
  aggregated: { count: number }[];
  truncated: { omittedNodes: number } | null;
}

let server: ViewerServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

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

/** The panel's table as numbers, keyed like its cells (`children-finetune`, `descendants-total`, ...). */
async function panelCounts(): Promise<Record<string, number>> {
  const cells = await page.$$eval("#panel [data-count]", (nodes) =>
    nodes.map((node) => [(node as HTMLElement).dataset.count ?? "", node.textContent ?? ""]),
  );
  return Object.fromEntries(cells.map(([key, text]) => [key, Number((text ?? "").replace(/,/g, ""))]));
}

beforeAll(async () => {
  server = await startViewerServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(90_000);
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400 && !response.url().includes("Qwen2.5-14C"))
      problems.push(`${response.status()} ${response.url()}`);
  });
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
    const titles = await page.$$eval("#overview section:first-child .card-title", (nodes) =>
      nodes.map((node) => node.textContent),
    );
    expect(titles).toEqual(expected.orgs.map((org) => org.org));
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

  it("expands a fan on click: the fan's node gives way to its members", async () => {
    const family = await api<FamilyBody>(`/api/family?q=${encodeURIComponent(QWEN)}`);
    await page.goto(`${server.url}/?q=${encodeURIComponent(QWEN)}`);
    expect(await settled()).toBe("ready");
    // The fan standing furthest from any other node on screen, so the click cannot land on a neighbour.
    const positions = (await page.evaluate(
      `window.__hfLineage.graph.nodes().map((key) => [key, window.__hfLineage.pagePosition(key)])`,
    )) as [string, { x: number; y: number }][];
    const room = (key: string, at: { x: number; y: number }) =>
      Math.min(...positions.filter(([other]) => other !== key).map(([, p]) => Math.hypot(p.x - at.x, p.y - at.y)));
    const fanKey = positions
      .filter(([key]) => key.startsWith("fan:"))
      .sort((a, b) => room(b[0], b[1]) - room(a[0], a[1]))[0]?.[0];
    const fan = family.graph.nodes.find((node) => node.key === fanKey);
    if (fan?.attributes.fan === undefined) throw new Error("Qwen/Qwen2.5-14B's family should hold a fan");
    const before = await drawnNodes();
    // As a person would with neighbouring fans: zoom in on it with the wheel, then click it.
    const at = (await page.evaluate(`window.__hfLineage.pagePosition(${JSON.stringify(fan.key)})`)) as {
      x: number;
      y: number;
    };
    await page.mouse.move(at.x, at.y);
    for (let step = 0; step < 4; step += 1) {
      await page.mouse.wheel(0, -200);
      await page.waitForTimeout(400);
    }
    await clickNode(fan.key);
    await page.waitForFunction(
      (count) => (window as unknown as { __hfLineage: { graph: { order: number } } }).__hfLineage.graph.order !== count,
      before,
    );
    expect(await settled()).toBe("ready");
    expect(new URL(page.url()).searchParams.get("expand")).toBe(
      `${fan.attributes.fan.parent}:${fan.attributes.fan.relation}`,
    );
    expect(await drawnNodes()).toBe(before - 1 + fan.attributes.fan.count);
  });

  it("answers an unknown id with its close matches, and a match opens its family", async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent("Qwen/Qwen2.5-14C")}`);
    expect(await settled()).toBe("error");
    expect(await page.textContent("#notices .error")).toContain("Qwen/Qwen2.5-14C");
    await page.click(`#notices .suggestions button:text-is("${QWEN}")`);
    expect(await settled()).toBe("ready");
    expect(new URL(page.url()).searchParams.get("q")).toBe(QWEN);
  });

  it("narrows the family with the relation and depth filters, into the URL", async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent(QWEN)}`);
    expect(await settled()).toBe("ready");
    await page.uncheck('#relation-filter input[value="quantized"]');
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get("relations") === "finetune,adapter,merge,unknown",
    );
    expect(await settled()).toBe("ready");
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

  it("ran without a script error or a blocked resource", () => {
    expect(problems).toEqual([]);
  });
});
