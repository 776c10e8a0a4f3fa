// The viewer read as a newcomer reads it, in Chromium against the real server over the bundled snapshot: a small
// lineage on an 800-pixel screen is wrapped to its width and opens with its edge at the canvas's edge (no blank
// band), every node in sight labelled; coloured by licence, fans and collapsed subtrees are drawn in the legend's
// colour for several models; an org's overview labels its own models with the most descendants and rings the
// folded nodes left without a pill; dots sized by a centrality never overlap.

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intersects } from "../../web/label-placement.js";
import { LICENCE_COLOURS } from "../../web/licence-colours.js";
import { LABEL_HEIGHT, MARGIN, PILL_RADIUS } from "../../web/lineage-view.js";
import { openWatchedPage } from "../support/chromium.js";
import { startViewerServer, type ViewerServer } from "../support/viewer-server.js";

const PHI = "microsoft/phi-2";
const MERGE = "Lunzima/NQLSG-Qwen2.5-14B-MegaFusion-v9.3";
const QWEN = "Qwen/Qwen2.5-14B";

interface Dot {
  key: string;
  x: number;
  y: number;
  radius: number;
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

async function open(width: number, height: number, query: string): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.goto(`${server.url}/?${query}`);
  await page.waitForFunction(() => ["ready", "error"].includes(document.body.dataset.state ?? ""));
  expect(await page.evaluate(() => document.body.dataset.state)).toBe("ready");
  await nextFrames();
}

/** Two frames on: the overlay (labels, pills, rings) is drawn after the frame the view was last changed for. */
const nextFrames = () =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

const dots = () => page.evaluate("window.__hfLineage.drawnDots()") as Promise<Dot[]>;
async function dotOf(key: string): Promise<Dot> {
  const dot = (await dots()).find((each) => each.key === key);
  if (dot === undefined) throw new Error(`${key} should be drawn`);
  return dot;
}
/** The pairs of drawn labels (and pills) whose boxes intersect. */
async function labelOverlaps(): Promise<string[]> {
  const boxes = (await page.evaluate("window.__hfLineage.labelBoxes()")) as Box[];
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (intersects(a, b)) overlaps.push(`${a.key} × ${b.key}`);
    }
  return overlaps;
}

/**
 * A small view taller than the canvas: wrapped to the canvas's width (every dot across it), every node whose label
 * row lies wholly on the canvas labelled (cut to the room it has where its whole name has none), no two labels
 * meeting and none leaving the canvas.
 */
async function expectReadableAcross(drawn: Dot[], height: number): Promise<void> {
  const width = await page.$eval("#graph", (node) => node.clientWidth);
  expect(drawn.filter((dot) => dot.x - dot.radius < 0 || dot.x + dot.radius > width)).toEqual([]);
  const boxes = (await page.evaluate("window.__hfLineage.labelBoxes()")) as Box[];
  const labelled = new Set(boxes.map((box) => box.key));
  const rowOnCanvas = drawn.filter((dot) => dot.y - LABEL_HEIGHT / 2 >= 0 && dot.y + LABEL_HEIGHT / 2 <= height);
  expect(rowOnCanvas.length).toBeGreaterThan(20);
  expect(rowOnCanvas.filter((dot) => !labelled.has(dot.key)).map((dot) => dot.key)).toEqual([]);
  expect(await labelOverlaps()).toEqual([]);
  const outside = boxes.filter((b) => b.x < 0 || b.y < 0 || b.x + b.width > width || b.y + b.height > height);
  expect(outside).toEqual([]);
}

const canvasHeight = () => page.$eval("#graph", (node) => node.clientHeight);

beforeAll(async () => {
  server = await startViewerServer();
  ({ browser, page, problems } = await openWatchedPage({ viewport: { width: 1600, height: 1000 } }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the viewer read at the opening zoom", { timeout: 180_000 }, () => {
  it("opens phi-2 at 800 × 900 across the canvas, its top row at the canvas's top, the rest below", async () => {
    await open(800, 900, `q=${encodeURIComponent(PHI)}`);
    const height = await canvasHeight();
    const drawn = await dots();
    const query = drawn.find((dot) => dot.key === PHI)!;
    // phi-2 is the only node on row 0, the top of the drawing: it sits within the margin of the canvas's top
    // (centred on it, it lay half a canvas down, the band above it blank), and the drawing runs on below the canvas.
    expect(Math.min(...drawn.map((dot) => dot.y))).toBe(query.y);
    expect(query.y - query.radius).toBeGreaterThanOrEqual(0);
    expect(query.y - query.radius).toBeLessThanOrEqual(2 * MARGIN);
    expect(Math.max(...drawn.map((dot) => dot.y))).toBeGreaterThan(height);

    await expectReadableAcross(drawn, height);
  });

  it("opens the deep merge at 800 × 900 with the merge at the bottom, its ancestors filling the rest", async () => {
    await open(800, 900, `q=${encodeURIComponent(MERGE)}`);
    const height = await canvasHeight();
    const drawn = await dots();
    const query = drawn.find((dot) => dot.key === MERGE)!;
    // Nothing derives from the merge: it is the drawing's lowest node, and its 78 ancestors reach above the canvas.
    expect(Math.max(...drawn.map((dot) => dot.y))).toBe(query.y);
    expect(height - (query.y + query.radius)).toBeGreaterThanOrEqual(0);
    expect(height - (query.y + query.radius)).toBeLessThanOrEqual(2 * MARGIN);
    expect(Math.min(...drawn.map((dot) => dot.y))).toBeLessThan(0);
    await expectReadableAcross(drawn, height);
  });

  it("draws fans' pills in the licence legend's grey when nodes are coloured by licence", async () => {
    await open(1600, 1000, `q=${encodeURIComponent(PHI)}&colour=licence`);
    await page.waitForSelector('#legend [data-licence-class="fan"]');
    await nextFrames();
    // The pill's dot, read from the overlay canvas at its centre (PILL_RADIUS + 1 right of the pill's left edge).
    const colours = await page.evaluate((inset) => {
      const viewer = (window as unknown as { __hfLineage: { labelBoxes(): PillBox[] } }).__hfLineage;
      const canvas = document.querySelector<HTMLCanvasElement>("#graph canvas.sigma-labels")!;
      const context = canvas.getContext("2d")!;
      const ratio = canvas.width / canvas.clientWidth;
      return viewer
        .labelBoxes()
        .filter((box) => box.side === "pill")
        .map((box) => {
          const [r, g, b] = context.getImageData(
            Math.round((box.x + inset) * ratio),
            Math.round((box.y + box.height / 2) * ratio),
            1,
            1,
          ).data;
          return `#${[r, g, b].map((value) => value!.toString(16).padStart(2, "0")).join("")}`;
        });
      interface PillBox {
        side: string;
        x: number;
        y: number;
        height: number;
      }
    }, PILL_RADIUS + 1);
    // phi-2's three fans (928 adapters, 283 fine-tunes, 27 quantizations), each with its pill at this zoom.
    expect(colours).toEqual([LICENCE_COLOURS.fan, LICENCE_COLOURS.fan, LICENCE_COLOURS.fan]);
    expect(await page.$eval('#legend [data-licence-class="fan"] .legend-count', (node) => node.textContent)).toBe("3");
  });

  it("labels the Qwen org's own models with the most descendants in its overview, not two of them", async () => {
    await open(1600, 1000, "q=Qwen");
    const own = await page.evaluate(() => {
      const viewer = (
        window as unknown as {
          __hfLineage: { graph: import("graphology").default; labelBoxes(): { key: string }[] };
        }
      ).__hfLineage;
      const labelled = new Set(viewer.labelBoxes().map((box) => box.key));
      return viewer.graph
        .filterNodes((_key, attributes) => attributes.queried === true)
        .map((key) => ({
          key,
          descendants: viewer.graph.getNodeAttribute(key, "descendants") as number,
          labelled: labelled.has(key),
        }));
    });
    // The org's models drawn on row 0 (the answer's 2,000 nodes hold 106 of its 173), the most descendants first.
    expect(own).toHaveLength(106);
    own.sort((a, b) => b.descendants - a.descendants || (a.key < b.key ? -1 : 1));
    const firstUnlabelled = own.findIndex((model) => !model.labelled);
    // Room for all 106 labels would take more than a quarter of the canvas's height: the first half of them keep it
    // (each a label's room or none before, and none was kept, so 2 of the 106 were labelled).
    expect(firstUnlabelled).toBeGreaterThanOrEqual(own.length / 2);
    expect(await labelOverlaps()).toEqual([]);
  });

  it("rings the fans and collapsed nodes of Qwen's overview that have no room for their pill", async () => {
    await open(1600, 1000, "q=Qwen");
    const rings = await page.evaluate(() => {
      const viewer = (
        window as unknown as {
          __hfLineage: {
            graph: import("graphology").default;
            labelBoxes(): { key: string; side: string }[];
            drawnDots(): { key: string; x: number; y: number; radius: number }[];
          };
        }
      ).__hfLineage;
      const pilled = new Set(
        viewer
          .labelBoxes()
          .filter((box) => box.side.endsWith("pill"))
          .map((box) => box.key),
      );
      const canvas = document.querySelector<HTMLCanvasElement>("#graph canvas.sigma-labels")!;
      const context = canvas.getContext("2d")!;
      const ratio = canvas.width / canvas.clientWidth;
      return viewer
        .drawnDots()
        .filter((dot) => {
          const attributes = viewer.graph.getNodeAttributes(dot.key);
          const folded = attributes.fan !== undefined || attributes.collapsed !== undefined;
          return folded && !pilled.has(dot.key) && dot.x > 0 && dot.x < canvas.clientWidth && dot.y > 0;
        })
        .filter((dot) => dot.y < canvas.clientHeight)
        .map((dot) => {
          // The most opaque of the five overlay pixels right of the dot's edge, where its ring is drawn.
          const pixels = context.getImageData(
            Math.floor((dot.x + dot.radius) * ratio),
            Math.floor(dot.y * ratio),
            5,
            1,
          ).data;
          let best = 0;
          for (let i = 4; i < pixels.length; i += 4) if (pixels[i + 3]! > pixels[best + 3]!) best = i;
          return { key: dot.key, rgba: [...pixels.slice(best, best + 4)] };
        });
    });
    // 73 fans and 255 collapsed nodes are drawn; those without a pill on the canvas each show a ring in the
    // overlay's ink #1d232b = (29, 35, 43), at least half opaque where the 1.5-pixel line is smoothed across two
    // pixels (before, nothing was drawn there: a small dot read as one model).
    expect(rings.length).toBeGreaterThan(0);
    const unringed = rings.filter(
      ({ rgba: [r, g, b, alpha] }) =>
        alpha! < 128 || Math.abs(r! - 29) > 2 || Math.abs(g! - 35) > 2 || Math.abs(b! - 43) > 2,
    );
    expect(unringed).toEqual([]);
  });

  it("keeps room for the dots a centrality sizes: no two of Qwen2.5-14B's dots overlap under PageRank", async () => {
    await open(1600, 1000, `q=${encodeURIComponent(QWEN)}`);
    await page.selectOption("#centrality-input", "pagerank");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("centrality") === "pagerank");
    await page.waitForFunction(() => document.body.dataset.state === "ready");
    await nextFrames();
    const drawn = await dots();
    expect(drawn).toHaveLength(473);
    // Two dots overlap when their centres lie nearer than the sum of their drawn radii (five pairs did, the layout
    // having kept room only for the dots' sizes by descendants and downloads).
    const overlapping: string[] = [];
    for (let i = 0; i < drawn.length; i++)
      for (let j = i + 1; j < drawn.length; j++) {
        const a = drawn[i]!;
        const b = drawn[j]!;
        if (Math.hypot(a.x - b.x, a.y - b.y) < a.radius + b.radius) overlapping.push(`${a.key} × ${b.key}`);
      }
    expect(overlapping).toEqual([]);
    // The dots are drawn at their PageRank: the largest value gets the largest radius (14 pixels at 1:1).
    const values = (await page.evaluate("window.__hfLineage.centrality")) as Record<string, number>;
    const top = Object.entries(values).sort((a, b) => b[1] - a[1])[0]![0];
    const largest = drawn.reduce((a, b) => (b.radius > a.radius ? b : a));
    expect(largest.key).toBe(top);
  });

  it("folds the view options behind one button at 800 × 1000, so the canvas keeps most of the height", async () => {
    await open(800, 1000, "q=Qwen");
    const visible = (selector: string) => page.locator(selector).isVisible();
    const heightOf = (selector: string) =>
      page.$eval(selector, (node) => Math.round(node.getBoundingClientRect().height));
    expect(await visible("#controls-toggle")).toBe(true);
    expect(await visible("#depth-input")).toBe(false);
    // The bar is one line, the button's (with the bar's padding), not the four to five lines of every setting.
    expect(await heightOf("#controls")).toBeLessThan(2 * (await heightOf("#controls-toggle")));
    const canvas = await canvasHeight();
    // Unfolded the four lines took 147 pixels, leaving the canvas 595 of the 1,000; folded it has more than 700.
    expect(canvas).toBeGreaterThan(700);

    // By keyboard: Enter unfolds the settings over the graph (its height unchanged), Tab walks into them, a setting
    // changes the view, and Escape folds them and hands the keyboard back to the button.
    await page.focus("#controls-toggle");
    await page.keyboard.press("Enter");
    expect(await page.getAttribute("#controls-toggle", "aria-expanded")).toBe("true");
    expect(await visible("#depth-input")).toBe(true);
    expect(await canvasHeight()).toBe(canvas);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("#view-settings") !== null)).toBe(true);
    await page.focus("#depth-input");
    await page.keyboard.type("1");
    await page.keyboard.press("Tab");
    await page.waitForURL((url) => url.searchParams.get("depth") === "1");
    await page.focus("#depth-input");
    await page.keyboard.press("Escape");
    expect(await page.getAttribute("#controls-toggle", "aria-expanded")).toBe("false");
    expect(await visible("#depth-input")).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("controls-toggle");
    // Escape folds them from the button too, or with the keyboard anywhere else on the page.
    for (const focus of ["#controls-toggle", "#graph"]) {
      await page.click("#controls-toggle");
      expect(await page.getAttribute("#controls-toggle", "aria-expanded")).toBe("true");
      await page.focus(focus);
      await page.keyboard.press("Escape");
      expect(await page.getAttribute("#controls-toggle", "aria-expanded"), focus).toBe("false");
    }

    // On a wide screen every setting lies in the bar and there is nothing to unfold.
    await open(1600, 1000, "q=Qwen");
    expect(await visible("#controls-toggle")).toBe(false);
    expect(await visible("#depth-input")).toBe(true);
  });

  it("names the org of each labelled model whose name another drawn model shares, and of the selected", async () => {
    // Qwen2.5-7B-Instruct's view draws unsloth/Qwen2.5-7B-Instruct a row below it, among others sharing names.
    const query = "Qwen/Qwen2.5-7B-Instruct";
    const selected = "unsloth/Qwen2.5-7B-Instruct";
    await open(1600, 1000, `q=${encodeURIComponent(query)}&selected=${encodeURIComponent(selected)}`);
    const drawn = (await dots()).map((dot) => dot.key).filter((key) => key.includes("/") && !key.includes(":"));
    const nameOf = (key: string) => key.slice(key.indexOf("/") + 1).toLowerCase();
    const sharing = new Map<string, number>();
    for (const key of drawn) sharing.set(nameOf(key), (sharing.get(nameOf(key)) ?? 0) + 1);
    const texts = (await page.evaluate("window.__hfLineage.labelTexts()")) as Record<string, string>;
    // A label cut in the middle keeps its start: the part before "…" must begin the whole id, org first.
    const namesItsOrg = (key: string) => key.startsWith((texts[key] as string).split("…")[0] as string);
    const shared = drawn.filter((key) => (sharing.get(nameOf(key)) ?? 0) > 1 && texts[key] !== undefined);
    expect(shared).toContain(selected);
    expect(shared.filter((key) => !namesItsOrg(key)).map((key) => `${key}: ${texts[key]}`)).toEqual([]);
    expect(texts[selected]).toBe(selected);
  });

  it("keeps a hovered label beside its node when the wheel zooms under the pointer", async () => {
    const merge = "AIgotahole/Minor-Repo-12B-omg";
    const hovered = "Nitral-AI/Nera_Noctis-12B";
    await open(1600, 1000, `q=${encodeURIComponent(merge)}`);
    const boxOf = async (key: string) =>
      ((await page.evaluate("window.__hfLineage.labelBoxes()")) as Box[]).find((box) => box.key === key);
    const before = await boxOf(hovered);
    if (before === undefined) throw new Error(`${hovered} should be labelled at the opening zoom`);
    const graph = await page.$eval("#graph", (node) => node.getBoundingClientRect());
    // On the label's far end, away from its dot: the label, not the node, is under the pointer.
    const x =
      graph.left +
      (before.x + before.width / 2 > (await dotOf(hovered)).x ? before.x + before.width - 4 : before.x + 4);
    await page.mouse.move(x, graph.top + before.y + before.height / 2);
    await nextFrames();
    for (let turn = 0; turn < 3; turn++) await page.mouse.wheel(0, -240);
    await page.waitForTimeout(800);
    await nextFrames();
    const dot = await dotOf(hovered);
    const after = await boxOf(hovered);
    if (after === undefined) throw new Error(`${hovered}, hovered, should keep its label`);
    // The label starts just right of its dot or ends just left of it, on the dot's line.
    const gap = Math.min(Math.abs(after.x - dot.x), Math.abs(after.x + after.width - dot.x));
    expect(gap).toBeLessThanOrEqual(dot.radius + 6);
    expect(Math.abs(after.y + after.height / 2 - dot.y)).toBeLessThanOrEqual(1);
  });

  it("ran without a script error", () => {
    expect(problems).toEqual([]);
  });
});
