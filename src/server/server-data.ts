// What the server derives from the loaded lineage, once per snapshot and only when first asked for: rankings,
// org families, the stats and checks reports. Requests read these; nothing here recomputes per request.

import type { ChecksReport } from "../graph/checks.js";
import { indexChecks, openIndexedLineage } from "../graph/indexed-lineage.js";
import { lineageStats, type LineageStats } from "../graph/lineage-stats.js";
import type { Lineage } from "../graph/lineage.js";
import { largestOrgFamilies, modelsByOrg, type OrgFamilySize } from "../graph/org-families.js";
import { reachable } from "../graph/reachable.js";
import { topModels, type RankedModel, type Ranking } from "../graph/top-models.js";

/** How many ranked models or orgs the API gives at most. */
export const TOP_KEPT = 100;

export class ServerData {
  private readonly ranked = new Map<Ranking, RankedModel[]>();
  private largestOrgs: OrgFamilySize[] | undefined;
  private orgModels: Map<string, string[]> | undefined;
  private readonly orgSizes = new Map<string, number>();
  private lowerIds: { id: string; lower: string }[] | undefined;
  private statsReport: LineageStats | undefined;
  private checksReport: ChecksReport | undefined;

  constructor(readonly lineage: Lineage) {}

  /** The TOP_KEPT models ranked highest by `by`, as `hf-lineage top` ranks them. */
  top(by: Ranking): RankedModel[] {
    let list = this.ranked.get(by);
    if (list === undefined) {
      list = topModels(this.lineage.graph, this.lineage.metrics, by, TOP_KEPT);
      this.ranked.set(by, list);
    }
    return list;
  }

  /** The TOP_KEPT largest org families. */
  topOrgs(): OrgFamilySize[] {
    this.largestOrgs ??= largestOrgFamilies(this.lineage.graph, this.lineage.metrics, TOP_KEPT);
    return this.largestOrgs;
  }

  /** Each org (by its lower-case name) with its own models. */
  get orgs(): Map<string, string[]> {
    this.orgModels ??= modelsByOrg(this.lineage.graph);
    return this.orgModels;
  }

  /** The size of an org family: models reachable from the org's models, its own models not counted. */
  orgFamilySize(lowerOrg: string): number {
    let size = this.orgSizes.get(lowerOrg);
    if (size === undefined) {
      size = reachable(this.lineage.graph, this.orgs.get(lowerOrg) ?? [], "down").size;
      this.orgSizes.set(lowerOrg, size);
    }
    return size;
  }

  /** Every model id with its lower-case form, for substring search. */
  get searchableIds(): { id: string; lower: string }[] {
    this.lowerIds ??= this.lineage.graph.mapNodes((id) => ({ id, lower: id.toLowerCase() }));
    return this.lowerIds;
  }

  get stats(): LineageStats {
    this.statsReport ??= lineageStats(this.lineage);
    return this.statsReport;
  }

  /** The checks report with the command line's default of 5 examples per check. */
  get checks(): ChecksReport {
    this.checksReport ??= indexChecks(openIndexedLineage(this.lineage.store), 5);
    return this.checksReport;
  }

  descendantsOf(id: string): number {
    return this.lineage.metrics.get(id)?.descendants ?? 0;
  }

  downloadsOf(id: string): number {
    return this.lineage.graph.getNodeAttribute(id, "downloads");
  }
}
