// What the server derives from the lineage index it serves, once per data version and only when first asked for:
// rankings and org families. Stats and checks come stored with the index. Nothing is recomputed
// per request, and the whole graph is never built.

import type { ChecksReport } from "../graph/checks.js";
import { countReached } from "../graph/index-reach.js";
import { indexTopModels } from "../graph/index-top.js";
import { indexChecks, indexOrgFamilies, type IndexedLineage } from "../graph/indexed-lineage.js";
import type { LineageStats } from "../graph/lineage-stats.js";
import type { OrgFamilySize } from "../graph/org-families.js";
import type { RankedModel, Ranking } from "../graph/top-models.js";
import { orgModelNodes } from "../store/model-queries.js";

/** How many ranked models or orgs the API gives at most. */
export const TOP_KEPT = 100;

export class ServerData {
  private readonly ranked = new Map<Ranking, RankedModel[]>();
  private readonly orgSizes = new Map<string, number>();

  constructor(readonly lineage: IndexedLineage) {}

  /**
   * Reads now the parts of the index that every family question walks (the child adjacency, relations, flags,
   * downloads and descendant counts); a stored index is otherwise read part by part on first use, by a request.
   */
  readFamilyParts(): void {
    const { index, metrics } = this.lineage;
    const parts = [index.flags, index.relation, index.childStart, index.children, index.childRelation];
    for (const part of [...parts, index.childSource, index.downloads, metrics.descendants]) void part.length;
  }

  /** The TOP_KEPT models ranked highest by `by`, as `hf-lineage top` ranks them. */
  top(by: Ranking): RankedModel[] {
    let list = this.ranked.get(by);
    if (list === undefined) {
      list = indexTopModels(this.lineage, by, TOP_KEPT);
      this.ranked.set(by, list);
    }
    return list;
  }

  /** The TOP_KEPT largest org families. */
  topOrgs(): OrgFamilySize[] {
    return indexOrgFamilies(this.lineage, TOP_KEPT);
  }

  /** The size of an org family: models reachable from the org's models, its own models not counted. */
  orgFamilySize(lowerOrg: string): number {
    let size = this.orgSizes.get(lowerOrg);
    if (size === undefined) {
      const nodes = orgModelNodes(this.lineage.store, lowerOrg)
        .map(([node]) => node)
        .filter((node) => node < this.lineage.index.size);
      size = countReached(this.lineage.index, nodes, { direction: "down" });
      this.orgSizes.set(lowerOrg, size);
    }
    return size;
  }

  get stats(): LineageStats {
    return this.lineage.headline.stats;
  }

  /** The checks report with the command line's default of 5 examples per check. */
  get checks(): ChecksReport {
    return indexChecks(this.lineage, 5);
  }

  descendantsOf(node: number): number {
    return this.lineage.metrics.descendants[node] ?? 0;
  }

  /** Downloads as stored, null when no source gave them. */
  downloadsOf(node: number): number | null {
    const downloads = this.lineage.index.downloads[node] ?? NaN;
    return Number.isNaN(downloads) ? null : downloads;
  }
}
