// How two models are related, read from the lineage index: every derivation path between them (either direction,
// capped), or, when neither descends from the other, their nearest common ancestors with a shortest path to each.

import { idsOfNodes } from "../store/model-queries.js";
import type { IndexedLineage } from "./indexed-lineage.js";
import type { LineageIndex } from "./lineage-index.js";

export interface CommonAncestor {
  id: string;
  /** Steps from the ancestor down to `from` and to `to`. */
  fromDepth: number;
  toDepth: number;
  /** A shortest path from the ancestor down to `from`, and one down to `to`. */
  pathToFrom: string[];
  pathToTo: string[];
}

export interface PathReport {
  from: string;
  to: string;
  /** `down`: `to` descends from `from`; `up`: `from` descends from `to`; `none`: neither. */
  direction: "down" | "up" | "none";
  /** Every path, each from the ancestor down to the descendant (at most maxPaths). */
  paths: string[][];
  truncated: boolean;
  /** When neither descends from the other: the common ancestors none of whose descendants is one too. */
  commonAncestors: CommonAncestor[];
}

/** Every ancestor of `node` with its distance and the neighbour one step back toward `node`. */
function ancestorsOf(index: LineageIndex, node: number): Map<number, { depth: number; toward: number }> {
  const reached = new Map<number, { depth: number; toward: number }>();
  let level = [node];
  for (let depth = 1; level.length > 0; depth++) {
    const next: number[] = [];
    for (const current of level) {
      for (let e = index.parentStart[current] as number; e < (index.parentStart[current + 1] as number); e++) {
        const parent = index.parents[e] as number;
        if (parent === node || reached.has(parent)) continue;
        reached.set(parent, { depth, toward: current });
        next.push(parent);
      }
    }
    level = next;
  }
  return reached;
}

/** Every path from `top` down to `bottom` through `between` (the ancestors of `bottom`), each once, at most `max`. */
function pathsBetween(index: LineageIndex, top: number, bottom: number, between: Set<number>, max: number) {
  // The models on some path: ancestors of `bottom` that descend from `top`.
  const onSome = new Set<number>([top]);
  let level = [top];
  while (level.length > 0) {
    const next: number[] = [];
    for (const current of level) {
      for (let e = index.childStart[current] as number; e < (index.childStart[current + 1] as number); e++) {
        const child = index.children[e] as number;
        if (!between.has(child) || onSome.has(child)) continue;
        onSome.add(child);
        next.push(child);
      }
    }
    level = next;
  }
  const paths: number[][] = [];
  let truncated = false;
  const path = [bottom];
  const walk = (current: number): void => {
    if (current === top) {
      if (paths.length < max) paths.push([...path].reverse());
      else truncated = true;
      return;
    }
    for (let e = index.parentStart[current] as number; e < (index.parentStart[current + 1] as number); e++) {
      if (truncated) return;
      const parent = index.parents[e] as number;
      if (!onSome.has(parent) || path.includes(parent)) continue;
      path.push(parent);
      walk(parent);
      path.pop();
    }
  };
  walk(bottom);
  return { paths, truncated };
}

export function indexPaths(lineage: IndexedLineage, from: number, to: number, { maxPaths = 100 } = {}): PathReport {
  const { index, store } = lineage;
  const aboveFrom = ancestorsOf(index, from);
  const aboveTo = ancestorsOf(index, to);
  let direction: PathReport["direction"] = "none";
  let found: { paths: number[][]; truncated: boolean } = { paths: [], truncated: false };
  if (aboveTo.has(from)) {
    direction = "down";
    found = pathsBetween(index, from, to, new Set(aboveTo.keys()).add(to), maxPaths);
  } else if (aboveFrom.has(to)) {
    direction = "up";
    found = pathsBetween(index, to, from, new Set(aboveFrom.keys()).add(from), maxPaths);
  }
  const nearest: number[] = [];
  if (direction === "none") {
    for (const candidate of aboveFrom.keys()) {
      if (!aboveTo.has(candidate)) continue;
      let lower = false;
      for (let e = index.childStart[candidate] as number; e < (index.childStart[candidate + 1] as number); e++) {
        const child = index.children[e] as number;
        if (aboveFrom.has(child) && aboveTo.has(child)) lower = true;
      }
      if (!lower) nearest.push(candidate);
    }
  }
  const down = (ancestors: Map<number, { toward: number }>, top: number, bottom: number): number[] => {
    const path = [top];
    while (path[path.length - 1] !== bottom)
      path.push((ancestors.get(path[path.length - 1] as number) as { toward: number }).toward);
    return path;
  };
  const common = nearest.map((node) => ({
    node,
    pathToFrom: down(aboveFrom, node, from),
    pathToTo: down(aboveTo, node, to),
  }));
  const ids = idsOfNodes(
    store,
    new Set([from, to, ...found.paths.flat(), ...common.flatMap((c) => [...c.pathToFrom, ...c.pathToTo])]),
  );
  const name = (node: number) => ids.get(node) as string;
  return {
    from: name(from),
    to: name(to),
    direction,
    paths: found.paths
      .map((path) => path.map(name))
      .sort((a, b) => a.length - b.length || (a.join() < b.join() ? -1 : 1)),
    truncated: found.truncated,
    commonAncestors: common
      .map((c) => ({
        id: name(c.node),
        fromDepth: c.pathToFrom.length - 1,
        toDepth: c.pathToTo.length - 1,
        pathToFrom: c.pathToFrom.map(name),
        pathToTo: c.pathToTo.map(name),
      }))
      .sort((a, b) => a.fromDepth + a.toDepth - (b.fromDepth + b.toDepth) || (a.id < b.id ? -1 : 1)),
  };
}
