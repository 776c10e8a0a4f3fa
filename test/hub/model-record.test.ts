// One model's record through modelInfo: the stand-in's record as the Hub sends it, null for a repository the
// Hub does not have (404, or 401 with X-Error-Code: RepoNotFound as the Hub answers without a token), and an
// error for any other refusal.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHubFetch, HubRequestError } from "../../src/hub/hub-fetch.js";
import { fetchModelRecord } from "../../src/hub/model-record.js";
import type { HubStandIn } from "../../tools/hub-stand-in/stand-in-server.js";
import { fakeClock, standInOf } from "../support/hub-stand-in.js";

let standIn: HubStandIn;
beforeAll(async () => {
  standIn = await standInOf();
});
afterAll(() => standIn.close());

function answering(status: number, headers: Record<string, string>): typeof fetch {
  return async () =>
    new Response(JSON.stringify({ error: "Repository not found" }), {
      status,
      headers: { "content-type": "application/json", ...headers },
    });
}

describe("fetchModelRecord", () => {
  it("returns the record with the crawl's fields, and null for a repository the stand-in does not have", async () => {
    const options = { hubUrl: standIn.url, fetch: createHubFetch({ clock: fakeClock() }) };
    const record = await fetchModelRecord("perplexity-ai/r1-1776", options);
    expect(record?.id).toBe("perplexity-ai/r1-1776");
    expect(Object.keys(record ?? {}).sort()).toEqual([
      "_id",
      "author",
      "cardData",
      // The details kept beside lineage (this record has config, safetensors and files; downloadsAllTime is null).
      "config",
      "createdAt",
      "downloads",
      "gated",
      "id",
      "lastModified",
      "library_name",
      "likes",
      "pipeline_tag",
      "private",
      "safetensors",
      "siblings",
      "tags",
    ]);
    expect(await fetchModelRecord("nobody/nothing", options)).toBeNull();
  });

  it("reads a 401 with RepoNotFound as missing and any other 401 as an error", async () => {
    const missing = createHubFetch({ fetch: answering(401, { "x-error-code": "RepoNotFound" }), clock: fakeClock() });
    expect(await fetchModelRecord("org/private", { hubUrl: "https://huggingface.co", fetch: missing })).toBeNull();
    const refused = createHubFetch({ fetch: answering(401, {}), clock: fakeClock() });
    await expect(
      fetchModelRecord("org/private", { hubUrl: "https://huggingface.co", fetch: refused }),
    ).rejects.toBeInstanceOf(HubRequestError);
  });
});
