// What an import or a crawl has saved so far, as kept in its row of the `runs` table: the counters both kinds
// of run share.

export interface RunCounts {
  records: number;
  models: number;
  edges: number;
  unresolved: number;
  skipped: number;
  warnings: number;
}

export function emptyRunCounts(): RunCounts {
  return { records: 0, models: 0, edges: 0, unresolved: 0, skipped: 0, warnings: 0 };
}
