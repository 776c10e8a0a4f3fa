// The fetch handed to @huggingface/hub: retries 408/429/5xx, dropped connections and malformed pages with
// backoff, waits exactly what `RateLimit` / `Retry-After` announce, and counts requests and time waited.

import { announcedWaitMs, readRateLimit } from "./rate-limit-headers.js";

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Counters shared by every request of a crawl. */
export interface HubTraffic {
  requests: number;
  retries: number;
  rateLimitWaitMs: number;
}

export interface HubFetchOptions {
  fetch?: typeof fetch;
  clock?: Clock;
  traffic?: HubTraffic;
  /** Tries for one request failing with 408/5xx, a network error or a malformed body (default 5). */
  maxTries?: number;
  /** 429 answers tolerated for one request (default 30). */
  maxRateLimited?: number;
  /** Called before each wait, with the reason. */
  onWait?: (ms: number, reason: string) => void;
}

/** A request the Hub refused for good, or that kept failing; the URL never carries the token. */
export class HubRequestError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status: number | null,
    readonly errorCode: string | null = null,
  ) {
    super(message);
    this.name = "HubRequestError";
  }
}

const RETRIED_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** 1, 2, 4, 8, 8... seconds, as the Hub's Python client backs off. */
export function backoffMs(failures: number): number {
  return Math.min(8, 2 ** Math.max(0, failures - 1)) * 1000;
}

/** What the route must answer: a list of records, or one record. */
function shapeProblem(url: string, value: unknown): string | null {
  const isObject = (item: unknown) => typeof item === "object" && item !== null && !Array.isArray(item);
  if (new URL(url).pathname.endsWith("/api/models")) {
    if (!Array.isArray(value)) return "the page is not a JSON list";
    return value.every(isObject) ? null : "the page lists something other than records";
  }
  return isObject(value) ? null : "the answer is not a JSON object";
}

function parsedResponse(value: unknown, from: Response): Response {
  const response = new Response(null, { status: from.status, headers: from.headers });
  Object.defineProperty(response, "json", { value: async () => value });
  return response;
}

export function createHubFetch(options: HubFetchOptions = {}): typeof fetch {
  const fetchImpl = options.fetch ?? fetch;
  const clock = options.clock ?? systemClock;
  const traffic = options.traffic ?? { requests: 0, retries: 0, rateLimitWaitMs: 0 };
  const maxTries = options.maxTries ?? 5;
  const maxRateLimited = options.maxRateLimited ?? 30;
  let pausedUntil = 0;

  const wait = async (ms: number, reason: string, rateLimit: boolean) => {
    options.onWait?.(ms, reason);
    if (rateLimit) traffic.rateLimitWaitMs += ms;
    await clock.sleep(ms);
  };

  return async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    let failures = 0;
    let rateLimited = 0;
    const fail = async (reason: string, status: number | null, announced: number | null = null) => {
      failures++;
      if (failures >= maxTries)
        throw new HubRequestError(`hub: GET ${url} failed ${failures} times; last: ${reason}`, url, status);
      traffic.retries++;
      await wait(announced ?? backoffMs(failures), reason, false);
    };
    for (;;) {
      const pause = pausedUntil - clock.now();
      if (pause > 0) await wait(pause, "rate limit reached", true);
      traffic.requests++;
      let response: Response;
      try {
        response = await fetchImpl(url, init);
      } catch (error) {
        const cause = (error as Error).cause;
        await fail(`connection failed (${cause instanceof Error ? cause.message : (error as Error).message})`, null);
        continue;
      }
      const limit = readRateLimit(response.headers);
      if (limit !== null && limit.remaining === 0)
        pausedUntil = Math.max(pausedUntil, clock.now() + limit.resetSeconds * 1000);
      if (RETRIED_STATUSES.has(response.status)) {
        await response.body?.cancel();
        const announced = announcedWaitMs(response.headers, clock.now());
        if (response.status === 429) {
          rateLimited++;
          if (rateLimited > maxRateLimited)
            throw new HubRequestError(`hub: GET ${url} still rate-limited after ${maxRateLimited} waits`, url, 429);
          traffic.retries++;
          pausedUntil = 0;
          await wait(announced ?? backoffMs(rateLimited), "rate limited (429)", true);
        } else {
          await fail(`HTTP ${response.status}`, response.status, announced);
        }
        continue;
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        await fail(`the answer was cut off (${(error as Error).message})`, response.status);
        continue;
      }
      if (!response.ok) {
        const errorCode = response.headers.get("x-error-code");
        let detail = text.slice(0, 200);
        try {
          detail = String((JSON.parse(text) as { error?: unknown }).error ?? detail);
        } catch {
          // not JSON: keep the text
        }
        throw new HubRequestError(
          `hub: GET ${url} answered ${response.status}${errorCode === null ? "" : ` (${errorCode})`}: ${detail}`,
          url,
          response.status,
          errorCode,
        );
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        await fail(`malformed JSON (${(error as Error).message})`, response.status);
        continue;
      }
      const problem = shapeProblem(response.url || url, value);
      if (problem !== null) {
        await fail(problem, response.status);
        continue;
      }
      return parsedResponse(value, response);
    }
  };
}
