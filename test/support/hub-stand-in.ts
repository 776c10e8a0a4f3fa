// Shared set-up of the crawler tests: the stand-in for the Hub serving the bundled family-tree dumps, and a crawl
// session on an in-memory store that records every wait instead of sleeping (a fake clock).

import type { HubModelRecord } from "../../src/hub/api-types.js";
import { createHubFetch, type Clock, type HubTraffic } from "../../src/hub/hub-fetch.js";
import { loadRecordedRecords } from "../../tools/hub-stand-in/recorded-records.js";
import { startHubStandIn, type HubStandIn, type HubStandInOptions } from "../../tools/hub-stand-in/stand-in-server.js";
import type { CrawlSession } from "../../src/sync/crawl-session.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { FAMILY_TREE_DIRECTORY } from "./bundled-data.js";

let recorded: Promise<HubModelRecord[]> | undefined;

/** The 1,865 distinct records of the dumps (test/hub/derive_expected.py counts them with Python's json). */
export function recordedRecords(): Promise<HubModelRecord[]> {
  recorded ??= loadRecordedRecords([FAMILY_TREE_DIRECTORY]);
  return recorded;
}

export async function standInOf(options: Partial<HubStandInOptions> = {}): Promise<HubStandIn> {
  return startHubStandIn({ records: await recordedRecords(), ...options });
}

/** A clock whose sleep returns at once and only moves the time on, keeping every wait asked for. */
export function fakeClock(): Clock & { waits: number[] } {
  let now = Date.parse("2026-01-01T00:00:00Z");
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}

export interface TestSession extends CrawlSession {
  clock: Clock & { waits: number[] };
}

export interface SessionOptions {
  db?: Store;
  accessToken?: string;
  concurrency?: number;
  signal?: AbortSignal;
}

export function sessionOf(standIn: HubStandIn, options: SessionOptions = {}): TestSession {
  const traffic: HubTraffic = { requests: 0, retries: 0, rateLimitWaitMs: 0 };
  const clock = fakeClock();
  return {
    store: options.db ?? openStore(":memory:"),
    hubUrl: standIn.url,
    ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
    fetch: createHubFetch({ traffic, clock }),
    traffic,
    concurrency: options.concurrency ?? 4,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    clock,
  };
}

/** The ids of the models that have a record (not placeholders), sorted. */
export function recordIds(db: Store): string[] {
  return connectionOf(db).prepare(`SELECT id FROM models WHERE placeholder = 0 ORDER BY id`).pluck().all() as string[];
}
