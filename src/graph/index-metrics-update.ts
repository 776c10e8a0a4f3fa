// The metrics of an index brought up to date from the previous index's metrics: only the models whose ancestry
// changed are walked again (generations, descendant counts, subtree downloads), and PageRank starts from the old ranks.

import { indexInfluence, type IndexMetrics } from "./index-metrics.js";
import { PRESENT, type LineageIndex } from "./lineage-index.js";

/** Past this share of the models whose ancestry changed, the metrics are computed whole. */
const MOST_AFFECTED = 1 / 8;

export interface MetricsUpdate {
  metrics: IndexMetrics;
  /** Groups of models in a cycle, as node numbers (each in node order, in order of their first node). */
  cycles: number[][];
}

function present(index: LineageIndex, node: number): boolean {
  return node < index.size && ((index.flags[node] as number) & PRESENT) !== 0;
}

/** Whether a model's parents (or whether it is in use) differ between the two indexes. */
function ancestryChanged(previous: LineageIndex, index: LineageIndex, node: number): boolean {
  if (present(previous, node) !== present(index, node)) return true;
  if (node >= previous.size) return false;
  const from = previous.parentStart[node] as number;
  const count = (previous.parentStart[node + 1] as number) - from;
  const start = index.parentStart[node] as number;
  if ((index.parentStart[node + 1] as number) - start !== count) return true;
  for (let i = 0; i < count; i++) if (previous.parents[from + i] !== index.parents[start + i]) return true;
  return false;
}

/**
 * The models whose set of ancestors may differ: those whose own parents changed and everything below them in either
 * index. Null when they are more than `limit`.
 */
function affectedModels(previous: LineageIndex, index: LineageIndex, limit: number): Uint32Array | null {
  const inRegion = new Uint8Array(index.size);
  const queue = new Uint32Array(index.size);
  let tail = 0;
  for (let node = 0; node < index.size; node++) {
    if (!ancestryChanged(previous, index, node)) continue;
    inRegion[node] = 1;
    queue[tail++] = node;
  }
  for (let head = 0; head < tail; head++) {
    if (tail > limit) return null;
    const node = queue[head] as number;
    for (const graph of [previous, index]) {
      if (node >= graph.size) continue;
      for (let e = graph.childStart[node] as number; e < (graph.childStart[node + 1] as number); e++) {
        const child = graph.children[e] as number;
        if (inRegion[child] === 1) continue;
        inRegion[child] = 1;
        queue[tail++] = child;
      }
    }
  }
  return tail > limit ? null : queue.slice(0, tail).sort();
}

/** Adds `count` and `downloads` to every ancestor of `start` (each once, `start` itself not). */
function addToAncestors(
  index: LineageIndex,
  start: number,
  count: number,
  downloads: number,
  metrics: Pick<IndexMetrics, "descendants" | "subtreeDownloads">,
  walk: { stamp: Int32Array; queue: Uint32Array; round: number },
): void {
  const { parentStart, parents } = index;
  const { stamp, queue } = walk;
  const round = ++walk.round;
  stamp[start] = round;
  let tail = 0;
  queue[tail++] = start;
  for (let head = 0; head < tail; head++) {
    const node = queue[head] as number;
    for (let p = parentStart[node] as number; p < (parentStart[node + 1] as number); p++) {
      const parent = parents[p] as number;
      if (stamp[parent] === round) continue;
      stamp[parent] = round;
      metrics.descendants[parent] = (metrics.descendants[parent] as number) + count;
      metrics.subtreeDownloads[parent] = (metrics.subtreeDownloads[parent] as number) + downloads;
      queue[tail++] = parent;
    }
  }
}

function knownDownloads(index: LineageIndex, node: number): number {
  const value = node < index.size ? (index.downloads[node] as number) : NaN;
  return Number.isNaN(value) ? 0 : value;
}

/**
 * Generations of the affected models, in an order where parents come first (Kahn's algorithm over the region), each
 * one more than its deepest parent; the others keep theirs. False when the region holds a cycle.
 */
function regionGenerations(index: LineageIndex, region: Uint32Array, generation: Int32Array): boolean {
  const { parentStart, parents, childStart, children } = index;
  const inRegion = new Uint8Array(index.size);
  for (const node of region) if (present(index, node)) inRegion[node] = 1;
  const waiting = new Int32Array(index.size);
  const ready: number[] = [];
  let members = 0;
  for (const node of region) {
    generation[node] = 0;
    if (inRegion[node] === 0) continue;
    members++;
    let inside = 0;
    for (let p = parentStart[node] as number; p < (parentStart[node + 1] as number); p++)
      if (inRegion[parents[p] as number] === 1) inside++;
    waiting[node] = inside;
    if (inside === 0) ready.push(node);
  }
  let done = 0;
  while (ready.length > 0) {
    const node = ready.pop() as number;
    done++;
    let deepest = -1;
    for (let p = parentStart[node] as number; p < (parentStart[node + 1] as number); p++)
      deepest = Math.max(deepest, generation[parents[p] as number] as number);
    generation[node] = deepest + 1;
    for (let c = childStart[node] as number; c < (childStart[node + 1] as number); c++) {
      const child = children[c] as number;
      if (inRegion[child] === 0) continue;
      waiting[child] = (waiting[child] as number) - 1;
      if (waiting[child] === 0) ready.push(child);
    }
  }
  return done === members;
}

/**
 * The metrics of `index` from those of `previous` (the index it was brought up to date from): equal to
 * `computeIndexMetrics(index)` but for PageRank, which starts from the previous ranks and stops at the same
 * convergence test (so it agrees within that test's tolerance). Null when so many models are affected, or the
 * affected ones hold a cycle, that the metrics are better computed whole.
 */
export function updateIndexMetrics(
  previous: LineageIndex,
  previousMetrics: IndexMetrics,
  previousCycles: readonly (readonly number[])[],
  index: LineageIndex,
): MetricsUpdate | null {
  const region = affectedModels(previous, index, Math.max(1000, index.size * MOST_AFFECTED));
  if (region === null) return null;
  const generation = new Int32Array(index.size);
  generation.set(previousMetrics.generation.subarray(0, Math.min(previous.size, index.size)));
  if (!regionGenerations(index, region, generation)) return null;

  const descendants = new Int32Array(index.size);
  descendants.set(previousMetrics.descendants.subarray(0, Math.min(previous.size, index.size)));
  const subtreeDownloads = new Float64Array(index.size);
  subtreeDownloads.set(previousMetrics.subtreeDownloads.subarray(0, Math.min(previous.size, index.size)));
  const counts = { descendants, subtreeDownloads };
  const walk = {
    stamp: new Int32Array(Math.max(previous.size, index.size)),
    queue: new Uint32Array(index.size),
    round: 0,
  };
  const inRegion = new Uint8Array(index.size);
  for (const node of region) inRegion[node] = 1;
  // Downloads are whole numbers, so taking a model's part away and adding its new one is exact.
  for (const node of region) {
    if (present(previous, node)) addToAncestors(previous, node, -1, -knownDownloads(previous, node), counts, walk);
    if (present(index, node)) addToAncestors(index, node, 1, knownDownloads(index, node), counts, walk);
  }
  for (let node = 0; node < index.size; node++) {
    const change = knownDownloads(index, node) - knownDownloads(previous, node);
    if (change === 0) continue;
    subtreeDownloads[node] = (subtreeDownloads[node] as number) + change;
    if (inRegion[node] === 0 && present(index, node)) addToAncestors(index, node, 0, change, counts, walk);
  }
  const cycles = previousCycles.filter((group) => group.every((node) => inRegion[node] === 0)).map((g) => [...g]);
  const initial = new Float64Array(index.size);
  initial.set(previousMetrics.pagerank.subarray(0, Math.min(previous.size, index.size)));
  return {
    metrics: { generation, descendants, subtreeDownloads, pagerank: indexInfluence(index, { initial }) },
    cycles,
  };
}
