// Per-model metrics of one snapshot (generation, descendants, children, PageRank, subtree downloads): written
// once after the data changes, read by every command and the server, and tagged with the data version they match.

import { connectionOf, type Store } from "./database-handle.js";
import { dataVersion } from "./open-store.js";

export interface ModelMetrics {
  generation: number;
  descendants: number;
  children: number;
  pagerank: number;
  subtreeDownloads: number;
}

interface MetricsRow {
  id: string;
  generation: number;
  descendants: number;
  children: number;
  pagerank: number;
  subtree_downloads: number;
}

/** True when the stored metrics were computed from the data as it is now. */
export function metricsAreFresh(store: Store): boolean {
  const db = connectionOf(store);
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'metrics_data_version'`).get() as
    { value: string } | undefined;
  return row !== undefined && Number(row.value) === dataVersion(store);
}

export function writeMetrics(store: Store, metrics: Map<string, ModelMetrics>): void {
  const db = connectionOf(store);
  const insert = db.prepare(
    "INSERT INTO metrics (id, generation, descendants, children, pagerank, subtree_downloads) " +
      "VALUES (?, ?, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    db.prepare(`DELETE FROM metrics`).run();
    for (const [id, m] of metrics)
      insert.run(id, m.generation, m.descendants, m.children, m.pagerank, m.subtreeDownloads);
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('metrics_data_version', ?) " +
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(String(dataVersion(store)));
  })();
}

export function readMetrics(store: Store): Map<string, ModelMetrics> {
  const db = connectionOf(store);
  const result = new Map<string, ModelMetrics>();
  for (const row of db
    .prepare(`SELECT id, generation, descendants, children, pagerank, subtree_downloads FROM metrics`)
    .iterate() as Iterable<MetricsRow>) {
    result.set(row.id, {
      generation: row.generation,
      descendants: row.descendants,
      children: row.children,
      pagerank: row.pagerank,
      subtreeDownloads: row.subtree_downloads,
    });
  }
  return result;
}
