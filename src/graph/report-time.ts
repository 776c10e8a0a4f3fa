// Calendar buckets of the report's time series: the UTC month (`YYYY-MM`) and day (`YYYY-MM-DD`) of a creation time,
// the last day the data holds, and counts per bucket kept in key order.

const DAY_MS = 86_400_000;

/** How many days back the per-day series reaches, the data's last day included. */
export const RECENT_DAYS = 30;

const dayKeys = new Map<number, string>();

/** The UTC day of a time in milliseconds, as `YYYY-MM-DD`. */
export function dayOf(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let key = dayKeys.get(day);
  if (key === undefined) {
    key = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayKeys.set(day, key);
  }
  return key;
}

/** The UTC month of a time in milliseconds, as `YYYY-MM`. */
export function monthOf(ms: number): string {
  return dayOf(ms).slice(0, 7);
}

/** The start of the RECENT_DAYS-day window ending with the day of `lastMs` (UTC midnight, in milliseconds). */
export function recentWindowStart(lastMs: number): number {
  return (Math.floor(lastMs / DAY_MS) - (RECENT_DAYS - 1)) * DAY_MS;
}

/** Counts per key, handed out as an object with its keys in ascending order. */
export class KeyCounts {
  private readonly counts = new Map<string, number>();
  add(key: string, amount = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + amount);
  }
  toObject(): Record<string, number> {
    const keys = [...this.counts.keys()].sort();
    return Object.fromEntries(keys.map((key) => [key, this.counts.get(key) as number]));
  }
}

/** The UTC start of a day written `YYYY-MM-DD`, in milliseconds; null for other text or a day that does not exist. */
export function dayStart(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dayOf(ms) === text ? ms : null;
}
