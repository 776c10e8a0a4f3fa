// What the server derives from the lineage index it serves, once per data version and only when first asked for:
// rankings, org families, the ids to search. Stats and checks come stored with the index. Nothing is recomputed
// per request, and the whole graph is never built.

import type { ChecksReport } from "../graph/checks.js";
import { countReached } from "../graph/index-reach.js";
import { indexTopModels } from "../graph/index-top.js";
import { indexChecks, indexOrgFamilies, type IndexedLineage } from "../graph/indexed-lineage.js";
import type { LineageStats } from "../graph/lineage-stats.js";
import type { OrgFamilySize } from "../graph/org-families.js";
import type { RankedModel, Ranking } from "../graph/top-models.js";
import { modelNodes } from "../store/model-queries.js";
import { orgOf } from "../vocabulary/model-id.js";

/** How many ranked models or orgs the API gives at most. */
export const TOP_KEPT = 100;

/** A model as search sees it: its id, the id in lower case, its node number. */
export interface SearchableModel {
  id: string;
  lower: string;
  node: number;
}

export class ServerData {
  private readonly ranked = new Map<Ranking, RankedModel[]>();
  private searchable: { models: SearchableModel[]; orgs: Map<string, SearchableModel[]> } | undefined;
  private readonly orgSizes = new Map<string, number>();

  constructor(readonly lineage: IndexedLineage) {}

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

  /** Every model of the index with its lower-case id, and each org (by its lower-case name) with its models. */
  private get search(): { models: SearchableModel[]; orgs: Map<string, SearchableModel[]> } {
    if (this.searchable === undefined) {
      const models: SearchableModel[] = [];
      const orgs = new Map<string, SearchableModel[]>();
      for (const [node, id] of modelNodes(this.lineage.store)) {
        if (node >= this.lineage.index.size) continue;
        const model = { id, lower: id.toLowerCase(), node };
        models.push(model);
        const org = orgOf(id)?.toLowerCase();
        if (org === undefined) continue;
        const members = orgs.get(org);
        if (members === undefined) orgs.set(org, [model]);
        else members.push(model);
      }
      this.searchable = { models, orgs };
    }
    return this.searchable;
  }

  get searchableModels(): SearchableModel[] {
    return this.search.models;
  }

  /** Each org (by its lower-case name) with its own models. */
  get orgs(): Map<string, SearchableModel[]> {
    return this.search.orgs;
  }

  /** The size of an org family: models reachable from the org's models, its own models not counted. */
  orgFamilySize(lowerOrg: string): number {
    let size = this.orgSizes.get(lowerOrg);
    if (size === undefined) {
      const nodes = (this.orgs.get(lowerOrg) ?? []).map((model) => model.node);
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

  /** Downloads as a ranking counts them: unknown as none. */
  downloadsOf(node: number): number | null {
    const downloads = this.lineage.index.downloads[node] as number;
    return Number.isNaN(downloads) ? null : downloads;
  }
}
