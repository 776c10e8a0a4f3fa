// GET /api/search?q=TEXT&limit=N: models and orgs whose name contains the text (case-insensitive), ranked by
// descendants (an org by its family's size), then downloads.

import { countParam, requiredText } from "../params.js";
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

export function search(data: ServerData, params: URLSearchParams): SearchResponse {
  const text = requiredText(params, "q").toLowerCase();
  const limit = countParam(params, "limit", { min: 1, max: 50, fallback: 10 });
  const best: SearchResult[] = [];
  for (const { id, lower, node } of data.searchableModels) {
    if (lower.includes(text)) {
      offer(
        best,
        { id, kind: "model", descendants: data.descendantsOf(node), downloads: data.downloadsOf(node) },
        limit,
      );
    }
  }
  const orgs = [...data.orgs.keys()].filter((lower) => lower.includes(text));
  // An org's family is at most the sum of its models' descendants: only orgs that could enter the list are sized.
  const bounded = orgs
    .map((lower) => ({ lower, models: data.orgs.get(lower) ?? [] }))
    .map((org) => ({ ...org, bound: org.models.reduce((sum, model) => sum + data.descendantsOf(model.node), 0) }));
  bounded.sort((a, b) => b.bound - a.bound);
  for (const { lower, models, bound } of bounded) {
    const last = best[best.length - 1];
    if (best.length >= limit && last !== undefined && bound < last.descendants) break;
    const first = models[0]?.id ?? lower;
    // The downloads the org's models are known to have; null when none of them is known.
    const known = models.map((model) => data.downloadsOf(model.node)).filter((value) => value !== null);
    const downloads = known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0);
    offer(
      best,
      { id: first.slice(0, first.indexOf("/")), kind: "org", descendants: data.orgFamilySize(lower), downloads },
      limit,
    );
  }
  return { results: best };
}
