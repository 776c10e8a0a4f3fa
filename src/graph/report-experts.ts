// Mixture-of-Experts where the data tells: models whose record's config states an expert count, and of those, the
// ones with two experts or more (models and downloads). No count is taken from a model's name or architecture.

import type { LineageIndex } from "./lineage-index.js";
import type { ReportFacts } from "./report-facts.js";

export interface ExpertGroup {
  models: number;
  /** The sum of the known download figures; null when none is known. */
  downloads: number | null;
}

export interface ExpertFigures {
  /** Models whose config states an expert count (known), and the others (unknown: dense or not, the data is silent). */
  coverage: { known: number; unknown: number };
  /** Models stating two experts or more, and those stating fewer; both null when no model states a count. */
  mixtureOfExperts: ExpertGroup | null;
  fewerThanTwoExperts: ExpertGroup | null;
}

export const EXPERT_DEFINITIONS = {
  experts:
    "Mixture-of-Experts: a model whose record's config states two experts or more (num_local_experts, num_experts, " +
    "n_routed_experts or moe_num_experts); a config stating none leaves the model unknown, never counted as dense",
} as const;

export function expertFigures(index: LineageIndex, facts: ReportFacts): ExpertFigures {
  const coverage = { known: 0, unknown: 0 };
  const moe: ExpertGroup = { models: 0, downloads: null };
  const fewer: ExpertGroup = { models: 0, downloads: null };
  for (let node = 0; node < index.size; node++) {
    if (facts.isModel[node] !== 1) continue;
    const experts = facts.experts[node] as number;
    if (Number.isNaN(experts)) {
      coverage.unknown++;
      continue;
    }
    coverage.known++;
    const group = experts >= 2 ? moe : fewer;
    group.models++;
    const downloads = facts.downloads[node] as number;
    if (!Number.isNaN(downloads)) group.downloads = (group.downloads ?? 0) + downloads;
  }
  const known = coverage.known > 0;
  return { coverage, mixtureOfExperts: known ? moe : null, fewerThanTwoExperts: known ? fewer : null };
}
