// How downloads concentrate: the share of models under 200 downloads, the share of all downloads the top 200 models
// and the top 0.01% hold, and the Gini coefficient, over the whole data or one family's models.

export interface Concentration {
  /** The models measured (not placeholders). */
  models: number;
  /** Of them, those whose download figure is known: every share below is over these. */
  withDownloads: number;
  totalDownloads: number;
  under200Share: number | null;
  top200Share: number | null;
  /** How many models the top 0.01% is (at least 1), and their share. */
  topFractionModels: number;
  topFractionShare: number | null;
  gini: number | null;
}

export const CONCENTRATION_DEFINITIONS = {
  models:
    "models: models with a record of their own (placeholders left out); shares are over those whose download " +
    "figure is known",
  under200Share: "under-200 share: the fraction of models with fewer than 200 downloads",
  top200Share: "top-200 share: the fraction of all downloads held by the 200 most downloaded models",
  topFractionShare:
    "top 0.01% share: the fraction of all downloads held by the most downloaded 0.01% of models (rounded up, at " +
    "least one)",
  gini: "Gini: the Gini coefficient of downloads over models (0 = equal, 1 = one model holds all)",
  family: "within a family: the family's own models and its descendants",
} as const;

/** The figures for the download counts given (unknown ones already left out); `models` counts every model measured. */
export function concentrationOf(known: Float64Array, models: number): Concentration {
  const sorted = Float64Array.from(known).sort();
  const n = sorted.length;
  let total = 0;
  let under200 = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const value = sorted[i] as number;
    total += value;
    if (value < 200) under200++;
    // Gini from the ascending order: sum of (2i - n + 1)·x_i over n·sum.
    weighted += (2 * i - n + 1) * value;
  }
  const topSum = (count: number) => {
    let sum = 0;
    for (let i = Math.max(0, n - count); i < n; i++) sum += sorted[i] as number;
    return sum;
  };
  const topFractionModels = Math.max(1, Math.ceil(n * 0.0001));
  return {
    models,
    withDownloads: n,
    totalDownloads: total,
    under200Share: n === 0 ? null : under200 / n,
    top200Share: total === 0 ? null : topSum(200) / total,
    topFractionModels,
    topFractionShare: total === 0 ? null : topSum(topFractionModels) / total,
    gini: total === 0 ? null : weighted / (n * total),
  };
}

/** The figures over the models `include` marks (1), reading downloads as NaN when unknown. */
export function concentrationOver(
  downloads: Float64Array,
  include: (node: number) => boolean,
  size: number,
): Concentration {
  const known: number[] = [];
  let models = 0;
  for (let node = 0; node < size; node++) {
    if (!include(node)) continue;
    models++;
    const value = downloads[node] as number;
    if (!Number.isNaN(value)) known.push(value);
  }
  return concentrationOf(Float64Array.from(known), models);
}
