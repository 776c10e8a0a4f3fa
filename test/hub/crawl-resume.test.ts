// A crawl killed mid-way resumes from its last committed page and ends with the rows of an uninterrupted one:
// the built CLI killed with SIGKILL at seeded moments during `crawl --all`, and a family crawl aborted between
// pages in-process. The token never shows in output or in the database files.

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionOf } from "../../src/store/database-handle.js";
import type { HubStandIn } from "../../tools/hub-stand-in/stand-in-server.js";
import { crawlFamily } from "../../src/sync/crawl-family.js";
import { CrawlAbortedError } from "../../src/sync/crawl-session.js";
import { lineageRows, lineageRowsOfFile } from "../support/lineage-table-rows.js";
import { startBuiltCli } from "../support/built-cli.js";
import { sessionOf, standInOf } from "../support/hub-stand-in.js";

const TOKEN = "hf_test_resume_secret_9876543210";
const folder = mkdtempSync(join(tmpdir(), "hf-lineage-crawl-resume-"));
let standIn: HubStandIn;
beforeAll(async () => {
  standIn = await standInOf({ maxPageSize: 50 });
});
afterAll(async () => {
  await standIn.close();
  rmSync(folder, { recursive: true, force: true });
});

function crawlProcess(db: string) {
  return startBuiltCli(["crawl", "--all", "--json", "--db", db, "--endpoint", standIn.url], { HF_TOKEN: TOKEN });
}

async function runToEnd(db: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = crawlProcess(db);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, stdout, stderr };
}

function pagesCommitted(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const handle = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return Number(handle.prepare(`SELECT coalesce(max(pages_read), 0) FROM runs WHERE kind = 'crawl'`).pluck().get());
    } finally {
      handle.close();
    }
  } catch {
    return 0; // the schema is still being created
  }
}

describe("crawl --all killed with SIGKILL and run again", () => {
  it("continues from the last committed page and ends with the rows of an uninterrupted crawl", async () => {
    const reference = join(folder, "reference.store");
    const once = await runToEnd(reference);
    expect(once.code, once.stderr).toBe(0);
    // 1,865 records at 50 a page: 38 pages, each answered after 30 ms while the crawls are killed, so the kills
    // land mid-crawl (the uninterrupted reference above and the last run below need no such wait).
    standIn.faults.add({ kind: "slow", delayMs: 30 }, { pathIncludes: "/api/models?", times: 100_000 });

    const seed = Date.now() % 1000;
    const killAt = [1 + (seed % 5), 12 + (seed % 7), 25 + (seed % 9)];
    const killed = join(folder, "killed.db");
    standIn.requests.length = 0;
    const outputs: string[] = [once.stdout, once.stderr];
    for (const pages of killAt) {
      const child = crawlProcess(killed);
      child.stderr.on("data", (chunk: Buffer) => outputs.push(chunk.toString()));
      const deadline = Date.now() + 30_000;
      while (pagesCommitted(killed) < pages && Date.now() < deadline) await sleep(5);
      child.kill("SIGKILL");
      await new Promise((resolve) => child.on("close", resolve));
      expect(pagesCommitted(killed), `seed ${seed}`).toBeGreaterThanOrEqual(pages);
    }
    standIn.faults.clear();
    const last = await runToEnd(killed);
    outputs.push(last.stdout, last.stderr);
    expect(last.code, last.stderr).toBe(0);
    expect(JSON.parse(last.stdout)).toMatchObject({ mode: "all", resumed: true, pages: 38, records: 1865 });
    expect(lineageRowsOfFile(killed), `seed ${seed}`).toEqual(lineageRowsOfFile(reference));

    // Only the first run asked for the first page; every later run started at a stored next-page URL.
    const firstPages = standIn.requests.filter(
      (request) => request.path.startsWith("/api/models?") && !request.path.includes("cursor="),
    );
    expect(firstPages.length).toBe(1);
    for (const text of outputs) expect(text.includes(TOKEN)).toBe(false);
    for (const file of readdirSync(folder)) expect(readFileSync(join(folder, file)).includes(TOKEN), file).toBe(false);
  });
});

describe("a family crawl aborted between pages", () => {
  it("resumes its pending listings and lookups and ends with the rows of an uninterrupted one", async () => {
    const reference = sessionOf(standIn);
    await crawlFamily(reference, "family", "deepseek-ai/DeepSeek-R1");

    const controller = new AbortController();
    const first = sessionOf(standIn, { signal: controller.signal });
    let saved = 0;
    first.onProgress = () => {
      if (++saved === 40) controller.abort();
    };
    await expect(crawlFamily(first, "family", "deepseek-ai/DeepSeek-R1")).rejects.toBeInstanceOf(CrawlAbortedError);
    const pending = Number(
      connectionOf(first.store).prepare(`SELECT count(*) FROM crawl_tasks WHERE status = 'pending'`).pluck().get(),
    );
    expect(pending).toBeGreaterThan(0);

    const resumed = await crawlFamily(sessionOf(standIn, { db: first.store }), "family", "deepseek-ai/DeepSeek-R1");
    expect(resumed.run.resumed).toBe(true);
    expect(lineageRows(first.store)).toEqual(lineageRows(reference.store));
    // One children listing for each of the 302 members and one lookup of DeepSeek-R1 itself, each done once.
    expect(
      connectionOf(first.store)
        .prepare(`SELECT kind, status, count(*) FROM crawl_tasks GROUP BY kind, status`)
        .raw()
        .all(),
    ).toEqual([
      ["children", "done", 302],
      ["info", "done", 1],
    ]);
  });
});
