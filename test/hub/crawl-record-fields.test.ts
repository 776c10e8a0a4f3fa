// The fields behind the report's precision and Mixture-of-Experts figures through the Hub API: the stand-in serves a
// record's `gguf` (context length too) and `safetensors` (counts by dtype) as recorded when a lookup or listing
// expands them, and a family crawl stores for each model what importing the recorded dumps stores.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandContext } from "../../src/commands/command.js";
import { run as runCrawl } from "../../src/commands/crawl.js";
import { HUB_EXPAND_FIELDS } from "../../src/hub/api-types.js";
import { createHubFetch } from "../../src/hub/hub-fetch.js";
import { fetchModelRecord } from "../../src/hub/model-record.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { openStore } from "../../src/store/open-store.js";
import type { HubStandIn } from "../../tools/hub-stand-in/stand-in-server.js";
import { FAMILY_TREES } from "../support/bundled-data.js";
import { openFixture } from "../support/fixture-databases.js";
import { fakeClock, standInOf } from "../support/hub-stand-in.js";
import { realEntry } from "../support/real-hub-records.js";

const GEMMA_DUMP = FAMILY_TREES.find((path) => path.includes("gemma-7b_finetunes_")) as string;

let standIn: HubStandIn;
beforeAll(async () => {
  standIn = await standInOf();
});
afterAll(() => standIn.close());

describe("record fields through the Hub API", () => {
  it("are asked for by the crawl and served as recorded", async () => {
    expect(HUB_EXPAND_FIELDS).toEqual(expect.arrayContaining(["config", "gguf", "safetensors", "downloadsAllTime"]));
    const record = await fetchModelRecord("google/gemma-7b", {
      hubUrl: standIn.url,
      fetch: createHubFetch({ clock: fakeClock() }),
    });
    // As the dump records them (read here with JSON.parse alone).
    const metadata = JSON.parse(realEntry(GEMMA_DUMP, "google/gemma-7b").metadata) as Record<string, unknown>;
    expect(record?.gguf).toEqual(metadata.gguf);
    expect(record?.safetensors).toEqual({ parameters: { BF16: 8537680896 }, total: 8537680896 });
    expect((record?.gguf as { context_length: number }).context_length).toBe(8192);
  });

  it("are stored by a family crawl as importing the dumps stores them", async () => {
    const db = openStore(":memory:");
    const context: CommandContext = {
      values: { family: "google/gemma-7b", json: true },
      positionals: [],
      // A crawl reads nothing of the package.
      packageRoot: "/nonexistent",
      output: { out: () => {}, raw: () => {}, err: () => {}, interactive: false },
      env: { HF_ENDPOINT: standIn.url },
      openStore: async () => db,
    };
    expect(await runCrawl(context)).toBe(0);
    const read = `SELECT m.id, d.safetensors_total, d.safetensors_parameters, d.gguf_total, d.gguf_context_length,
                         d.experts, d.experts_per_token
                  FROM model_details d JOIN models m USING (node) ORDER BY m.id`;
    const crawled = connectionOf(db).prepare(read).raw().all() as unknown[][];
    const imported = new Map(
      (connectionOf(openFixture("family-trees")).prepare(read).raw().all() as unknown[][]).map((row) => [row[0], row]),
    );
    expect(crawled.length).toBeGreaterThan(100);
    expect(crawled).toEqual(crawled.map((row) => imported.get(row[0])));
    expect(crawled.find((row) => row[0] === "google/gemma-7b")).toEqual([
      "google/gemma-7b",
      8537680896,
      '{"BF16":8537680896}',
      8538074112,
      8192,
      null,
      null,
    ]);
    db.close();
  });
});
