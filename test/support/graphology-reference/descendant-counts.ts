// Exact descendant counts and subtree downloads for every model at once: each model walks up to all of its
// ancestors once and adds itself to each, so a model reached through several parents is counted once.

import type { LineageGraph } from "../../../src/graph/build-graph.js";
import { parentIndex } from "./parent-index.js";

export interface SubtreeTotals {
  /** How many models descend from this one (itself excluded). */
  descendants: number;
  /** Downloads of the model itself plus all of its descendants; null when none of them has known downloads. */
  subtreeDownloads: number | null;
}

export function descendantCounts(graph: LineageGraph): Map<string, SubtreeTotals> {
  const { ids, start: parentStart, parents } = parentIndex(graph);
  // Unknown downloads count as none in a sum.
  const downloads = Float64Array.from(ids, (id) => graph.getNodeAttribute(id, "downloads") ?? 0);
  // How many models of each subtree have known downloads: none makes the sum unknown.
  const known = Int32Array.from(ids, (id) => ((graph.getNodeAttribute(id, "downloads") ?? null) === null ? 0 : 1));
  const ownKnown = Int32Array.from(known);
  const descendants = new Int32Array(ids.length);
  const subtreeDownloads = Float64Array.from(downloads);
  const stamp = new Int32Array(ids.length).fill(-1);
  const queue = new Int32Array(ids.length);
  for (let start = 0; start < ids.length; start++) {
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
        known[parent] = (known[parent] as number) + (ownKnown[start] as number);
        queue[tail++] = parent;
      }
    }
  }
  const result = new Map<string, SubtreeTotals>();
  ids.forEach((id, i) =>
    result.set(id, {
      descendants: descendants[i] as number,
      subtreeDownloads: known[i] === 0 ? null : (subtreeDownloads[i] as number),
    }),
  );
  return result;
}
