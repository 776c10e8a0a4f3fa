// Whole-lineage metrics on the index's typed arrays, for every model at once: generation (the longest chain of
// ancestors, a cycle's members sharing one), exact descendant counts, subtree downloads and PageRank on reversed edges.
//
// The same definitions as the graphology computations in generations.ts, descendant-counts.ts and influence.ts,
// walked over flat arrays: at Hub scale graphology's per-node objects cost gigabytes and minutes.

import { PRESENT, type LineageIndex } from "./lineage-index.js";

export interface IndexMetrics {
  generation: Int32Array;
  descendants: Int32Array;
  /** Downloads of the model and all its descendants (unknown downloads count as none). */
  subtreeDownloads: Float64Array;
  pagerank: Float64Array;
}

function present(index: LineageIndex, node: number): boolean {
  return ((index.flags[node] as number) & PRESENT) !== 0;
}

/** Each model walks up to all its ancestors once and adds itself to each: a merge is counted once. */
export function indexDescendants(index: LineageIndex): Pick<IndexMetrics, "descendants" | "subtreeDownloads"> {
  const { size, parentStart, parents } = index;
  const downloads = index.downloads.map((value) => (Number.isNaN(value) ? 0 : value));
  const descendants = new Int32Array(size);
  const subtreeDownloads = Float64Array.from(downloads);
  const stamp = new Int32Array(size).fill(-1);
  const queue = new Uint32Array(size);
  for (let start = 0; start < size; start++) {
    if (!present(index, start)) continue;
    stamp[start] = start;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    while (head < tail) {
      const node = queue[head++] as number;
      for (let p = parentStart[node] as number; p < (parentStart[node + 1] as number); p++) {
        const parent = parents[p] as number;
        if (stamp[parent] === start) continue;
        stamp[parent] = start;
        descendants[parent] = (descendants[parent] as number) + 1;
        subtreeDownloads[parent] = (subtreeDownloads[parent] as number) + (downloads[start] as number);
        queue[tail++] = parent;
      }
    }
  }
  return { descendants, subtreeDownloads };
}

/** Each model's strongly connected component (-1 for unused node numbers), and how many there are. */
export interface Components {
  component: Int32Array;
  count: number;
}

/** Strongly connected components (Tarjan's algorithm, iterative): the component number of every node. */
export function indexComponents(index: LineageIndex): Components {
  const { size, childStart, children } = index;
  const component = new Int32Array(size).fill(-1);
  const order = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack = new Uint32Array(size);
  const callNode = new Uint32Array(size);
  const callEdge = new Uint32Array(size);
  let stackTop = 0;
  let counter = 0;
  let count = 0;
  for (let root = 0; root < size; root++) {
    if (!present(index, root) || order[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = childStart[root] as number;
    order[root] = low[root] = counter++;
    stack[stackTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const node = callNode[depth] as number;
      const edge = callEdge[depth] as number;
      if (edge < (childStart[node + 1] as number)) {
        callEdge[depth] = edge + 1;
        const child = children[edge] as number;
        if (order[child] === -1) {
          order[child] = low[child] = counter++;
          stack[stackTop++] = child;
          onStack[child] = 1;
          depth++;
          callNode[depth] = child;
          callEdge[depth] = childStart[child] as number;
        } else if (onStack[child] === 1) {
          low[node] = Math.min(low[node] as number, order[child] as number);
        }
        continue;
      }
      if (low[node] === order[node]) {
        let member: number;
        do {
          member = stack[--stackTop] as number;
          onStack[member] = 0;
          component[member] = count;
        } while (member !== node);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth] as number;
        low[parent] = Math.min(low[parent] as number, low[node] as number);
      }
    }
  }
  return { component, count };
}

/**
 * The longest chain of ancestors above each model, over the graph with each cycle condensed to one step: Kahn's
 * algorithm over the components, a component's generation one more than its deepest parent's.
 */
export function indexGenerations(index: LineageIndex, components: Components = indexComponents(index)): Int32Array {
  const { size, childStart, children } = index;
  const { component, count } = components;
  // The members of each component as compressed rows (most components are one model).
  const memberStart = new Uint32Array(count + 1);
  for (let node = 0; node < size; node++) {
    const c = component[node] as number;
    if (c >= 0) memberStart[c + 1] = (memberStart[c + 1] as number) + 1;
  }
  for (let c = 0; c < count; c++) memberStart[c + 1] = (memberStart[c + 1] as number) + (memberStart[c] as number);
  const members = new Uint32Array(memberStart[count] as number);
  const next = memberStart.slice(0, count);
  const waiting = new Int32Array(count);
  for (let node = 0; node < size; node++) {
    const own = component[node] as number;
    if (own < 0) continue;
    const at = next[own] as number;
    next[own] = at + 1;
    members[at] = node;
    for (let c = childStart[node] as number; c < (childStart[node + 1] as number); c++) {
      const target = component[children[c] as number] as number;
      if (target !== own) waiting[target] = (waiting[target] as number) + 1;
    }
  }
  const componentGeneration = new Int32Array(count);
  const ready = new Uint32Array(count);
  let readyCount = 0;
  for (let c = 0; c < count; c++) if (waiting[c] === 0) ready[readyCount++] = c;
  while (readyCount > 0) {
    const current = ready[--readyCount] as number;
    const generation = (componentGeneration[current] as number) + 1;
    for (let m = memberStart[current] as number; m < (memberStart[current + 1] as number); m++) {
      const node = members[m] as number;
      for (let c = childStart[node] as number; c < (childStart[node + 1] as number); c++) {
        const target = component[children[c] as number] as number;
        if (target === current) continue;
        if ((componentGeneration[target] as number) < generation) componentGeneration[target] = generation;
        waiting[target] = (waiting[target] as number) - 1;
        if (waiting[target] === 0) ready[readyCount++] = target;
      }
    }
  }
  const generation = new Int32Array(size);
  for (let node = 0; node < size; node++) {
    const own = component[node] as number;
    if (own >= 0) generation[node] = componentGeneration[own] as number;
  }
  return generation;
}

export interface InfluenceOptions {
  alpha?: number;
  tolerance?: number;
  maxIterations?: number;
  /** Ranks to start from (the previous index's): models with none start at 1/N, and all are scaled to sum 1. */
  initial?: Float64Array;
}

/**
 * PageRank with influence flowing from derivatives to their bases (every edge reversed): damping 0.85, the rank of
 * models with no parent spread over every model, converged when the summed change is below N × tolerance.
 */
export function indexInfluence(
  index: LineageIndex,
  { alpha = 0.85, tolerance = 1e-10, maxIterations = 200, initial }: InfluenceOptions = {},
): Float64Array {
  const { size, parentStart, parents } = index;
  const n = index.models;
  let rank = new Float64Array(size);
  let next = new Float64Array(size);
  if (n === 0) return rank;
  for (let i = 0; i < size; i++) if (present(index, i)) rank[i] = 1 / n;
  if (initial !== undefined) {
    let sum = 0;
    for (let i = 0; i < size; i++) {
      if (present(index, i) && (initial[i] ?? 0) > 0) rank[i] = initial[i] as number;
      sum += rank[i] as number;
    }
    for (let i = 0; i < size; i++) rank[i] = (rank[i] as number) / sum;
  }
  let converged = false;
  for (let iteration = 0; iteration < maxIterations && !converged; iteration++) {
    let dangling = 0;
    for (let i = 0; i < size; i++)
      if (present(index, i) && parentStart[i] === parentStart[i + 1]) dangling += rank[i] as number;
    const base = (1 - alpha + alpha * dangling) / n;
    for (let i = 0; i < size; i++) next[i] = present(index, i) ? base : 0;
    for (let i = 0; i < size; i++) {
      const from = parentStart[i] as number;
      const to = parentStart[i + 1] as number;
      if (from === to) continue;
      const share = (alpha * (rank[i] as number)) / (to - from);
      for (let p = from; p < to; p++) {
        const parent = parents[p] as number;
        next[parent] = (next[parent] as number) + share;
      }
    }
    let change = 0;
    for (let i = 0; i < size; i++) change += Math.abs((next[i] as number) - (rank[i] as number));
    [rank, next] = [next, rank];
    converged = change < n * tolerance;
  }
  if (!converged) throw new Error(`graph/index-metrics: PageRank did not converge in ${maxIterations} iterations`);
  return rank;
}

export function computeIndexMetrics(
  index: LineageIndex,
  components: Components = indexComponents(index),
): IndexMetrics {
  return {
    generation: indexGenerations(index, components),
    ...indexDescendants(index),
    pagerank: indexInfluence(index),
  };
}
