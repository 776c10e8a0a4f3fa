// A model's descendants as an indented tree for a terminal: biggest branches first, each model printed once (a
// model with several parents appears under the first and is referred to under the others), capped in depth and size.

import type { ModelMetrics } from "../store/metrics-rows.js";
import type { Relation } from "../vocabulary/relation.js";
import type { LineageGraph } from "./build-graph.js";

export interface TreeOptions {
  maxDepth: number;
  maxNodes: number;
  relations?: readonly Relation[];
}

export function treeLines(graph: LineageGraph, metrics: Map<string, ModelMetrics>, root: string, options: TreeOptions): string[] {
  const descendantsOf = (id: string) => metrics.get(id)?.descendants ?? 0;
  const label = (id: string) => {
    const count = descendantsOf(id);
    return `${id}${graph.getNodeAttribute(id, "placeholder") ? " (placeholder)" : ""}${count > 0 ? `  [${count.toLocaleString("en-US")} descendants]` : ""}`;
  };
  const lines = [label(root)];
  const printed = new Set([root]);
  const relations = options.relations === undefined ? null : new Set(options.relations);
  const walk = (node: string, prefix: string, depth: number): void => {
    const children = graph
      .outNeighbors(node)
      .filter((child) => relations === null || relations.has(graph.getEdgeAttribute(node, child, "relation")))
      .sort((a, b) => descendantsOf(b) - descendantsOf(a) || (a < b ? -1 : 1));
    for (const [index, child] of children.entries()) {
      const last = index === children.length - 1;
      const branch = `${prefix}${last ? "└─ " : "├─ "}`;
      if (printed.size >= options.maxNodes) {
        lines.push(`${prefix}└─ ... ${children.length - index} more (raise --max-nodes)`);
        return;
      }
      const relation = graph.getEdgeAttribute(node, child, "relation");
      if (printed.has(child)) {
        lines.push(`${branch}${relation}: ${child} (shown above)`);
        continue;
      }
      lines.push(`${branch}${relation}: ${label(child)}`);
      printed.add(child);
      const below = `${prefix}${last ? "   " : "│  "}`;
      if (depth + 1 < options.maxDepth) walk(child, below, depth + 1);
      else if (graph.outDegree(child) > 0) lines.push(`${below}└─ ... ${graph.outDegree(child)} children below (raise --depth)`);
    }
  };
  walk(root, "", 0);
  return lines;
}
