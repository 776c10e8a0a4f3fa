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
  remaining: number;
  match: (path: string) => boolean;
}

export class FaultSchedule {
  private scheduled: ScheduledFault[] = [];

  /** Applies `fault` to the next `times` requests whose path (with query) contains `pathIncludes`. */
  add(fault: Fault, { times = 1, pathIncludes = "" }: { times?: number; pathIncludes?: string } = {}): void {
    this.scheduled.push({ fault, remaining: times, match: (path) => path.includes(pathIncludes) });
  }

  clear(): void {
    this.scheduled = [];
  }

  /** The fault for this request, if one is due; counts it as used. */
  take(path: string): Fault | undefined {
    const entry = this.scheduled.find((candidate) => candidate.remaining > 0 && candidate.match(path));
    if (entry === undefined) return undefined;
    entry.remaining--;
    if (entry.remaining === 0) this.scheduled = this.scheduled.filter((candidate) => candidate !== entry);
    return entry.fault;
  }
}
