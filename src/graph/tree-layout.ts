// A tree-aware layered layout for a lineage subgraph: roots on the top row, every model one row below its lowest
// parent (so a merge sits below all of its bases), and x from a leaf-counting walk so siblings stay together.

import type { DirectedGraph } from "graphology";

export interface TreeLayoutOptions {
  /** Vertical distance between rows (default: chosen so the drawing is about twice as wide as it is tall). */
  rowGap?: number;
  /** Orders siblings left to right (default: larger subtree first, then by key). */
  compareSiblings?: (a: string, b: string) => number;
}

export interface TreePosition {
  x: number;
  y: number;
  /** 0 for roots, else 1 + the highest row among the model's parents (cycles broken where a walk closes them). */
  row: number;
  /** The parent the node hangs under in the layout (its first parent on the row above), null on a root. */
  parent: string | null;
}

/**
 * Positions every node of `graph`: `x` in leaf slots (one per leaf of the spanning forest), `y = -row * rowGap`
 * so that roots are drawn on top in a y-up coordinate system such as Sigma's. Linear time apart from sorting
 * siblings; cycles are broken at the edge a depth-first walk finds closing them.
 */
export function treeLayout(graph: DirectedGraph, options: TreeLayoutOptions = {}): Map<string, TreePosition> {
  if (graph.type === "undirected") throw new Error("graph/tree-layout: the graph must be directed");
  const keys = graph.nodes();
  const index = new Map<string, number>();
  keys.forEach((key, i) => index.set(key, i));
  const n = keys.length;
  const parentsOf: number[][] = keys.map(() => []);
  const childrenOf: number[][] = keys.map(() => []);
  graph.forEachDirectedEdge((_edge, _attributes, source, target) => {
    if (source === target) return;
    const s = index.get(source) as number;
    const t = index.get(target) as number;
    childrenOf[s]!.push(t);
    parentsOf[t]!.push(s);
  });

  const dagChildren = acyclicChildren(childrenOf, parentsOf);
  const row = longestPathRows(dagChildren, n);

  // The primary parent of a node is its parent on the row just above; the other parent edges are drawn, not laid out.
  const treeChildren: number[][] = keys.map(() => []);
  const hasPrimary = new Array<boolean>(n).fill(false);
  const primary = new Array<number>(n).fill(-1);
  for (let p = 0; p < n; p++) {
    for (const c of dagChildren[p]!) {
      if (!hasPrimary[c] && row[c] === row[p]! + 1) {
        hasPrimary[c] = true;
        primary[c] = p;
        treeChildren[p]!.push(c);
      }
    }
  }
  const size = subtreeSizes(treeChildren, hasPrimary);
  const compare = options.compareSiblings;
  const order = compare
    ? (a: number, b: number) => compare(keys[a]!, keys[b]!)
    : (a: number, b: number) => size[b]! - size[a]! || (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0);
  for (const list of treeChildren) list.sort(order);
  const roots = [...Array(n).keys()].filter((i) => !hasPrimary[i]).sort(order);

  const x = placeByLeafSlots(treeChildren, roots, n);
  const width = x.reduce((widest, value) => Math.max(widest, value + 1), 1);
  const rows = row.reduce((most, value) => Math.max(most, value + 1), 1);
  const rowGap = options.rowGap ?? Math.max(1, Math.round(width / (2 * rows)));
  const positions = new Map<string, TreePosition>();
  for (let i = 0; i < n; i++)
    positions.set(keys[i]!, {
      x: x[i]!,
      y: 0 - row[i]! * rowGap,
      row: row[i]!,
      parent: primary[i]! >= 0 ? keys[primary[i]!]! : null,
    });
  return positions;
}

/** The children lists without the edges that close a cycle (found by an iterative depth-first walk). */
function acyclicChildren(childrenOf: number[][], parentsOf: number[][]): number[][] {
  const n = childrenOf.length;
  const state = new Uint8Array(n); // 0 unseen, 1 on the walk's stack, 2 done
  const kept: number[][] = childrenOf.map(() => []);
  const starts = [...Array(n).keys()].filter((i) => parentsOf[i]!.length === 0);
  const walk = (start: number) => {
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [node, next] = top;
      const children = childrenOf[node]!;
      if (next === children.length) {
        state[node] = 2;
        stack.pop();
        continue;
      }
      top[1] = next + 1;
      const child = children[next]!;
      if (state[child] === 1) continue; // the edge closes a cycle: leave it out of the layout
      kept[node]!.push(child);
      if (state[child] === 0) {
        state[child] = 1;
        stack.push([child, 0]);
      }
    }
  };
  for (const start of starts) walk(start);
  for (let i = 0; i < n; i++) if (state[i] === 0) walk(i); // cycles with no way in from a root
  return kept;
}

/** Row of each node in a DAG: 0 for sources, else 1 + the highest row of its parents (Kahn's order). */
function longestPathRows(children: number[][], n: number): number[] {
  const indegree = new Array<number>(n).fill(0);
  for (const list of children) for (const c of list) indegree[c]!++;
  const row = new Array<number>(n).fill(0);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    const p = queue[head]!;
    for (const c of children[p]!) {
      if (row[p]! + 1 > row[c]!) row[c] = row[p]! + 1;
      if (--indegree[c]! === 0) queue.push(c);
    }
  }
  return row;
}

/** Number of nodes in each spanning-forest subtree (node included), children before parents. */
function subtreeSizes(treeChildren: number[][], hasPrimary: boolean[]): number[] {
  const size = new Array<number>(treeChildren.length).fill(1);
  const order: number[] = [];
  for (let i = 0; i < treeChildren.length; i++) if (!hasPrimary[i]) order.push(i);
  for (let head = 0; head < order.length; head++) for (const c of treeChildren[order[head]!]!) order.push(c);
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k]!;
    for (const c of treeChildren[node]!) size[node]! += size[c]!;
  }
  return size;
}

/** Leaves take consecutive slots in depth-first order; a parent sits midway over its first and last child. */
function placeByLeafSlots(treeChildren: number[][], roots: number[], n: number): number[] {
  const x = new Array<number>(n).fill(0);
  let nextSlot = 0;
  for (const root of roots) {
    const stack: [number, number][] = [[root, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [node, next] = top;
      const children = treeChildren[node]!;
      if (children.length === 0) {
        x[node] = nextSlot++;
        stack.pop();
      } else if (next < children.length) {
        top[1] = next + 1;
        stack.push([children[next]!, 0]);
      } else {
        x[node] = (x[children[0]!]! + x[children[children.length - 1]!]!) / 2;
        stack.pop();
      }
    }
  }
  return x;
}
