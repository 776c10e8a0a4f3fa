// GET /api/search?q=TEXT&limit=N: models and orgs whose name contains the text (case-insensitive), ranked by
// descendants (an org by its family's size), then downloads.

import { modelsContaining, orgsContaining } from "../../store/model-queries.js";
import { countParam, queryParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import { byDownloads } from "../../graph/top-models.js";
import type { SearchResponse, SearchResult } from "../wire-types.js";

function compare(a: SearchResult, b: SearchResult): number {
  return b.descendants - a.descendants || byDownloads(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Inserts into a list kept sorted and no longer than `limit`. */
function offer(best: SearchResult[], candidate: SearchResult, limit: number): void {
  const last = best[best.length - 1];
  if (best.length >= limit && last !== undefined && compare(candidate, last) >= 0) return;
  let at = best.length;
  while (at > 0 && compare(candidate, best[at - 1]!) < 0) at--;
  best.splice(at, 0, candidate);
  if (best.length > limit) best.pop();
}

export const SEARCH_PARAMS = ["q", "limit"] as const;

export function search(data: ServerData, params: URLSearchParams): SearchResponse {
  const text = queryParam(params, "q").toLowerCase();
  const limit = countParam(params, "limit", { min: 1, max: 50, fallback: 10 });
  const { store } = data.lineage;
  // Read now: the callbacks below run inside an SQLite query, where the index's lazy sections cannot be read.
  void data.lineage.metrics.descendants;
  void data.lineage.index.downloads;
  const descendantsOf = (node: number) => data.descendantsOf(node);
  const downloadsOf = (node: number) => data.downloadsOf(node);
  const best: SearchResult[] = [];
  for (const [node, id] of modelsContaining(store, text, limit, [descendantsOf, downloadsOf])) {
    offer(best, { id, kind: "model", descendants: descendantsOf(node), downloads: downloadsOf(node) }, limit);
  }
  // An org's family is at most the sum of its models' descendants: only orgs that could enter the list are sized.
  for (const org of orgsContaining(store, text, descendantsOf)) {
    const last = best[best.length - 1];
    if (best.length >= limit && last !== undefined && org.weight < last.descendants) break;
    offer(
      best,
      { id: org.spelled, kind: "org", descendants: data.orgFamilySize(org.lower), downloads: org.downloads },
      limit,
    );
  }
  return { results: best };
}
