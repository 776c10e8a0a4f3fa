// The Report page in Chromium over the eleven real family-tree dumps: every figure drawn equals /api/report's, one
// family's descendants equal networkx's on the raw files and `family --json`; one bar per row; data shown as text.

import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportSection } from "../../src/export/report-document.js";
import type { Report } from "../../src/graph/report.js";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { createApp } from "../../src/server/app.js";
import { listen } from "../../src/server/listen.js";
import type { Store } from "../../src/store/open-store.js";
import { FAMILY_TREES } from "../support/bundled-data.js";
import { buildViewer } from "../support/build-viewer.js";
import { openWatchedPage } from "../support/chromium.js";
import { fixturePath, openFixture } from "../support/fixture-databases.js";
import { runCliInProcess } from "../support/in-process-cli.js";
import { findPython } from "../support/run-oracle.js";

const RESULTS = resolve(process.cwd(), "test-results");
const GEMMA = "google/gemma-7b";
const SINCE = "2024-06-01";
const UNKNOWN_FAMILY = "microsoft/phi-3";

let store: Store;
let server: Server;
let url: string;
let webRoot: string;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  store = openFixture("family-trees");
  webRoot = await buildViewer();
  const listening = await listen(createApp({ lineage: openIndexedLineage(store), webRoot }), {
    port: 0,
    host: "127.0.0.1",
  });
  server = listening.server;
  url = listening.url.replace(/\/$/, "");
  ({ browser, page, problems } = await openWatchedPage({
    viewport: { width: 1400, height: 1000 },
    // The form's test adds a family that does not exist: its 404 and console line are expected.
    expectedConsoleError: (text) => text.startsWith("Failed to load resource"),
    expectedFailedAnswer: (address) => address.includes(encodeURIComponent(UNKNOWN_FAMILY)),
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

async function apiReport(search: string): Promise<Report> {
  const response = await fetch(`${url}/api/report${search}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Report;
}

/** A table of the page by its title: header and rows as the text shown, and the bars of its chart. */
function pageTable(title: string) {
  return page.evaluate((wanted) => {
    const figure = Array.from(document.querySelectorAll("#report figure.report-table")).find(
      (item) => item.querySelector("h3")?.textContent === wanted,
    );
    if (figure === undefined) return null;
    const cells = (row: Element) => Array.from(row.children).map((cell) => cell.textContent ?? "");
    return {
      header: cells(figure.querySelector("thead tr") as Element),
      rows: Array.from(figure.querySelectorAll("tbody tr")).map(cells),
      bars: Array.from(figure.querySelectorAll("svg rect.bar")).map((rect) => [
        (rect as SVGElement).dataset.label,
        (rect as SVGElement).dataset.value,
      ]),
    };
  }, title);
}

const count = (value: number | null) => (value === null ? "—" : value.toLocaleString("en-US"));
const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(2)}%`);

describe("the Report page", { timeout: 180_000 }, () => {
  it("draws every section with its definitions, the figures /api/report gives and one bar per row", async () => {
    await open(`?view=report&family=${encodeURIComponent(GEMMA)}&since=${SINCE}`);
    const report = await apiReport(`?family=${encodeURIComponent(GEMMA)}&since=${SINCE}`);

    // Every section of the document, in order, with each of its definition lines as the page's list items.
    const document = (await (
      await fetch(`${url}/api/report?family=${encodeURIComponent(GEMMA)}&since=${SINCE}&format=document`)
    ).json()) as ReportSection[];
    const sections = await page.$$eval("#report section.report-section", (items) =>
      items.map((item) => ({
        title: item.querySelector("h2")?.textContent,
        definitions: Array.from(item.querySelectorAll(".definitions li")).map((li) => li.textContent),
        tables: Array.from(item.querySelectorAll("h3")).map((h3) => h3.textContent),
      })),
    );
    expect(sections.map((section) => section.title)).toEqual([
      "Data",
      "Family size",
      "Downloads concentration",
      "Size classes",
      "Intermediaries and flows",
      "Formats and libraries over time",
      "Author kind and attribution",
    ]);
    expect(sections).toEqual(
      document.map((section) => ({
        title: section.title,
        definitions: section.definitions,
        tables: section.tables.map((table) => table.title),
      })),
    );
    // The coverage lines, written from the JSON figures here.
    const sizes = sections[3]?.definitions ?? [];
    const { own, inherited, unknown } = report.sizes.coverage;
    expect(sizes).toContain(`coverage: ${own} own, ${inherited} inherited, ${unknown} unknown`);
    const counted = (value: number) => value.toLocaleString("en-US");
    expect(sections[0]?.definitions[0]).toBe(
      `models (with a record of their own, placeholders left out): ${counted(report.data.models)}; placeholders: ` +
        `${counted(report.data.placeholders)}; with a Hub record read: ${counted(report.data.withRecord)}`,
    );
    expect(sections[0]?.definitions).toContain(
      `last creation date in the data: ${report.data.lastCreated?.slice(0, 10) ?? "—"}; time series from: ${SINCE}`,
    );

    // Family sizes: the largest org families, then gemma-7b, each figure as the JSON has it.
    const families = await pageTable("Family size under each definition");
    expect(families?.header.slice(0, 4)).toEqual(["family", "own models", "direct children", "descendants"]);
    expect(families?.rows.map((row) => row.slice(0, 4))).toEqual(
      report.families.map((family) => [
        family.query,
        count(family.models),
        count(family.directChildren),
        count(family.descendants),
      ]),
    );
    expect(families?.rows.map((row) => row[9])).toEqual(
      report.families.map((family) => count(family.descendantsOver5Downloads)),
    );
    expect(families?.bars).toEqual(report.families.map((family) => [family.query, String(family.descendants)]));

    // Concentration over all models.
    const concentration = await pageTable(`Over all models (${report.concentration.downloadField})`);
    const c = report.concentration;
    expect(concentration?.rows).toEqual([
      [
        count(c.models),
        count(c.withDownloads),
        count(c.totalDownloads),
        percent(c.under200Share),
        percent(c.top200Share),
        percent(c.topFractionShare),
        c.gini === null ? "—" : c.gini.toFixed(3),
      ],
    ]);

    // Size classes: four bars, one per class, the models of each.
    const classes = await pageTable("By parameter count");
    expect(classes?.bars).toEqual(
      (["<1B", "1-9B", "10-99B", ">=100B"] as const).map((name) => [name, String(report.sizes.classes[name].models)]),
    );

    // Precision: one bar per precision the JSON lists, most models first; the unknown ones are in the coverage line.
    const precisions = await pageTable("By precision (the dtype holding most of a model's parameters)");
    const byPrecision = Object.entries(report.sizes.precision.byPrecision);
    expect(byPrecision.length).toBeGreaterThan(0);
    expect(precisions?.bars).toEqual(byPrecision.map(([name, group]) => [name, String(group.models)]));
    const { known, unknown: noPrecision } = report.sizes.precision.coverage;
    expect(sizes).toContain(`precision known for ${known} models, unknown for ${noPrecision}`);

    // Each family's months since SINCE: one bar per month the JSON lists, in month order.
    for (const family of report.families) {
      const months = await pageTable(
        `Descendants of ${family.query} created per month (dates known: ` +
          `${family.descendantsWithCreated} of ${family.descendants})`,
      );
      const expected = Object.entries(family.perMonth).sort(([a], [b]) => (a < b ? -1 : 1));
      expect(months?.bars).toEqual(expected.map(([month, n]) => [month, String(n)]));
      expect(expected.every(([month]) => month >= SINCE.slice(0, 7))).toBe(true);
    }

    // Formats and libraries: a small chart per series that counts any model since SINCE, each with one bar per month
    // of the table (the months any series counts), and its total as the caption.
    const series = [
      ["Models per month by format", report.formats],
      ["Models per month by library", report.libraries],
    ] as const;
    for (const [title, bySeries] of series) {
      const drawn = await page.evaluate((wanted) => {
        // `window.document`: the test's own `document` above is the report's sections.
        const figure = Array.from(window.document.querySelectorAll("#report figure.report-table")).find(
          (item) => item.querySelector("h3")?.textContent === wanted,
        );
        return Array.from(figure?.querySelectorAll("figure.report-multiple") ?? []).map((multiple) => ({
          series: (multiple as HTMLElement).dataset.series,
          caption: multiple.querySelector("figcaption")?.textContent,
          bars: Array.from(multiple.querySelectorAll("svg rect.bar")).map((rect) => [
            (rect as SVGElement).dataset.label,
            (rect as SVGElement).dataset.value,
          ]),
        }));
      }, title);
      const months = [...new Set(Object.values(bySeries).flatMap((byMonth) => Object.keys(byMonth)))].sort();
      const expected = Object.entries(bySeries)
        .map(([name, byMonth]) => ({ name, byMonth, total: Object.values(byMonth).reduce((a, b) => a + b, 0) }))
        .filter(({ total }) => total > 0)
        .map(({ name, byMonth, total }) => ({
          series: name,
          caption: `${name}: ${count(total)}`,
          bars: months.map((month) => [month, String(byMonth[month] ?? 0)]),
        }));
      expect(expected.length).toBeGreaterThan(0);
      expect(drawn).toEqual(expected);
    }
    await page
      .locator("#report figure.report-table", { has: page.locator("figure.report-multiple") })
      .first()
      .screenshot({ path: resolve(RESULTS, "report-page-formats.png") });
    await page.screenshot({ path: resolve(RESULTS, "report-page.png") });
    const firstSeries = page.locator("#report figure.report-table", { has: page.locator("svg.columns") }).first();
    await firstSeries.screenshot({ path: resolve(RESULTS, "report-page-series.png") });
    expect(problems).toEqual([]);
  });

  it("gives gemma-7b's descendants as networkx counts them on the raw files, and as `family --json` does", async () => {
    const args = ["-B", resolve("test/oracle/lineage_oracle.py"), ...FAMILY_TREES.flatMap((f) => ["--family-tree", f])];
    const oracle = JSON.parse(
      execFileSync(findPython(), [...args, "--family", GEMMA], { encoding: "utf8", maxBuffer: 1 << 28 }),
    ) as { families: Record<string, { descendants: { total: number }; children: { total: number } }> };
    const expected = oracle.families[GEMMA];
    // 3,564 descendants and 3,367 direct children by networkx (nx.descendants, out-degree) on the eleven dumps.
    expect(expected?.descendants.total).toBe(3564);
    const cli = await runCliInProcess(["family", GEMMA, "--db", fixturePath("family-trees"), "--json"]);
    const family = JSON.parse(cli.stdout) as { descendants: { total: number } };
    expect(family.descendants.total).toBe(expected?.descendants.total);
    await open(`?view=report&family=${encodeURIComponent(GEMMA)}`);
    const table = await pageTable("Family size under each definition");
    const row = table?.rows.find((cells) => cells[0] === GEMMA);
    expect(row?.slice(2, 4)).toEqual([
      count(expected?.children.total ?? null),
      count(expected?.descendants.total ?? null),
    ]);
    expect(problems).toEqual([]);
  });

  it("adds a family and sets `since` from its form, in the URL, and offers JSON, Markdown and HTML", async () => {
    await open("?view=report");
    const before = (await pageTable("Family size under each definition"))?.rows.length ?? 0;
    await page.fill('#report input[name="family"]', "microsoft/phi-2");
    await page.fill('#report input[name="since"]', "2024-07-01");
    await page.click('#report button[type="submit"]');
    await page.waitForFunction(() => location.search.includes("phi-2") && document.body.dataset.state === "ready");
    expect(new URL(page.url()).search).toBe("?view=report&family=microsoft%2Fphi-2&since=2024-07-01");
    const after = await pageTable("Family size under each definition");
    expect(after?.rows.length).toBe(before + 1);
    expect(after?.rows.at(-1)?.[0]).toBe("microsoft/phi-2");
    const links = await page.$$eval("#report .report-downloads a", (items) =>
      items.map((a) => [a.textContent, a.getAttribute("href")]),
    );
    const query = "since=2024-07-01";
    expect(links).toEqual([
      ["JSON", `/api/report?${query}&family=microsoft%2Fphi-2`],
      ["Markdown", `/api/report?${query}&format=markdown&family=microsoft%2Fphi-2`],
      ["HTML", `/api/report?${query}&format=html&family=microsoft%2Fphi-2`],
    ]);
    // Each download is what `report` prints in that form with the same options.
    for (const [format, link] of [
      ["markdown", links[1]?.[1]],
      ["html", links[2]?.[1]],
    ] as const) {
      const response = await fetch(`${url}${link}`);
      expect(response.headers.get("content-disposition")).toContain("attachment");
      const cli = await runCliInProcess([
        "report",
        "--db",
        fixturePath("family-trees"),
        "--family",
        "microsoft/phi-2",
        "--since",
        "2024-07-01",
        "--format",
        format,
      ]);
      expect(await response.text()).toBe(cli.stdout);
    }
    // A family the data does not hold is refused beside the form; the report shown and the URL stay as they were.
    await page.fill('#report input[name="family"]', UNKNOWN_FAMILY);
    await page.click('#report button[type="submit"]');
    await page.waitForSelector("#report .report-controls + p.notice:not([hidden])");
    // Its close matches as the API gives them, named once (the API's message names them too).
    const refused = await fetch(`${url}/api/report?family=${encodeURIComponent(UNKNOWN_FAMILY)}&format=document`);
    const { suggestions } = ((await refused.json()) as { error: { suggestions: string[] } }).error;
    expect(suggestions).toContain("microsoft/phi-2");
    expect(await page.textContent("#report .report-controls + p.notice")).toBe(
      `Not added: unknown model or org "${UNKNOWN_FAMILY}" (did you mean ${suggestions.slice(0, 5).join(", ")}?)`,
    );
    expect(new URL(page.url()).search).toBe("?view=report&family=microsoft%2Fphi-2&since=2024-07-01");
    expect((await pageTable("Family size under each definition"))?.rows.length).toBe(before + 1);
    // Back goes to the report without phi-2; the brand link's page is the overview.
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes("phi-2") && document.body.dataset.state === "ready");
    expect((await pageTable("Family size under each definition"))?.rows.length).toBe(before);
    expect(problems).toEqual([]);
  });

  it("opens from the main page's link, and writes text from the data as text, never as markup", async () => {
    await page.goto(`${url}/`);
    await page.waitForFunction(() => document.body.dataset.state === "overview");
    await page.click("#report-link");
    await page.waitForFunction(() => location.search === "?view=report" && document.body.dataset.state === "ready");
    // A document whose text carries markup: every piece is shown as written, and nothing is parsed.
    const markup = '<img src="x" onerror="window.__hit=1"><b>bold</b>';
    await page.route("**/api/report?format=document", async (route) => {
      const response = await route.fetch();
      const sections = (await response.json()) as ReportSection[];
      const first = sections[1] as ReportSection;
      first.definitions.push(markup);
      const table = first.tables[0];
      table?.rows.push([markup, 1, 2, 3]);
      await route.fulfill({ response, json: sections });
    });
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.state === "ready");
    const text = await page.$$eval("#report section[data-section='family-size'] .definitions li", (items) =>
      items.map((li) => li.textContent),
    );
    expect(text.at(-1)).toBe(markup);
    const families = await pageTable("Family size under each definition");
    expect(families?.rows.at(-1)?.slice(0, 4)).toEqual([markup, "1", "2", "3"]);
    expect(families?.bars.at(-1)).toEqual([markup, "3"]);
    expect(await page.$$eval("#report img, #report b", (items) => items.length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __hit?: number }).__hit)).toBeUndefined();
    await page.unroute("**/api/report?format=document");
    expect(problems).toEqual([]);
  });
});
