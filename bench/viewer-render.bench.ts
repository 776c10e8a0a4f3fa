// Time to first render in headless Chromium (request with the server's tree layout, graph build, sigma's first
// frame) of the largest org family of the generated scale model (tools/scale-model/scale-model.ts): capped at
// 20,000 nodes beside the time ForceAtlas2 alone needs to lay out the same graph, and whole as an overview beside a
// SQLite recursive CTE counting the same family from a cold process, in wall time, in CPU time (the server's, in
// this process) and the time the page's main thread was busy; then a click on its largest collapsed node until
// what it opens is drawn. HF_LINEAGE_SCALE_DB names a database written by `npm run
// scale-model` (copied first), else one of HF_LINEAGE_VIEWER_MODELS models is generated in memory.

import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { DirectedGraph } from "graphology";
import type { Page } from "playwright-core";
import * as forceAtlas2Module from "graphology-layout-forceatlas2";
import { openIndexedLineage } from "../src/graph/indexed-lineage.js";
import { createApp } from "../src/server/app.js";
import { listen } from "../src/server/listen.js";
import type { FamilyResponse } from "../src/server/wire-types.js";
import { openStore } from "../src/store/open-store.js";
import { launchChromium } from "../test/support/chromium.js";
import { buildViewer } from "../test/support/build-viewer.js";
import { writeScaleModel } from "../tools/scale-model/scale-model.js";
import { drawnGraph } from "../web/drawn-graph.js";
import { sqlitePeer } from "./cold-process.js";

const NODES = 20_000;
// A CommonJS package: at run time its function is the namespace's default (Node's interop); its typings describe
// an ES module whose default is that function, one level further down.
const forceAtlas2 = forceAtlas2Module.default as unknown as typeof forceAtlas2Module.default.default;
const FA2_ITERATIONS = 100;

interface LastLoad {
  nodes: number;
  fetchMs: number;
  buildMs: number;
  drawMs: number;
  totalMs: number;
}

const ORG_DOWN = `WITH RECURSIVE below(id) AS (SELECT child FROM edges WHERE parent >= @p || '/' AND parent < @p || '0'
  UNION SELECT e.child FROM edges e JOIN below ON e.parent = below.id)
  SELECT count(*) FROM below WHERE NOT (id >= @p || '/' AND id < @p || '0')`;

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(" ");

interface Label {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Clicks the label of the largest collapsed node drawn: the time until the view it opens is drawn. */
async function openLargestCollapsed(page: Page): Promise<{ label: string; wall: number; load: LastLoad }> {
  const labels = (await page.evaluate("window.__hfLineage.labelBoxes()")) as Label[];
  const count = (key: string) =>
    page.evaluate(`window.__hfLineage.graph.getNodeAttribute(${JSON.stringify(key)}, "collapsed").count`);
  let largest: { label: Label; count: number } | null = null;
  for (const label of labels.filter((candidate) => candidate.key.startsWith("more:"))) {
    const counted = Number(await count(label.key));
    if (largest === null || counted > largest.count) largest = { label, count: counted };
  }
  if (largest === null) throw new Error("bench/viewer-render: the overview labels no collapsed node");
  const graph = await page.locator("#graph").boundingBox();
  if (graph === null) throw new Error("bench/viewer-render: the graph is not on the page");
  const { label } = largest;
  const x = graph.x + label.x + label.width / 2;
  const y = graph.y + label.y + label.height / 2;
  await page.mouse.move(x, y);
  const started = performance.now();
  await page.mouse.click(x, y);
  await page.waitForURL((url) => url.searchParams.has("open"), { timeout: 300_000 });
  await page.waitForFunction(() => document.body.dataset.state === "ready", null, { timeout: 300_000 });
  const wall = performance.now() - started;
  const load = (await page.evaluate("window.__hfLineage.lastLoad")) as LastLoad;
  return { label: `${largest.count.toLocaleString("en-US")} more`, wall, load };
}

export default async function viewerRenderBench(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "hf-lineage-viewer-render-"));
  const given = process.env.HF_LINEAGE_SCALE_DB;
  const dbPath = given === undefined ? ":memory:" : join(scratch, "hub.db");
  if (given !== undefined) copyFileSync(given, dbPath);
  const db = openStore(dbPath);
  if (given === undefined) writeScaleModel(db, { models: Number(process.env.HF_LINEAGE_VIEWER_MODELS ?? 500_000) });
  const lineage = openIndexedLineage(db);
  const webRoot = await buildViewer();
  const { server, url } = await listen(createApp({ lineage, webRoot }), { port: 0, host: "127.0.0.1" });
  const browser = await launchChromium();
  try {
    const base = url.replace(/\/$/, "");
    const top = (await (await fetch(`${base}/api/top-orgs?limit=1`)).json()) as {
      orgs: { org: string; models: number; descendants: number }[];
    };
    const org = top.orgs[0];
    if (org === undefined) throw new Error("bench/viewer-render: the scale model has no org family");
    const query = `q=${encodeURIComponent(org.org)}&maxNodes=${NODES}`;

    // The whole family as an overview, as `?q=ORG` opens it: collapsed subtrees and fans with counts.
    const overviewPage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const devtools = await overviewPage.context().newCDPSession(overviewPage);
    await devtools.send("Performance.enable");
    const serverCpu = process.cpuUsage();
    const overviewStarted = performance.now();
    await overviewPage.goto(`${base}/?q=${encodeURIComponent(org.org)}`);
    await overviewPage.waitForFunction(() => document.body.dataset.state === "ready", null, { timeout: 300_000 });
    const overviewWall = performance.now() - overviewStarted;
    const serverCpuMs = cpuMs(process.cpuUsage(serverCpu));
    const { metrics } = await devtools.send("Performance.getMetrics");
    const pageBusyMs = (metrics.find((metric) => metric.name === "TaskDuration")?.value ?? NaN) * 1000;
    const overview = (await overviewPage.evaluate("window.__hfLineage.lastLoad")) as LastLoad;
    const collapsed = Number(
      await overviewPage.evaluate("window.__hfLineage.graph.filterNodes((_k, a) => a.collapsed !== undefined).length"),
    );
    const click = await openLargestCollapsed(overviewPage);
    await overviewPage.close();
    const ctePeers = given === undefined ? [] : [0, 1, 2].map(() => sqlitePeer(dbPath, ORG_DOWN, org.org));
    const cte = ctePeers.sort((a, b) => a.ms - b.ms)[1];
    if (cte !== undefined && Number(cte.stdout.trim()) !== org.descendants)
      throw new Error(`bench/viewer-render: SQLite counts ${cte.stdout.trim()}, the server ${org.descendants}`);
    console.log(
      `overview of ${org.org} (${org.descendants.toLocaleString("en-US")} descendants): ` +
        `${overview.nodes.toLocaleString("en-US")} nodes drawn, ${collapsed} collapsed; load average ${loadAverage()}`,
    );
    console.log(`viewer, page open to first frame     ${overviewWall.toFixed(0).padStart(7)} ms`);
    console.log(`  request (overview, layout, JSON)    ${overview.fetchMs.toFixed(0).padStart(7)} ms`);
    console.log(
      `  graph build and sigma's first frame ${(overview.buildMs + overview.drawMs).toFixed(0).padStart(7)} ms`,
    );
    console.log(`  CPU: server (this process)          ${serverCpuMs.toFixed(0).padStart(7)} ms`);
    console.log(
      `  page's main thread busy             ${pageBusyMs.toFixed(0).padStart(7)} ms   (TaskDuration, wall time)`,
    );
    console.log(
      `click on "${click.label}" to first frame ${click.wall.toFixed(0).padStart(7)} ms   ` +
        `(request ${click.load.fetchMs.toFixed(0)} ms, build and frame ` +
        `${(click.load.buildMs + click.load.drawMs).toFixed(0)} ms; ${click.load.nodes.toLocaleString("en-US")} nodes)`,
    );
    if (cte !== undefined)
      console.log(
        `SQLite recursive CTE counting it (cold) ${cte.ms.toFixed(0).padStart(6)} ms   ` +
          `ratio ${(overviewWall / cte.ms).toFixed(2)}x (viewer first frame / CTE count)` +
          (cte.cpuMs === null
            ? ""
            : `; CPU ${cte.cpuMs.toFixed(0)} ms, ratio ${((serverCpuMs + pageBusyMs) / cte.cpuMs).toFixed(2)}x ` +
              "(server CPU and page busy time / CTE CPU)"),
      );

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const started = performance.now();
    await page.goto(`${base}/?q=${encodeURIComponent(org.org)}&max=${NODES}`);
    await page.waitForFunction(() => document.body.dataset.state === "ready", null, { timeout: 300_000 });
    const wall = performance.now() - started;
    const load = (await page.evaluate("window.__hfLineage.lastLoad")) as LastLoad;
    const edges = Number(await page.evaluate("window.__hfLineage.graph.size"));

    // The peer: the same nodes and edges, laid out by ForceAtlas2 from random positions, as an explorer without
    // a tree layout would have to before its first useful frame (layout time only; drawing would come on top).
    const family = (await (await fetch(`${base}/api/family?${query}`)).json()) as FamilyResponse;
    const peer = new DirectedGraph();
    peer.import(drawnGraph(family.graph));
    peer.forEachNode((node) => peer.mergeNodeAttributes(node, { x: Math.random(), y: Math.random() }));
    const settings = forceAtlas2.inferSettings(peer);
    const fa2Started = performance.now();
    forceAtlas2.assign(peer, { iterations: FA2_ITERATIONS, settings });
    const fa2 = performance.now() - fa2Started;

    console.log(
      `family: ${org.org} in a ${lineage.index.models.toLocaleString("en-US")}-model scale model, ` +
        `${org.descendants.toLocaleString("en-US")} descendants, ` +
        `drawn ${load.nodes.toLocaleString("en-US")} nodes and ${edges.toLocaleString("en-US")} edges`,
    );
    console.log(`viewer, page open to first frame     ${wall.toFixed(0).padStart(7)} ms`);
    console.log(`  request (server layout, JSON)       ${load.fetchMs.toFixed(0).padStart(7)} ms`);
    console.log(
      `  graph build and sigma's first frame ${(load.buildMs + load.drawMs).toFixed(0).padStart(7)} ms   ` +
        "(SwiftShader, no GPU)",
    );
    console.log(
      `ForceAtlas2, ${FA2_ITERATIONS} iterations (Node)    ${fa2.toFixed(0).padStart(7)} ms   ` +
        `ratio ${(fa2 / load.totalMs).toFixed(2)}x (ForceAtlas2 layout alone / viewer request-to-frame)`,
    );
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
    db.close();
    rmSync(webRoot, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}
