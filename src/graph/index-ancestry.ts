// Every path from a model up to a root, read from the lineage index: a merge follows all of its parents (in id
// order), a cycle ends a path where it closes, and the paths are capped, since merges of merges multiply them.

import { idsOfNodes } from "../store/model-queries.js";
import type { AncestorPaths } from "./ancestry.js";
import { forEachReached } from "./index-reach.js";
import type { IndexedLineage } from "./indexed-lineage.js";

export function indexAncestorPaths(lineage: IndexedLineage, node: number, { maxPaths = 100 } = {}): AncestorPaths {
  const { index } = lineage;
  const above: number[] = [node];
  forEachReached(index, [node], { direction: "up" }, (ancestor) => above.push(ancestor));
  const idOf = idsOfNodes(lineage.store, above);
  const name = (n: number) => idOf.get(n) as string;
  const paths: string[][] = [];
  let truncated = false;
  const path: number[] = [node];
  const onPath = new Set<number>([node]);
  const walk = (current: number): void => {
    const parents = [...index.parents.subarray(index.parentStart[current], index.parentStart[current + 1])]
      .filter((parent) => !onPath.has(parent))
      .sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
    if (parents.length === 0) {
      if (paths.length < maxPaths) paths.push(path.map(name));
      else truncated = true;
      return;
    }
    for (const parent of parents) {
      if (truncated) return;
      path.push(parent);
      onPath.add(parent);
      walk(parent);
      onPath.delete(parent);
      path.pop();
    }
  };
  walk(node);
  return { paths, truncated };
}
