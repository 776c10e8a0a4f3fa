// A model's subtree downloads as the tool shows them: the stored sum (unknown downloads count as none), or null when
// neither the model nor any of its descendants has known downloads, so that a sum of nothing known is not shown as 0.

import type { IndexMetrics } from "./index-metrics.js";
import type { LineageIndex } from "./lineage-index.js";

/**
 * The stored sum, or null when no model of the subtree has known downloads. Only a sum of 0 can be unknown; it is
 * told by walking down from the model until a known figure is met (the whole subtree only when none is).
 */
export function knownSubtreeDownloads(index: LineageIndex, metrics: IndexMetrics, node: number): number | null {
  const sum = metrics.subtreeDownloads[node] as number;
  if (sum !== 0) return sum;
  const seen = new Set<number>([node]);
  const queue = [node];
  for (let head = 0; head < queue.length; head++) {
    const model = queue[head] as number;
    if (!Number.isNaN(index.downloads[model] as number)) return sum;
    for (let e = index.childStart[model] as number; e < (index.childStart[model + 1] as number); e++) {
      const child = index.children[e] as number;
      if (seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  return null;
}
