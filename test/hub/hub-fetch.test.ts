// The fetch handed to @huggingface/hub, against the stand-in's faults: a 429 waits exactly what RateLimit
// announces, Retry-After is honoured, 5xx / dropped / truncated answers are retried with 1-2-4-8 s backoff,
// and a page that stays malformed ends in a clear error. Waits are read from a fake clock.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHubFetch, HubRequestError, systemClock, type HubTraffic } from "../../src/hub/hub-fetch.js";
import type { HubStandIn } from "../../tools/hub-stand-in/stand-in-server.js";
import { fakeClock, standInOf } from "../support/hub-stand-in.js";

let standIn: HubStandIn;
beforeAll(async () => {
  standIn = await standInOf();
});
afterAll(() => standIn.close());
beforeEach(() => standIn.faults.clear());

function client() {
  const clock = fakeClock();
  const traffic: HubTraffic = { requests: 0, retries: 0, rateLimitWaitMs: 0 };
  return { clock, traffic, fetch: createHubFetch({ clock, traffic }) };
}

const PAGE = "/api/models?limit=5&expand=tags";

async function ids(response: Response): Promise<string[]> {
  return ((await response.json()) as { id: string }[]).map((item) => item.id);
}

describe("the crawler's fetch", () => {
  it("waits exactly the reset a 429's RateLimit header announces, then gets the page", async () => {
    const expected = await ids(await fetch(`${standIn.url}${PAGE}`));
    standIn.faults.add({ kind: "rate-limit", resetSeconds: 55 });
    const { clock, traffic, fetch: hubFetch } = client();
    expect(await ids(await hubFetch(`${standIn.url}${PAGE}`))).toEqual(expected);
    expect(clock.waits).toEqual([55_000]);
    expect(traffic).toEqual({ requests: 2, retries: 1, rateLimitWaitMs: 55_000 });
  });

  it("waits what Retry-After says on a 503", async () => {
    standIn.faults.add({ kind: "status", status: 503, retryAfterSeconds: 7 });
    const { clock, fetch: hubFetch } = client();
    expect((await hubFetch(`${standIn.url}${PAGE}`)).status).toBe(200);
    expect(clock.waits).toEqual([7_000]);
  });

  it("backs off 1 s, 2 s, 4 s over 500, a dropped connection and a truncated page, then succeeds", async () => {
    const expected = await ids(await fetch(`${standIn.url}${PAGE}`));
    standIn.faults.add({ kind: "status", status: 500 });
    standIn.faults.add({ kind: "drop" });
    standIn.faults.add({ kind: "truncate" });
    const { clock, traffic, fetch: hubFetch } = client();
    expect(await ids(await hubFetch(`${standIn.url}${PAGE}`))).toEqual(expected);
    expect(clock.waits).toEqual([1_000, 2_000, 4_000]);
    expect(traffic.requests).toBe(4);
  });

  it("reports a page still malformed after five tries, naming the URL and the problem", async () => {
    standIn.faults.add({ kind: "malformed" }, { times: 5 });
    const { clock, fetch: hubFetch } = client();
    const error = await hubFetch(`${standIn.url}${PAGE}`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubRequestError);
    expect((error as Error).message).toMatch(
      new RegExp(`^hub: GET ${standIn.url}/api/models\\?limit=5&expand=tags failed 5 times; last: malformed JSON`),
    );
    expect(clock.waits).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("gives up on a 404 at once with the Hub's error code", async () => {
    const { clock, fetch: hubFetch } = client();
    const error = (await hubFetch(`${standIn.url}/api/models/nobody/nothing/revision/HEAD`).catch(
      (caught: unknown) => caught,
    )) as HubRequestError;
    expect(error.status).toBe(404);
    expect(error.errorCode).toBe("RepoNotFound");
    expect(clock.waits).toEqual([]);
  });

  it("pauses before the next request when a successful answer says no requests remain", async () => {
    const limited = await standInOf({ rateLimit: { requests: 2, windowSeconds: 1 } });
    try {
      const waits: number[] = [];
      const hubFetch = createHubFetch({ clock: systemClock, onWait: (ms) => waits.push(ms) });
      for (let i = 0; i < 3; i++) expect((await hubFetch(`${limited.url}${PAGE}`)).status).toBe(200);
      // The second answer carries `r=0;t=1`: the third request waits that second instead of being refused.
      // The pause runs until the announced reset: 1 s after the second answer, less the time since it.
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeGreaterThan(500);
      expect(waits[0]).toBeLessThanOrEqual(1_000);
      expect(limited.requests.length).toBe(3);
    } finally {
      await limited.close();
    }
  });
});
