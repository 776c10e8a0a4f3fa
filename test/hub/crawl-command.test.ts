// The `crawl` command through its run(context) with a fake context: --json summary, progress only on a
// terminal, HF_ENDPOINT / --endpoint / HF_TOKEN handling, usage errors, and the token in no output.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommandError, UsageError, type CommandContext } from "../../src/commands/command.js";
import { run as runCrawl } from "../../src/commands/crawl.js";
import type { HubStandIn } from "../../tools/hub-stand-in/stand-in-server.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { standInOf } from "../support/hub-stand-in.js";

const TOKEN = "hf_test_command_secret_5555";
let standIn: HubStandIn;
beforeAll(async () => {
  standIn = await standInOf();
});
afterAll(() => standIn.close());

function contextOf(
  values: CommandContext["values"],
  env: CommandContext["env"],
  interactive = false,
  db: Store = openStore(":memory:"),
) {
  const out: string[] = [];
  const err: string[] = [];
  const context: CommandContext = {
    values,
    positionals: [],
    // A crawl reads nothing of the package.
    packageRoot: "/nonexistent",
    output: {
      out: (text) => void out.push(text),
      raw: (text) => void out.push(text),
      err: (text) => void err.push(text),
      interactive,
    },
    env,
    openStore: async () => db,
  };
  return { context, out, err, db };
}

describe("the crawl command", () => {
  it("prints the summary as JSON, reads HF_ENDPOINT, sends HF_TOKEN and prints it nowhere", async () => {
    const { context, out, err } = contextOf(
      { family: "perplexity-ai/r1-1776", json: true },
      { HF_ENDPOINT: standIn.url, HF_TOKEN: TOKEN },
    );
    expect(await runCrawl(context)).toBe(0);
    const summary = JSON.parse(out.join("")) as Record<string, unknown>;
    // 13 records and 12 edges (test/hub/derive_expected.py); 14 requests: 12 listings and 2 lookups, by hand.
    expect(summary).toEqual({
      mode: "family",
      target: "perplexity-ai/r1-1776",
      endpoint: standIn.url,
      status: "complete",
      resumed: false,
      pages: 14,
      records: 13,
      models: 13,
      edges: 12,
      unresolved: expect.any(Number),
      skipped: 0,
      warnings: expect.any(Number),
      missingParents: 0,
      requests: 14,
      retries: 0,
      rateLimitWaitSeconds: 0,
      seconds: expect.any(Number),
      recordsPerSecond: expect.any(Number),
    });
    expect(err).toEqual([]);
    expect(standIn.requests.at(-1)?.authorization).toBe(`Bearer ${TOKEN}`);
    expect([...out, ...err].join("").includes(TOKEN)).toBe(false);
  });

  it("shows progress on a terminal, with the request count and ETA of a family crawl", async () => {
    const { context, out, err } = contextOf(
      { family: "perplexity-ai/r1-1776", endpoint: standIn.url },
      { HF_ENDPOINT: "http://127.0.0.1:1" },
      true,
    );
    expect(await runCrawl(context)).toBe(0);
    const progress = err.join("");
    expect(progress.startsWith("\r\u001b[2K")).toBe(true);
    expect(progress.slice(5)).toMatch(
      new RegExp(
        /^pages \d+ · models \d+ · edges \d+ · requests \d+ · rate-limit wait 0s · /.source +
          /[\d,]+ models\/s · tasks \d+\/\d+ · ETA \S+/.source,
      ),
    );
    expect(out.join("")).toMatch(
      /^Crawled http:\/\/127\.0\.0\.1:\d+ \(family perplexity-ai\/r1-1776\): 13 records in 14 pages, 12 edges, /,
    );
  });

  it("refuses two modes, a bad id, an endpoint with credentials and a token that is not one", async () => {
    const run = (values: CommandContext["values"], env: CommandContext["env"] = {}) =>
      runCrawl(contextOf(values, env).context);
    await expect(run({ all: true, family: "a/b" })).rejects.toThrow(new UsageError("choose one of --all, --family"));
    await expect(run({ family: "not a model" })).rejects.toThrow(UsageError);
    await expect(run({ all: true, endpoint: "http://user:pw@127.0.0.1:9" })).rejects.toThrow(/without credentials/);
    const error = await run({ all: true }, { HF_TOKEN: "secret-without-prefix" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      "HF_TOKEN must start with hf_ (a Hugging Face access token); it was not used",
    );
  });

  it("turns a missing full crawl into a one-line command error", async () => {
    const { context } = contextOf({}, { HF_ENDPOINT: standIn.url });
    await expect(runCrawl(context)).rejects.toThrow(CommandError);
  });
});
