// `crawl --author-kinds` against the stand-in: every author of the stored models asked once (the organisation's
// overview, then the user's), the answers stored, a second run asking nothing, and the report counting the kinds;
// the expected figures are counted by hand from the 13 records of the perplexity-ai/r1-1776 crawl and by SQL.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError, type CommandContext } from "../../src/commands/command.js";
import { run as runCrawl } from "../../src/commands/crawl.js";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { buildReport } from "../../src/graph/report.js";
import { reportDocument } from "../../src/export/report-document.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { dataVersion, openStore, type Store } from "../../src/store/open-store.js";
import type { HubStandIn } from "../../tools/hub-stand-in/stand-in-server.js";
import { standInOf } from "../support/hub-stand-in.js";

// The accounts the stand-in serves an overview for; the other seven authors of the crawl answer 404 on both routes.
const ACCOUNTS = [
  { name: "deepseek-ai", type: "org" },
  { name: "perplexity-ai", type: "org" },
  { name: "unsloth", type: "org" },
  { name: "mlx-community", type: "org" },
  { name: "Renato186", type: "user" },
  { name: "Suziwan", type: "user" },
] as const;

let standIn: HubStandIn;
let db: Store;
beforeAll(async () => {
  standIn = await standInOf({ accounts: ACCOUNTS });
  db = openStore(":memory:");
});
afterAll(async () => {
  db.close();
  await standIn.close();
});

async function crawlText(values: CommandContext["values"]): Promise<string> {
  const out: string[] = [];
  const context: CommandContext = {
    values,
    positionals: [],
    // A crawl reads nothing of the package.
    packageRoot: "/nonexistent",
    output: {
      out: (text) => void out.push(text),
      raw: (text) => void out.push(text),
      err: () => {},
      interactive: false,
    },
    env: { HF_ENDPOINT: standIn.url },
    openStore: async () => db,
  };
  expect(await runCrawl(context)).toBe(0);
  return out.join("");
}

const crawl = async (values: CommandContext["values"]) =>
  JSON.parse(await crawlText({ ...values, json: true })) as Record<string, unknown>;

describe("crawl --author-kinds", () => {
  it("asks each author of the stored models once, stores the answers, and the report counts them", async () => {
    await crawl({ family: "perplexity-ai/r1-1776" });
    // The 13 records have 13 authors (ALESSIO66, Delfileking, Hxh0211, Khewa153, Renato186, Suziwan, dahiya11,
    // deepseek-ai, malypali18, mlx-community, perplexity-ai, rash1dovt, unsloth): 13 organisation lookups, then a user
    // lookup for the 9 that are not organisations.
    const before = standIn.requests.length;
    const version = dataVersion(db);
    const first = await crawl({ "author-kinds": true });
    // The 13 answers are saved in one batch, one write: a new data version, its lineage index stored by the command.
    expect(dataVersion(db)).toBe(version + 1);
    const storedIndex = () =>
      connectionOf(db).prepare(`SELECT DISTINCT data_version FROM lineage_index`).pluck().all() as number[];
    expect(storedIndex()).toEqual([version + 1]);
    expect(first).toMatchObject({ mode: "author-kinds", asked: 13, org: 4, user: 2, neither: 7, requests: 22 });
    const asked = standIn.requests.slice(before).map((request) => request.path);
    expect(asked.filter((path) => path.startsWith("/api/organizations/")).length).toBe(13);
    expect(asked.filter((path) => path.startsWith("/api/users/")).sort()).toEqual(
      ["ALESSIO66", "Delfileking", "Hxh0211", "Khewa153", "Renato186", "Suziwan", "dahiya11", "malypali18", "rash1dovt"]
        .sort()
        .map((name) => `/api/users/${name}/overview`),
    );
    const sql = connectionOf(db);
    expect(sql.prepare(`SELECT kind, count(*) FROM author_kinds GROUP BY kind ORDER BY kind`).raw().all()).toEqual([
      ["neither", 7],
      ["org", 4],
      ["user", 2],
    ]);
    // Asked again, nothing is left to ask.
    expect(await crawl({ "author-kinds": true })).toMatchObject({ asked: 0, requests: 0 });
    expect(dataVersion(db)).toBe(version + 1);
    expect(await crawlText({ "author-kinds": true })).toMatch(
      new RegExp(
        `^Asked ${standIn.url} the kind of 0 authors: 0 organisations, 0 users, 0 neither \\(no such account\\)\n` +
          "0 requests, 0 retries, 0 s waited on rate limits; [0-9.]+ s\n$",
      ),
    );

    const report = buildReport(openIndexedLineage(db));
    // The same figures by SQL over the stored models and answers, written apart from the report's code.
    const byKind = (kind: string) =>
      sql
        .prepare(
          `SELECT count(DISTINCT k.author), count(*), sum(m.downloads) FROM models m
           JOIN author_kinds k ON k.author = substr(m.id, 1, instr(m.id, '/') - 1)
           WHERE m.placeholder = 0 AND k.kind = ?`,
        )
        .raw()
        .get(kind) as [number, number, number | null];
    const [orgAuthors, orgModels, orgDownloads] = byKind("org");
    const [userAuthors, userModels, userDownloads] = byKind("user");
    expect([orgAuthors, orgModels, userAuthors, userModels]).toEqual([4, 4, 2, 2]);
    expect(report.attribution.authorKind).toEqual({
      known: 6,
      unknown: 7,
      byKind: {
        org: { authors: orgAuthors, models: orgModels, downloads: orgDownloads },
        user: { authors: userAuthors, models: userModels, downloads: userDownloads },
      },
    });
    const section = reportDocument(report).find((part) => part.title === "Author kind and attribution");
    expect(section?.definitions).toContain("author kind known for 6 of 13 authors");
    expect(section?.tables[0]?.rows).toEqual([
      ["kind", "authors", "models", "downloads"],
      ["organisation", 4, 4, orgDownloads],
      ["user", 2, 2, userDownloads],
    ]);
  });

  it("is a crawl mode of its own", async () => {
    await expect(crawl({ "author-kinds": true, all: true })).rejects.toThrow(
      new UsageError("choose one of --all, --author-kinds"),
    );
  });
});
