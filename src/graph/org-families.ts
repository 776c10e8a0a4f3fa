// The largest org families (an org's own models plus everything derived from them), found without walking every
// org: the sum of an org's models' descendant counts bounds its family from above, so orgs are measured exactly in
// order of that bound until no unmeasured org can beat the ones already found.

import type { ModelMetrics } from "./model-metrics.js";
import { orgOf } from "../vocabulary/model-id.js";
import type { LineageGraph } from "./build-graph.js";
import { reachable } from "./reachable.js";

export interface OrgFamilySize {
  org: string;
  /** The org's own models. */
  models: number;
  /** Models derived from them that are not the org's own. */
  descendants: number;
}

export function modelsByOrg(graph: LineageGraph): Map<string, string[]> {
  const byOrg = new Map<string, string[]>();
  graph.forEachNode((id) => {
    const org = orgOf(id);
    if (org === null) return;
    const key = org.toLowerCase();
    const models = byOrg.get(key);
    if (models === undefined) byOrg.set(key, [id]);
    else models.push(id);
  });
  return byOrg;
}

export function largestOrgFamilies(
  graph: LineageGraph,
  metrics: Map<string, ModelMetrics>,
  limit: number,
): OrgFamilySize[] {
  const candidates = [...modelsByOrg(graph).values()].map((models) => ({
    models,
    bound: models.reduce((sum, id) => sum + (metrics.get(id)?.descendants ?? 0), 0),
  }));
  candidates.sort((a, b) => b.bound - a.bound);
  const found: OrgFamilySize[] = [];
  const byRank = (a: OrgFamilySize, b: OrgFamilySize) => b.descendants - a.descendants || (a.org < b.org ? -1 : 1);
  for (const candidate of candidates) {
    const kth = found.length >= limit ? (found[limit - 1] as OrgFamilySize).descendants : -1;
    if (candidate.bound < kth || candidate.bound === 0) break;
    const first = candidate.models[0] as string;
    found.push({
      org: first.slice(0, first.indexOf("/")),
      models: candidate.models.length,
      descendants: reachable(graph, candidate.models, "down").size,
    });
    found.sort(byRank);
  }
  return found.slice(0, limit);
}
