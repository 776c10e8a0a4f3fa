// The answers along the lineage in the viewer, in Chromium over the eleven real family-tree dumps: a model's runnable
// copies, adapters and siblings in its panel, licence colours and findings, and the path between two models drawn.
// Expected values come from the networkx oracle (test/oracle/answers_oracle.py) on the same raw files.

import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { createApp } from "../../src/server/app.js";
import { listen } from "../../src/server/listen.js";
import type { Store } from "../../src/store/open-store.js";
import { FAMILY_TREES } from "../support/bundled-data.js";
import { buildViewer } from "../support/build-viewer.js";
import { openWatchedPage } from "../support/chromium.js";
import { openFixture } from "../support/fixture-databases.js";
import { findPython } from "../support/run-oracle.js";

const RESULTS = resolve(process.cwd(), "test-results");
const GEMMA = "google/gemma-7b";
const GEMMA_IT = "google/gemma-7b-it";
const GGUF = "matrixportal/gemma-7b-it-GGUF";
const LIQUID = "Junfeng5/Liquid_V1_7B";
const GGUF_TYPO = "matrixportal/gemma-7b-it-GGUX";

interface Oracle {
  copies: Record<string, Record<string, number>>;
  licences: Record<string, { models: number; findings: unknown[] }>;
  paths: Record<string, { paths: string[][]; nearest: string[] }>;
  siblings: Record<string, Record<string, string[]>>;
}

let oracle: Oracle;
let store: Store;
let server: Server;
let url: string;
let webRoot: string;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  const args = ["-B", resolve("test/oracle/answers_oracle.py"), ...FAMILY_TREES.flatMap((f) => ["--family-tree", f])];
  args.push("--copies", `quantized:none:${GEMMA}`, "--copies", `adapter:none:${GEMMA}`, "--licences", GEMMA);
  args.push("--path", `${GEMMA}|${GGUF}`, "--path", `${GGUF}|${LIQUID}`, "--siblings", GEMMA_IT);
  oracle = JSON.parse(execFileSync(findPython(), args, { encoding: "utf8", maxBuffer: 1 << 28 })) as Oracle;
  store = openFixture("family-trees");
  webRoot = await buildViewer();
  const listening = await listen(createApp({ lineage: openIndexedLineage(store), webRoot }), {
    port: 0,
    host: "127.0.0.1",
  });
  server = listening.server;
  url = listening.url.replace(/\/$/, "");
  ({ browser, page, problems } = await openWatchedPage({
    viewport: { width: 1600, height: 1000 },
    // The path test with a typo asks for a model that does not exist: its 404 and console line are expected.
    expectedConsoleError: (text) => text.startsWith("Failed to load resource"),
    expectedFailedAnswer: (address) => address.includes(encodeURIComponent(GGUF_TYPO)),
  }));
  mkdirSync(RESULTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server === undefined ? done() : server.close(() => done())));
  store?.close();
  if (webRoot !== undefined) rmSync(webRoot, { recursive: true, force: true });
});

async function open(search: string): Promise<void> {
  await page.goto(`${url}/${search}`);
  await page.waitForFunction(() => ["ready", "error"].includes(document.body.dataset.state ?? ""));
  expect(await page.evaluate(() => document.body.dataset.state)).toBe("ready");
}

const drawnKeys = () =>
  page.evaluate(() =>
    (window as unknown as { __hfLineage: { graph: { nodes(): string[] } } }).__hfLineage.graph.nodes().sort(),
  );

const drawnEdges = () =>
  page.evaluate(() => (window as unknown as { __hfLineage: { graph: { size: number } } }).__hfLineage.graph.size);

describe("the viewer's answers along the lineage", { timeout: 180_000 }, () => {
  it("lists a model's top runnable copies and adapters in its panel, with links to the whole lists", async () => {
    await open(`?q=${encodeURIComponent(GEMMA)}&selected=${encodeURIComponent(GEMMA)}`);
    await page.waitForSelector('#panel [data-copies="quantized"] tr[data-copy]');
    const rows = await page.$$eval('#panel [data-copies="quantized"] tr[data-copy]', (items) =>
      items.map((row) => [
        (row as HTMLElement).dataset.copy,
        ...Array.from(row.querySelectorAll("td"))
          .slice(1)
          .map((cell) => cell.textContent),
      ]),
    );
    // The oracle's 23 quantizations; none has a record, so none has downloads: they come in id order, and format,
    // bits and downloads are unknown (the dump has no record of them), the publisher the id's org.
    const quantized = Object.keys(oracle.copies[`quantized:none:${GEMMA}`] ?? {}).sort();
    expect(quantized.length).toBe(23);
    expect(rows).toEqual(
      quantized.slice(0, 5).map((id) => [id, "unknown", "unknown", id.slice(0, id.indexOf("/")), "—"]),
    );
    expect(await page.textContent('#panel [data-copies="quantized"] h3')).toBe("Runnable copies (quantizations) (23)");
    // The table keeps within the panel: long ids and publishers wrap in their columns.
    const widths = await page.$eval('#panel [data-copies="quantized"] table', (table) => [
      table.scrollWidth,
      (table.parentElement as HTMLElement).clientWidth,
    ]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    expect(await page.getAttribute('#panel [data-copies="quantized"] a', "href")).toBe(
      `/api/quants?id=${encodeURIComponent(GEMMA)}`,
    );
    await page.waitForSelector('#panel [data-copies="adapter"] h3');
    const adapters = Object.keys(oracle.copies[`adapter:none:${GEMMA}`] ?? {}).length;
    expect(await page.textContent('#panel [data-copies="adapter"] h3')).toBe(
      `Adapters (${adapters.toLocaleString("en-US")})`,
    );
    // gemma-7b declares no base_model: it has no siblings.
    await page.waitForSelector("#panel .siblings");
    expect(await page.textContent("#panel .siblings p")).toBe("No parent, so no siblings.");
    await page.screenshot({ path: resolve(RESULTS, "viewer-answers-panel.png") });
  });

  it("lists the siblings of a model by relation, as the oracle groups them", async () => {
    await open(`?q=${encodeURIComponent(GEMMA_IT)}&selected=${encodeURIComponent(GEMMA_IT)}`);
    await page.waitForSelector("#panel .siblings h3");
    const groups = await page.$$eval("#panel [data-siblings]", (items) =>
      items.map((item) => [(item as HTMLElement).dataset.siblings, item.querySelector("strong")?.textContent]),
    );
    const expected = oracle.siblings[GEMMA_IT] ?? {};
    const labels: Record<string, string> = { finetune: "fine-tune", adapter: "adapter", quantized: "quantization" };
    expect(groups).toEqual(
      ["finetune", "adapter", "quantized", "merge", "unknown"]
        .filter((relation) => (expected[relation]?.length ?? 0) > 0)
        .map((relation) => [
          relation,
          `${labels[relation] ?? relation} ${(expected[relation]?.length ?? 0).toLocaleString("en-US")}: `,
        ]),
    );
    const total = Object.values(expected).reduce((sum, ids) => sum + ids.length, 0);
    expect(await page.textContent("#panel .siblings h3")).toBe(`Siblings (${total.toLocaleString("en-US")})`);
  });

  it("colours the drawn models by licence and lists the oracle's findings, asking only for what it draws", async () => {
    const asked: URL[] = [];
    const onRequest = (request: { url(): string }) => {
      const requested = new URL(request.url());
      if (requested.pathname === "/api/licenses") asked.push(requested);
    };
    page.on("request", onRequest);
    await open(`?q=${encodeURIComponent(GEMMA)}&colour=licence&findings=1`);
    await page.waitForSelector("#licence-findings summary");
    page.off("request", onRequest);
    const findings = oracle.licences[GEMMA]?.findings.length ?? -1;
    expect(findings).toBe(285);
    expect(await page.textContent("#licence-findings summary")).toBe(`Licence findings (${findings})`);
    const legend = await page.$$eval("#legend [data-licence-class]", (items) =>
      items.map((item) => [
        (item as HTMLElement).dataset.licenceClass,
        Number(item.querySelector(".legend-count")?.textContent?.replace(/,/g, "")),
      ]),
    );
    // The whole answer (its classes checked against the oracle's count of models here and in answers-vs-oracle)
    // gives each drawn node its row: its class, a fan or collapsed subtree (several models), or outside the family.
    const licences = (await (await fetch(`${url}/api/licenses?q=${encodeURIComponent(GEMMA)}`)).json()) as {
      models: { id: string; class: string }[];
    };
    expect(licences.models.find((model) => model.id === GEMMA)?.class).toBe("restrictive");
    expect(licences.models.length).toBe(oracle.licences[GEMMA]?.models);
    const classOf = new Map(licences.models.map((model) => [model.id, model.class]));
    const drawn = await page.evaluate(() => {
      const graph = (window as unknown as { __hfLineage: { graph: import("graphology").default } }).__hfLineage.graph;
      return graph.mapNodes((key, attributes) => ({
        key,
        fan: attributes.fan !== undefined || attributes.collapsed !== undefined,
      }));
    });
    const expected: Record<string, number> = {};
    for (const { key, fan } of drawn) {
      const row = fan ? "fan" : (classOf.get(key) ?? "outside");
      expected[row] = (expected[row] ?? 0) + 1;
    }
    expect(Object.fromEntries(legend)).toEqual(Object.fromEntries(Object.entries(expected).filter(([, n]) => n > 0)));
    // Asked for: the first findings with the totals, and the licences of the drawn models, each once, by id.
    expect(asked.filter((request) => request.searchParams.has("limit")).map((request) => request.search)).toEqual([
      `?q=${encodeURIComponent(GEMMA)}&limit=200`,
    ]);
    const byIds = asked.filter((request) => request.searchParams.has("ids"));
    expect(byIds.length + 1).toBe(asked.length);
    const models = drawn.filter(({ fan }) => !fan).map(({ key }) => key);
    expect(byIds.flatMap((request) => (request.searchParams.get("ids") ?? "").split(",")).sort()).toEqual(
      models.sort(),
    );
    await page.screenshot({ path: resolve(RESULTS, "viewer-licence-findings.png") });
  });

  it("draws every path down from a model to its descendant, reached from the panel's path form", async () => {
    await open(`?q=${encodeURIComponent(GEMMA)}&selected=${encodeURIComponent(GEMMA)}`);
    await page.fill("#panel .path-form input", GGUF);
    await page.click("#panel .path-form button");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("to") !== null);
    await page.waitForFunction(() => document.body.dataset.state === "ready");
    const params = new URL(page.url()).searchParams;
    expect([params.get("from"), params.get("to")]).toEqual([GEMMA, GGUF]);
    const paths = oracle.paths[`${GEMMA}|${GGUF}`]?.paths ?? [];
    expect(paths).toEqual([[GEMMA, GEMMA_IT, GGUF]]);
    expect(await drawnKeys()).toEqual([...new Set(paths.flat())].sort());
    expect(await drawnEdges()).toBe(2);
    expect(await page.textContent("#notices .path-text")).toBe(paths[0]?.join(" → "));
    await page.screenshot({ path: resolve(RESULTS, "viewer-path.png") });
  });

  it("offers a typed path end's close matches in its place, and the way back to the family", async () => {
    await page.goto(
      `${url}/?q=${encodeURIComponent(GEMMA)}&from=${encodeURIComponent(GEMMA)}&to=${encodeURIComponent(GGUF_TYPO)}`,
    );
    await page.waitForFunction(() => document.body.dataset.state === "error");
    expect(await page.textContent("#notices > button")).toBe(`Back to the family of ${GEMMA}`);
    await page.click(`#notices .suggestions button:text-is("${GGUF}")`);
    await page.waitForFunction(() => document.body.dataset.state === "ready");
    const params = new URL(page.url()).searchParams;
    expect([params.get("q"), params.get("from"), params.get("to")]).toEqual([GEMMA, GEMMA, GGUF]);
  });

  it("draws the nearest common ancestor of two models when neither descends from the other", async () => {
    await open(`?q=${encodeURIComponent(GEMMA)}&from=${encodeURIComponent(GGUF)}&to=${encodeURIComponent(LIQUID)}`);
    const nearest = oracle.paths[`${GGUF}|${LIQUID}`]?.nearest ?? [];
    expect(nearest).toEqual([GEMMA]);
    const keys = await drawnKeys();
    for (const id of [GGUF, LIQUID, ...nearest]) expect(keys).toContain(id);
    // A tree of two shortest paths down from one ancestor: one edge fewer than models.
    expect(await drawnEdges()).toBe(keys.length - 1);
    expect(problems).toEqual([]);
  });
});
