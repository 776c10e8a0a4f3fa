// Precision: the dtype holding most of a model's parameters, as its record's safetensors counts by dtype give them
// (F8_E4M3 and F8_E5M2 count as one F8); models and downloads by precision, with how many models the data tells.

import type { LineageIndex } from "./lineage-index.js";
import { NO_CODE, type ReportFacts } from "./report-facts.js";

export interface PrecisionGroup {
  models: number;
  /** The sum of the known download figures; null when none is known. */
  downloads: number | null;
}

export interface PrecisionFigures {
  /** Models whose record gives counts by dtype (known), and the others (unknown, in no precision). */
  coverage: { known: number; unknown: number };
  /** By precision, most models first (then by name); empty when no model's precision is known. */
  byPrecision: Record<string, PrecisionGroup>;
}

export const PRECISION_DEFINITIONS = {
  precision:
    "precision: the dtype holding most of a model's parameters in its record's safetensors counts by dtype " +
    "(variants after an underscore counted as one: F8_E4M3 and F8_E5M2 are F8; a tie goes to the name first in " +
    "alphabetical order); a model without such counts, or with only zero counts, is unknown, in no precision",
} as const;

/** The precision of counts by dtype: the group (the name before any underscore) holding most parameters. */
export function precisionOf(counts: Readonly<Record<string, number>>): string | null {
  const byGroup = new Map<string, number>();
  for (const [dtype, count] of Object.entries(counts)) {
    const group = dtype.split("_")[0] as string;
    byGroup.set(group, (byGroup.get(group) ?? 0) + count);
  }
  let best: string | null = null;
  let most = 0;
  for (const [group, count] of byGroup)
    if (count > most || (count === most && best !== null && group < best)) [best, most] = [group, count];
  return best;
}

export function precisionFigures(index: LineageIndex, facts: ReportFacts): PrecisionFigures {
  const groups = facts.precisions.map((): PrecisionGroup => ({ models: 0, downloads: null }));
  const coverage = { known: 0, unknown: 0 };
  for (let node = 0; node < index.size; node++) {
    if (facts.isModel[node] !== 1) continue;
    const code = facts.precision[node] as number;
    if (code === NO_CODE) {
      coverage.unknown++;
      continue;
    }
    coverage.known++;
    const group = groups[code] as PrecisionGroup;
    group.models++;
    const downloads = facts.downloads[node] as number;
    if (!Number.isNaN(downloads)) group.downloads = (group.downloads ?? 0) + downloads;
  }
  const order = facts.precisions
    .map((name, code) => ({ name, group: groups[code] as PrecisionGroup }))
    .filter(({ group }) => group.models > 0)
    .sort((a, b) => b.group.models - a.group.models || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { coverage, byPrecision: Object.fromEntries(order.map(({ name, group }) => [name, group])) };
}
