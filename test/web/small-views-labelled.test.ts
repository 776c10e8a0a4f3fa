// Every small view of the bundled snapshot read at its opening zoom, in Chromium against the real server: for a
// fixed sample of the models whose family view draws 20 to 150 nodes, at 1600 × 1000 and at 800 × 1000, every node
// whose label row lies on the canvas has a label, no two labels meet and none leaves the canvas.

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intersects } from "../../web/label-placement.js";
import { ALL_LABELS_UP_TO, LABEL_HEIGHT } from "../../web/lineage-view.js";
import { openWatchedPage } from "../support/chromium.js";
import { startViewerServer, type ViewerServer } from "../support/viewer-server.js";

/** Models with 19 to 149 descendants (views of 20 to 150 nodes before ancestors and fans), every SAMPLE_STEP-th. */
const SAMPLE_STEP = 5;
const SMALLEST_VIEW = 20;

interface Reading {
  order: number;
  unlabelled: string[];
  overlaps: string[];
  outside: string[];
}

let server: ViewerServer;
let browser: Browser;
let page: Page;
let problems: string[];
let sample: string[];

/** Opens a model's view the way the browser's back and forward buttons do (no reload), and reads its labels. */
async function readView(id: string): Promise<Reading> {
  await page.evaluate((query) => {
    history.pushState(null, "", `?q=${encodeURIComponent(query)}`);
    dispatchEvent(new PopStateEvent("popstate"));
  }, id);
  await page.waitForFunction(() => ["ready", "error"].includes(document.body.dataset.state ?? ""));
  expect(await page.evaluate(() => document.body.dataset.state)).toBe("ready");
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const { order, width, height, dots, boxes } = await page.evaluate(() => {
    const viewer = (
      window as unknown as {
        __hfLineage: {
          graph: { order: number };
          labelBoxes(): { key: string; x: number; y: number; width: number; height: number }[];
          drawnDots(): { key: string; x: number; y: number; radius: number }[];
        };
      }
    ).__hfLineage;
    const graph = document.querySelector<HTMLElement>("#graph")!;
    return {
      order: viewer.graph.order,
      width: graph.clientWidth,
      height: graph.clientHeight,
      dots: viewer.drawnDots(),
      boxes: viewer.labelBoxes(),
    };
  });
  const labelled = new Set(boxes.map((box) => box.key));
  const unlabelled = dots
    .filter((dot) => dot.x >= 0 && dot.x <= width)
    .filter((dot) => dot.y - LABEL_HEIGHT / 2 >= 0 && dot.y + LABEL_HEIGHT / 2 <= height)
    .filter((dot) => !labelled.has(dot.key))
    .map((dot) => `${dot.key} at ${Math.round(dot.x)},${Math.round(dot.y)}`);
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (intersects(boxes[i]!, boxes[j]!)) overlaps.push(`${boxes[i]!.key} × ${boxes[j]!.key}`);
  const outside = boxes
    .filter((box) => box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height)
    .map((box) => box.key);
  return { order, unlabelled, overlaps, outside };
}

beforeAll(async () => {
  server = await startViewerServer();
  sample = [...server.lineage.metrics]
    .filter(([, metrics]) => metrics.descendants >= SMALLEST_VIEW - 1 && metrics.descendants < ALL_LABELS_UP_TO)
    .map(([id]) => id)
    .sort()
    .filter((_id, index) => index % SAMPLE_STEP === 0);
  ({ browser, page, problems } = await openWatchedPage({ viewport: { width: 1600, height: 1000 } }));
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("small views of the bundled snapshot", { timeout: 600_000 }, () => {
  for (const width of [1600, 800])
    it(`label every node on the canvas at ${width} × 1000, no two labels meeting, none off the canvas`, async () => {
      await page.setViewportSize({ width, height: 1000 });
      const failures: string[] = [];
      let views = 0;
      for (const id of sample) {
        const reading = await readView(id);
        if (reading.order < SMALLEST_VIEW || reading.order > ALL_LABELS_UP_TO) continue;
        views++;
        for (const key of reading.unlabelled) failures.push(`${id}: no label for ${key}`);
        for (const pair of reading.overlaps) failures.push(`${id}: labels meet: ${pair}`);
        for (const key of reading.outside) failures.push(`${id}: label off the canvas: ${key}`);
      }
      // 104 models sampled; those whose view draws more than 150 nodes (ancestors added) or fewer than 20 (children
      // folded into fans) are left out, 71 of them remain.
      expect(sample).toHaveLength(104);
      expect(views).toBe(71);
      expect(failures).toEqual([]);
    });

  it("ran without a script error or a failed request", () => {
    expect(problems).toEqual([]);
  });
});
