// The overview of a family too large to draw whole, in Chromium over the real snapshot: meta-llama's org family
// (8,016 models with its own, more than the 2,000 nodes drawn by default) opens with collapsed nodes and says so;
// the largest org families open legibly (every row numbered, no two dots overlapping, pills with their counts), and
// collapsed nodes and fans open by keyboard.

import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FamilyResponse } from "../../src/server/wire-types.js";
import { drawnGraph } from "../../web/drawn-graph.js";
import { openWatchedPage } from "../support/chromium.js";
import { startViewerServer, type ViewerServer } from "../support/viewer-server.js";

const RESULTS = resolve(process.cwd(), "test-results");

/** A 2,000-node drawing takes long on a busy machine without a GPU: waits are generous, never a measure. */
const WAIT = 240_000;

let server: ViewerServer;
let browser: Browser;
let page: Page;
let problems: string[];

async function api(path: string): Promise<FamilyResponse> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as FamilyResponse;
}

async function ready(): Promise<void> {
  await page.waitForFunction(() => ["ready", "error"].includes(document.body.dataset.state ?? ""), null, {
    timeout: WAIT,
  });
  expect(await page.evaluate(() => document.body.dataset.state)).toBe("ready");
}

interface Box {
  key: string;
  side?: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Dot {
  key: string;
  x: number;
  y: number;
  radius: number;
}

const hook = <T>(expression: string) => page.evaluate(`window.__hfLineage.${expression}`) as Promise<T>;

function intersecting(boxes: Box[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        found.push(`${a.key} × ${b.key}`);
    }
  return found;
}

/** Presses an arrow key until the keyboard points at a node whose key starts with `prefix` (null: never). */
async function arrowTo(prefix: string, key: string, presses: number): Promise<string | null> {
  for (let press = 0; press < presses; press++) {
    await page.keyboard.press(key);
    await ready();
    const pointed = await hook<string | null>("pointed");
    if (pointed?.startsWith(prefix)) return pointed;
  }
  return null;
}

const drawnKeys = () =>
  page.evaluate(() =>
    (window as unknown as { __hfLineage: { graph: { nodes(): string[] } } }).__hfLineage.graph.nodes(),
  );

beforeAll(async () => {
  server = await startViewerServer();
  ({ browser, page, problems } = await openWatchedPage({ viewport: { width: 1600, height: 1000 } }));
  mkdirSync(RESULTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("viewer: family overview", () => {
  it("opens a large family as an overview, drawn as the API answers it", async () => {
    await page.goto(`${server.url}/?q=meta-llama`);
    await ready();
    const family = await api("/api/family?q=meta-llama");
    // 8,016 models (`summary` and networkx agree, see test/server/derive_overview.py for the method) do not fit.
    expect(family.family.models + family.family.descendants.total).toBe(8016);
    expect(family.collapsed?.length).toBeGreaterThan(0);
    expect((await drawnKeys()).sort()).toEqual(family.graph.nodes.map((node) => node.key).sort());
    expect(await page.textContent("#notices")).toContain("An overview");

    expect(problems).toEqual([]);
  }, 300_000);

  it("opens a collapsed node clicked on its label, drawn in place, and folds it again with Back", async () => {
    const before = await api("/api/family?q=meta-llama");
    // The largest collapsed node whose label is drawn at the opening zoom (hovering it must not move the label).
    const labelled = await page.evaluate(() =>
      (
        window as unknown as {
          __hfLineage: { labelBoxes(): { key: string; x: number; y: number; width: number; height: number }[] };
        }
      ).__hfLineage
        .labelBoxes()
        .filter((label) => label.key.startsWith("more:")),
    );
    const byKey = new Map(before.graph.nodes.map((node) => [node.key, node.attributes]));
    const label = labelled.sort(
      (a, b) => byKey.get(b.key)!.collapsed!.count - byKey.get(a.key)!.collapsed!.count || (a.key < b.key ? -1 : 1),
    )[0]!;
    const collapsed = byKey.get(label.key)!.collapsed!;
    // Every collapsed node of the org's overview hangs under a drawn model, which `open` names.
    expect(collapsed.parent).not.toBeNull();
    const parent = collapsed.parent!;

    // What the collapsed node stood for, from a direct request with `open`: the parent's children drawn there and
    // not before, as many as the `children` it counted; the collapsed node itself is gone.
    const opened = await api(`/api/family?q=meta-llama&open=${encodeURIComponent(parent)}`);
    const drawnBefore = new Set(before.graph.nodes.map((node) => node.key));
    const children = drawnGraph(opened.graph)
      .edges.filter((edge) => edge.source === parent && !drawnBefore.has(edge.target))
      .map((edge) => edge.target)
      .sort();
    expect(children.length).toBe(collapsed.children);
    expect(opened.graph.nodes.some((node) => node.key === label.key)).toBe(false);

    const graph = (await page.locator("#graph").boundingBox())!;
    const x = graph.x + label.x + label.width / 2;
    const y = graph.y + label.y + label.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.click(x, y);
    await page.waitForURL((url) => url.searchParams.get("open") === parent, { timeout: WAIT });
    await ready();
    expect((await drawnKeys()).sort()).toEqual(opened.graph.nodes.map((node) => node.key).sort());
    const drawnChildren = await page.evaluate(
      (id) =>
        (
          window as unknown as { __hfLineage: { graph: { outNeighbors(node: string): string[] } } }
        ).__hfLineage.graph.outNeighbors(id),
      parent,
    );
    expect(drawnChildren.filter((child) => !drawnBefore.has(child)).sort()).toEqual(children);

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has("open"), { timeout: WAIT });
    await ready();
    expect((await drawnKeys()).sort()).toEqual(before.graph.nodes.map((node) => node.key).sort());
    expect(problems).toEqual([]);
  }, 600_000);

  for (const org of ["meta-llama", "Qwen"])
    it(`opens ${org}'s overview legibly: rows numbered, dots apart, pills with counts, labels apart`, async () => {
      await page.goto(`${server.url}/?q=${org}`);
      await ready();
      const size = await page.$eval("#graph", (node) => ({ width: node.clientWidth, height: node.clientHeight }));
      const inside = (box: Box) =>
        box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
      // No two dots overlap at the opening zoom (centres at least their radii apart), each is visible and on the
      // canvas: the drawing is shown whole.
      const dots = await hook<Dot[]>("drawnDots()");
      expect(dots.length).toBe((await drawnKeys()).length);
      const touching: string[] = [];
      for (let i = 0; i < dots.length; i++)
        for (let j = i + 1; j < dots.length; j++) {
          const a = dots[i]!;
          const b = dots[j]!;
          if (Math.hypot(a.x - b.x, a.y - b.y) < a.radius + b.radius) touching.push(`${a.key} × ${b.key}`);
        }
      expect(touching).toEqual([]);
      expect(dots.filter((dot) => dot.radius < 1)).toEqual([]);
      expect(
        dots.filter(
          (dot) => dot.x - dot.radius < 0 || dot.y - dot.radius < 0 || dot.x > size.width || dot.y > size.height,
        ),
      ).toEqual([]);
      // Every depth drawn has its row number, none over another.
      const rows = new Set(await hook<number[]>("graph.mapNodes((key, a) => a.row)"));
      const numbers = await hook<Box[]>("rowLabelBoxes()");
      expect(numbers.length).toBe(rows.size);
      expect(intersecting(numbers.map((box, k) => ({ ...box, key: `row ${k}` })))).toEqual([]);
      // Labels and pills never intersect nor leave the canvas; a fan or collapsed node is labelled only as a pill
      // with its count, and the largest ones are.
      const labels = await hook<Box[]>("labelBoxes()");
      expect(intersecting(labels)).toEqual([]);
      expect(labels.filter((box) => !inside(box))).toEqual([]);
      const folded = labels.filter((box) => box.key.startsWith("more:") || box.key.startsWith("fan:"));
      expect(folded.filter((box) => box.side !== "pill" && box.side !== "compact-pill")).toEqual([]);
      const family = await api(`/api/family?q=${org}`);
      const counts = family.graph.nodes
        .map((node) => ({ key: node.key, count: node.attributes.collapsed?.count ?? node.attributes.fan?.count }))
        .filter((node) => node.count !== undefined)
        .sort((a, b) => b.count! - a.count! || (a.key < b.key ? -1 : 1));
      const pilled = new Set(folded.map((box) => box.key));
      expect(counts.slice(0, 10).filter((node) => !pilled.has(node.key))).toEqual([]);
      await page.screenshot({ path: resolve(RESULTS, `overview-${org}.png`) });
      expect(problems).toEqual([]);
    }, 300_000);

  it("opens a collapsed node from the keyboard: arrows reach it, Enter opens it", async () => {
    const before = await api("/api/family?q=meta-llama");
    const largest = before.graph.nodes
      .filter((node) => node.attributes.collapsed?.parent != null)
      .sort((a, b) => b.attributes.collapsed!.count - a.attributes.collapsed!.count)[0]!;
    const parent = largest.attributes.collapsed!.parent!;
    await page.goto(`${server.url}/?q=meta-llama&selected=${encodeURIComponent(parent)}`);
    await ready();
    await page.focus("#graph");
    await page.keyboard.press("ArrowDown");
    await ready();
    const pointed =
      (await hook<string | null>("pointed"))?.startsWith("more:") === true
        ? await hook<string>("pointed")
        : ((await arrowTo("more:", "ArrowRight", 60)) ?? (await arrowTo("more:", "ArrowLeft", 120)));
    if (pointed === null) throw new Error("the arrows should reach a collapsed node");
    expect(await page.textContent("#graph-status")).toContain("Enter opens them");
    const collapsed = before.graph.nodes.find((node) => node.key === pointed)!.attributes.collapsed!;
    const name = collapsed.parent ?? "meta-llama";
    const opened = await api(`/api/family?q=meta-llama&open=${encodeURIComponent(name)}`);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("open") === name, { timeout: WAIT });
    await ready();
    expect((await drawnKeys()).sort()).toEqual(opened.graph.nodes.map((node) => node.key).sort());
    expect(problems).toEqual([]);
  }, 600_000);

  it("opens a fan from the keyboard: arrows reach its pill, Enter opens exactly that fan", async () => {
    const phi = "microsoft/phi-2";
    await page.goto(`${server.url}/?q=${encodeURIComponent(phi)}&selected=${encodeURIComponent(phi)}`);
    await ready();
    await page.focus("#graph");
    await page.keyboard.press("ArrowDown");
    await ready();
    const pointed =
      (await hook<string | null>("pointed"))?.startsWith("fan:") === true
        ? await hook<string>("pointed")
        : ((await arrowTo("fan:", "ArrowLeft", 40)) ?? (await arrowTo("fan:", "ArrowRight", 80)));
    if (pointed === null) throw new Error("the arrows should reach a fan");
    const fan = await hook<{ parent: string; relation: string; count: number }>(
      `graph.getNodeAttribute(${JSON.stringify(pointed)}, "fan")`,
    );
    const before = (await drawnKeys()).length;
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("expand") === `${fan.parent}:${fan.relation}`, {
      timeout: WAIT,
    });
    await ready();
    expect((await drawnKeys()).length).toBe(before - 1 + fan.count);
    expect(problems).toEqual([]);
  }, 300_000);

  it("computes an overview's centrality on its drawn models only, never on a collapsed node", async () => {
    await page.goto(`${server.url}/?q=meta-llama&colour=pagerank`);
    await ready();
    const shown = await hook<Record<string, number>>("centrality");
    // The family's models as the API draws them: depth 0 and below, neither a fan nor a collapsed node.
    const family = await api("/api/family?q=meta-llama");
    const models = family.graph.nodes
      .filter((node) => node.attributes.fan === undefined && node.attributes.collapsed === undefined)
      .filter((node) => node.attributes.depth >= 0)
      .map((node) => node.key)
      .sort();
    expect(family.collapsed?.length).toBeGreaterThan(0);
    expect(Object.keys(shown).sort()).toEqual(models);
    expect(problems).toEqual([]);
  }, 300_000);
});
