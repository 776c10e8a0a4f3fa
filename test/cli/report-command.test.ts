// `hf-lineage report` on the bundled snapshot: each form renders the same figures (checked against the report the
// graph layer gives, itself checked against the oracle), -o writes a file, and bad input is one line.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixturePath } from "../support/fixture-databases.js";
import { runCliInProcess } from "../support/in-process-cli.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

const db = () => fixturePath("bundle");

afterAll(removeScratchFolders);

describe("hf-lineage report", () => {
  it("prints JSON with the documented keys, the asked family's descendants as `family --json` gives them", async () => {
    const result = await runCliInProcess([
      "report",
      "--db",
      db(),
      "--family",
      "microsoft/phi-2",
      "--largest",
      "0",
      "--json",
    ]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    const family = JSON.parse((await runCliInProcess(["family", "microsoft/phi-2", "--db", db(), "--json"])).stdout);
    expect(report.families[0].query).toBe("microsoft/phi-2");
    expect(report.families[0].descendants).toBe(family.descendants.total);
    expect(report.families[0].directChildren).toBe(family.children.total);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(["families", "concentration", "sizes", "orgs", "flows", "formats", "definitions"]),
    );
  });

  it("writes text, Markdown and HTML with the definitions, and HTML to a file with -o", async () => {
    const text = await runCliInProcess(["report", "--db", db(), "--largest", "1", "--limit", "2"]);
    expect(text.stdout).toContain("== Size classes ==");
    expect(text.stdout).toContain("coverage: 680 own, 5775 inherited, 31139 unknown");
    const markdown = await runCliInProcess(["report", "--db", db(), "--largest", "1", "--format", "markdown"]);
    expect(markdown.stdout).toContain("## Downloads concentration");
    const folder = scratchFolder();
    const file = join(folder, "report.html");
    const html = await runCliInProcess(["report", "--db", db(), "--largest", "1", "--format", "html", "-o", file]);
    expect(html.status).toBe(0);
    const page = readFileSync(file, "utf8");
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<svg class="chart"');
    expect(page).not.toMatch(/(src|href)="?https?:/);
  });

  it("draws models per month by format and by library in the HTML page, one chart per series with models", async () => {
    const report = JSON.parse((await runCliInProcess(["report", "--db", db(), "--largest", "0", "--json"])).stdout) as {
      formats: Record<string, Record<string, number>>;
      libraries: Record<string, Record<string, number>>;
    };
    const page = (await runCliInProcess(["report", "--db", db(), "--largest", "0", "--format", "html"])).stdout;
    const drawn = [
      ...page.matchAll(
        /<figure class="series"><figcaption>([^<]*)<\/figcaption><svg class="chart" role="img" aria-label="([^"]*)"/g,
      ),
    ].map((match) => [match[1], match[2]]);
    const expected = (title: string, bySeries: Record<string, Record<string, number>>) =>
      Object.entries(bySeries)
        .map(([name, byMonth]) => [name, Object.values(byMonth).reduce((a, b) => a + b, 0)] as const)
        .filter(([, total]) => total > 0)
        .map(([name, total]) => [`${name}: ${total.toLocaleString("en-US")}`, `${title}: ${name}`]);
    const formats = expected("Models per month by format", report.formats);
    expect(formats.length).toBeGreaterThan(0);
    expect(drawn).toEqual([...formats, ...expected("Models per month by library", report.libraries)]);
  });

  it("escapes markup from a supplied table in the page, and reports it as supplied", async () => {
    const folder = scratchFolder();
    const table = join(folder, "attribution.csv");
    writeFileSync(table, 'author,country,kind\nTheBloke,"<script>x</script>",individual\n');
    const result = await runCliInProcess([
      "report",
      "--db",
      db(),
      "--largest",
      "0",
      "--format",
      "html",
      "--attribution",
      table,
    ]);
    expect(result.stdout).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(result.stdout).not.toContain("<script>");
    expect(result.stdout).toContain("supplied by");
  });

  it("refuses a bad date, an unknown format and a missing table in one line", async () => {
    const since = await runCliInProcess(["report", "--db", db(), "--since", "2024-13-01"]);
    expect(since.status).toBe(2);
    expect(since.stderr.split("\n")[0]).toBe('hf-lineage report: --since wants a date as YYYY-MM-DD; got "2024-13-01"');
    const format = await runCliInProcess(["report", "--db", db(), "--format", "pdf"]);
    expect(format.status).toBe(2);
    const missing = await runCliInProcess(["report", "--db", db(), "--attribution", "/nonexistent/a.csv"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toContain("/nonexistent/a.csv");
  });
});
