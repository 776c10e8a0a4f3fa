// Reads what the Hub announces about waiting: `RateLimit: "api";r=REMAINING;t=SECONDS` (IETF draft, as the Hub
// sends it) and `Retry-After` (seconds or an HTTP date).

export interface RateLimitState {
  remaining: number;
  resetSeconds: number;
}

/** The `r` and `t` of a `RateLimit` header, or null when it is absent or unreadable. */
export function readRateLimit(headers: Headers): RateLimitState | null {
  const value = headers.get("ratelimit");
  if (value === null) return null;
  const remaining = /(?:^|;)\s*r=(\d+)/.exec(value)?.[1];
  const reset = /(?:^|;)\s*t=(\d+)/.exec(value)?.[1];
  if (remaining === undefined || reset === undefined) return null;
  return { remaining: Number(remaining), resetSeconds: Number(reset) };
}

/** Milliseconds `Retry-After` asks to wait, or null. */
export function readRetryAfter(headers: Headers, now: number): number | null {
  const value = headers.get("retry-after")?.trim();
  if (value === undefined || value.length === 0) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The wait a refused request announces: the rate-limit reset when nothing remains, else `Retry-After`. */
export function announcedWaitMs(headers: Headers, now: number): number | null {
  const limit = readRateLimit(headers);
  if (limit !== null && limit.remaining === 0) return limit.resetSeconds * 1000;
  return readRetryAfter(headers, now);
}
