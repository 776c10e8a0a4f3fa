// Faults a test switches on in the stand-in for the Hub: rate limiting, server errors, dropped connections,
// truncated or malformed JSON and slow answers, each for the next N requests whose path matches.

export type Fault =
  /** 429 with the Hub's `RateLimit` / `RateLimit-Policy` headers announcing the reset in `resetSeconds`. */
  | { kind: "rate-limit"; resetSeconds: number }
  /** A bare status (500, 502, 503, 504, 408), with `Retry-After` when given. */
  | { kind: "status"; status: number; retryAfterSeconds?: number }
  /** The connection is closed without an answer. */
  | { kind: "drop" }
  /** A 200 whose JSON body stops half-way. */
  | { kind: "truncate" }
  /** A 200 whose body is not the JSON the route promises. */
  | { kind: "malformed" }
  /** The normal answer, after `delayMs`. */
  | { kind: "slow"; delayMs: number };

interface ScheduledFault {
  fault: Fault;
  /** Matching requests still to let through before the fault starts. */
  skip: number;
  remaining: number;
  match: (path: string) => boolean;
}

export class FaultSchedule {
  private scheduled: ScheduledFault[] = [];

  /**
   * Applies `fault` to `times` requests whose path (with query) contains `pathIncludes`, after letting `after`
   * such requests through (`after: 2` hits the third request, retries counted).
   */
  add(
    fault: Fault,
    { times = 1, pathIncludes = "", after = 0 }: { times?: number; pathIncludes?: string; after?: number } = {},
  ): void {
    this.scheduled.push({ fault, skip: after, remaining: times, match: (path) => path.includes(pathIncludes) });
  }

  clear(): void {
    this.scheduled = [];
  }

  /** The fault for this request, if one is due; counts the request against every matching entry. */
  take(path: string): Fault | undefined {
    let due: ScheduledFault | undefined;
    for (const entry of this.scheduled) {
      if (!entry.match(path)) continue;
      if (entry.skip > 0) entry.skip--;
      else due ??= entry;
    }
    if (due === undefined) return undefined;
    due.remaining--;
    if (due.remaining === 0) this.scheduled = this.scheduled.filter((entry) => entry !== due);
    return due.fault;
  }
}
