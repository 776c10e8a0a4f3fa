// The viewer read as a newcomer reads it, in Chromium against the real server over the bundled snapshot: a small
// lineage taller than an 800-pixel screen opens with its edge at the canvas's edge (no blank band), and coloured by
// licence, fans and collapsed subtrees are drawn in the legend's colour for several models.

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LICENCE_COLOURS } from "../../web/licence-colours.js";
import { MARGIN, PILL_RADIUS } from "../../web/lineage-view.js";
import { launchChromium } from "../support/chromium.js";
import { startViewerServer, type ViewerServer } from "../support/viewer-server.js";

const PHI = "microsoft/phi-2";
const MERGE = "Lunzima/NQLSG-Qwen2.5-14B-MegaFusion-v9.3";

interface Dot {
  key: string;
  x: number;
  y: number;
  radius: number;
}

let server: ViewerServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

async function open(width: number, height: number, query: string): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.goto(`${server.url}/?${query}`);
  await page.waitForFunction(() => ["ready", "error"].includes(document.body.dataset.state ?? ""));
  expect(await page.evaluate(() => document.body.dataset.state)).toBe("ready");
}

const dots = () => page.evaluate("window.__hfLineage.drawnDots()") as Promise<Dot[]>;
const canvasHeight = () => page.$eval("#graph", (node) => node.clientHeight);

beforeAll(async () => {
  server = await startViewerServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.setDefaultTimeout(90_000);
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the viewer read at the opening zoom", { timeout: 180_000 }, () => {
  it("opens phi-2 at 800 × 900 with its top row at the canvas's top, the rest below to pan to", async () => {
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
  });

  it("draws fans' pills in the licence legend's grey when nodes are coloured by licence", async () => {
    await open(1600, 1000, `q=${encodeURIComponent(PHI)}&colour=licence`);
    await page.waitForSelector('#legend [data-licence-class="fan"]');
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

  it("ran without a script error", () => {
    expect(problems).toEqual([]);
  });
});
