// A model's descendants as an indented tree for a terminal, read from the lineage index: biggest branches first,
// each model printed once (a model with several parents appears under the first and is referred to under the
// others), capped in depth and size. Only the ids of the models printed are looked up.

import { idsOfNodes } from "../store/model-queries.js";
import { RELATIONS, type Relation } from "../vocabulary/relation.js";
import type { IndexedLineage } from "./indexed-lineage.js";
import { PLACEHOLDER } from "./lineage-index.js";
import { formatCount } from "../vocabulary/count-text.js";

/** How far `indexTreeLines` goes: levels below the model, models printed, relations followed. */
export interface TreeOptions {
  maxDepth: number;
  maxNodes: number;
  relations?: readonly Relation[];
}

export function indexTreeLines(lineage: IndexedLineage, root: number, options: TreeOptions): string[] {
  const { index, metrics, store } = lineage;
  const idOf = idsOfNodes(store, [root]);
  const name = (node: number) => idOf.get(node) as string;
  const descendantsOf = (node: number) => metrics.descendants[node] as number;
  const label = (node: number) => {
    const count = descendantsOf(node);
    const placeholder = ((index.flags[node] as number) & PLACEHOLDER) !== 0 ? " (placeholder)" : "";
    return `${name(node)}${placeholder}${count > 0 ? `  [${formatCount(count)} descendants]` : ""}`;
  };
  const followed = options.relations === undefined ? null : new Set(options.relations);
  const lines = [label(root)];
  const printed = new Set([root]);
  const childrenOf = (node: number) => {
    const edges: { child: number; relation: Relation }[] = [];
    for (let e = index.childStart[node] as number; e < (index.childStart[node + 1] as number); e++) {
      const relation = RELATIONS[index.childRelation[e] as number] as Relation;
      if (followed === null || followed.has(relation)) edges.push({ child: index.children[e] as number, relation });
    }
    for (const [node, id] of idsOfNodes(
      store,
      edges.map((edge) => edge.child),
    ))
      idOf.set(node, id);
    return edges.sort(
      (a, b) => descendantsOf(b.child) - descendantsOf(a.child) || (name(a.child) < name(b.child) ? -1 : 1),
    );
  };
  const walk = (node: number, prefix: string, depth: number): void => {
    const edges = childrenOf(node);
    for (const [position, { child, relation }] of edges.entries()) {
      const last = position === edges.length - 1;
      const branch = `${prefix}${last ? "└─ " : "├─ "}`;
      if (printed.size >= options.maxNodes) {
        lines.push(`${prefix}└─ ... ${edges.length - position} more (raise --max-nodes)`);
        return;
      }
      if (printed.has(child)) {
        lines.push(`${branch}${relation}: ${name(child)} (shown above)`);
        continue;
      }
      lines.push(`${branch}${relation}: ${label(child)}`);
      printed.add(child);
      const below = `${prefix}${last ? "   " : "│  "}`;
      const grandchildren = (index.childStart[child + 1] as number) - (index.childStart[child] as number);
      if (depth + 1 < options.maxDepth) walk(child, below, depth + 1);
      else if (grandchildren > 0) lines.push(`${below}└─ ... ${grandchildren} children below (raise --depth)`);
    }
  };
  walk(root, "", 0);
  return lines;
}
