// Size classes by parameter count: each model's own count (safetensors, else gguf total), or for a quantized model or
// an adapter without one, its base's (inherited along the lineage); downloads and derivatives by class, and the
// mean and median downloaded size with and without quantized models.

import { RELATIONS } from "../vocabulary/relation.js";
import type { LineageIndex } from "./lineage-index.js";
import type { ReportFacts } from "./report-facts.js";

export const SIZE_CLASSES = ["<1B", "1-9B", "10-99B", ">=100B"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Every count is null when no model has a parameter count, own or inherited: the data says nothing of sizes. */
export interface SizeClassFigures {
  models: number | null;
  /** The sum of the known download figures; null when none is known. */
  downloads: number | null;
  /** Models of the class that derive from another model (they have a base). */
  derivatives: number | null;
}

export interface SizeFigures {
  coverage: { own: number; inherited: number; unknown: number };
  classes: Record<SizeClass, SizeClassFigures>;
  /** Over models with a known size and a known download figure, weighted by downloads; null when there are none. */
  meanDownloadedParams: number | null;
  medianDownloadedParams: number | null;
  withoutQuantized: { meanDownloadedParams: number | null; medianDownloadedParams: number | null };
}

export const SIZE_DEFINITIONS = {
  params: "parameters: the record's safetensors total, else its gguf total (own)",
  inherited:
    "inherited: a quantized model or an adapter without its own count takes its base's count (own or inherited; " +
    "the first of its bases, in id order, whose count is known, own or inherited)",
  classes:
    "classes: <1B, 1-9B (1 to under 10 billion), 10-99B, >=100B; derivatives = models of the class that have a " +
    "base; unknown (—) when no model has a count",
  downloaded:
    "mean / median downloaded size: the parameter count of a download, weighted by each model's download " +
    "figure, with and without quantized models",
} as const;

const QUANTIZED = RELATIONS.indexOf("quantized");
const ADAPTER = RELATIONS.indexOf("adapter");

export function sizeClassOf(params: number): SizeClass {
  if (params < 1e9) return "<1B";
  if (params < 1e10) return "1-9B";
  if (params < 1e11) return "10-99B";
  return ">=100B";
}

/** Each node's parameter count, own or inherited (NaN when unknown), and whether it was inherited. */
export function parameterCounts(
  index: LineageIndex,
  facts: ReportFacts,
): { params: Float64Array; inherited: Uint8Array } {
  const params = Float64Array.from(facts.ownParams);
  const inherited = new Uint8Array(index.size);
  // 0 not looked at, 1 being looked at (met again: a cycle, no count), 2 settled.
  const state = new Uint8Array(index.size);
  const countOf = (node: number): number => {
    if (state[node] === 2) return params[node] as number;
    if (state[node] === 1) return NaN;
    const relation = index.relation[node] as number;
    if (!Number.isNaN(params[node] as number) || (relation !== QUANTIZED && relation !== ADAPTER)) {
      state[node] = 2;
      return params[node] as number;
    }
    state[node] = 1;
    // Chains of quantizations and adapters are short (a handful of links), so the recursion stays shallow.
    for (let e = index.parentStart[node] as number; e < (index.parentStart[node + 1] as number); e++) {
      const count = countOf(index.parents[e] as number);
      if (Number.isNaN(count)) continue;
      params[node] = count;
      inherited[node] = 1;
      break;
    }
    state[node] = 2;
    return params[node] as number;
  };
  for (let node = 0; node < index.size; node++) countOf(node);
  return { params, inherited };
}

/** The weighted mean and median of `values` by `weights` (pairs with a zero weight add nothing). */
function weightedMeanAndMedian(values: number[], weights: number[]): { mean: number | null; median: number | null } {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  let total = 0;
  let sum = 0;
  for (const i of order) {
    total += weights[i] as number;
    sum += (values[i] as number) * (weights[i] as number);
  }
  if (total === 0) return { mean: null, median: null };
  let running = 0;
  for (const i of order) {
    running += weights[i] as number;
    if (running >= total / 2) return { mean: sum / total, median: values[i] as number };
  }
  return { mean: sum / total, median: null };
}

export function sizeFigures(index: LineageIndex, facts: ReportFacts): SizeFigures {
  const { params, inherited } = parameterCounts(index, facts);
  const coverage = { own: 0, inherited: 0, unknown: 0 };
  const classes = Object.fromEntries(
    SIZE_CLASSES.map((name) => [name, { models: 0, downloads: null as number | null, derivatives: 0 }]),
  ) as Record<SizeClass, { models: number; downloads: number | null; derivatives: number }>;
  const all = { values: [] as number[], weights: [] as number[] };
  const unquantized = { values: [] as number[], weights: [] as number[] };
  for (let node = 0; node < index.size; node++) {
    if (facts.isModel[node] !== 1) continue;
    const count = params[node] as number;
    if (Number.isNaN(count)) {
      coverage.unknown++;
      continue;
    }
    if (inherited[node] === 1) coverage.inherited++;
    else coverage.own++;
    const figures = classes[sizeClassOf(count)];
    figures.models++;
    if ((index.parentStart[node + 1] as number) > (index.parentStart[node] as number)) figures.derivatives++;
    const downloads = facts.downloads[node] as number;
    if (Number.isNaN(downloads)) continue;
    figures.downloads = (figures.downloads ?? 0) + downloads;
    all.values.push(count);
    all.weights.push(downloads);
    if ((index.relation[node] as number) !== QUANTIZED) {
      unquantized.values.push(count);
      unquantized.weights.push(downloads);
    }
  }
  const withQuantized = weightedMeanAndMedian(all.values, all.weights);
  const without = weightedMeanAndMedian(unquantized.values, unquantized.weights);
  const sized = coverage.own + coverage.inherited > 0;
  return {
    coverage,
    classes: sized
      ? classes
      : (Object.fromEntries(
          SIZE_CLASSES.map((name) => [name, { models: null, downloads: null, derivatives: null }]),
        ) as Record<SizeClass, SizeClassFigures>),
    meanDownloadedParams: withQuantized.mean,
    medianDownloadedParams: withQuantized.median,
    withoutQuantized: { meanDownloadedParams: without.mean, medianDownloadedParams: without.median },
  };
}
