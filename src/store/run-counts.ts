// What an import or a crawl has saved so far, as kept in its row of the `imports` table: the counters both
// kinds of run share.

export interface RunCounts {
  records: number;
  models: number;
  edges: number;
  unresolved: number;
  skipped: number;
  warnings: number;
}
