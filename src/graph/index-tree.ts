// A model's descendants as a tree, read from the lineage index: biggest branches first, each model drawn once (a
// model with several parents appears under the first and is referred to under the others), capped in depth and
// size; and the same tree as indented lines for a terminal. Only the ids of the models drawn are looked up.

import { idsOfNodes } from "../store/model-queries.js";
import { RELATIONS, type Relation } from "../vocabulary/relation.js";
import type { IndexedLineage } from "./indexed-lineage.js";
import { PLACEHOLDER } from "./lineage-index.js";
import { formatCount } from "../vocabulary/count-text.js";

/** How far `indexTree` goes: levels below the model, models drawn, relations followed. */
export interface TreeOptions {
  maxDepth: number;
  maxNodes: number;
  relations?: readonly Relation[];
}

/** A model of the tree (`tree --json`). */
export interface TreeNode {
  id: string;
  /** Its relation to the model it is drawn under; null for the tree's own model. */
  relation: Relation | null;
  placeholder: boolean;
  descendants: number;
  /** Drawn already under an earlier parent, where its children are; none are repeated here. */
  shownAbove: boolean;
  children: TreeNode[];
  /** Children left out after those drawn, as the tree reached its size (`maxNodes`). */
  moreChildren: number;
  /** Children (of any relation) below the depth the tree stops at, none of them drawn. */
  childrenBelowDepth: number;
}

export function indexTree(lineage: IndexedLineage, root: number, options: TreeOptions): TreeNode {
  const { index, metrics, store } = lineage;
  const idOf = idsOfNodes(store, [root]);
  const name = (node: number) => idOf.get(node) as string;
  const descendantsOf = (node: number) => metrics.descendants[node] as number;
  const treeNode = (node: number, relation: Relation | null, shownAbove: boolean): TreeNode => ({
    id: name(node),
    relation,
    placeholder: ((index.flags[node] as number) & PLACEHOLDER) !== 0,
    descendants: descendantsOf(node),
    shownAbove,
    children: [],
    moreChildren: 0,
    childrenBelowDepth: 0,
  });
  const followed = options.relations === undefined ? null : new Set(options.relations);
  const drawn = new Set([root]);
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
  const walk = (node: number, into: TreeNode, depth: number): void => {
    const edges = childrenOf(node);
    for (const [position, { child, relation }] of edges.entries()) {
      if (drawn.size >= options.maxNodes) {
        into.moreChildren = edges.length - position;
        return;
      }
      if (drawn.has(child)) {
        into.children.push(treeNode(child, relation, true));
        continue;
      }
      const drawnChild = treeNode(child, relation, false);
      into.children.push(drawnChild);
      drawn.add(child);
      if (depth + 1 < options.maxDepth) walk(child, drawnChild, depth + 1);
      else
        drawnChild.childrenBelowDepth = (index.childStart[child + 1] as number) - (index.childStart[child] as number);
    }
  };
  const tree = treeNode(root, null, false);
  walk(root, tree, 0);
  return tree;
}

/** The tree as indented lines: `├─ relation: id (placeholder)  [N descendants]`, and what was left out. */
export function treeLines(tree: TreeNode): string[] {
  const label = (node: TreeNode) =>
    `${node.id}${node.placeholder ? " (placeholder)" : ""}` +
    (node.descendants > 0 ? `  [${formatCount(node.descendants)} descendants]` : "");
  const lines = [label(tree)];
  const draw = (node: TreeNode, prefix: string): void => {
    for (const [position, child] of node.children.entries()) {
      const last = position === node.children.length - 1 && node.moreChildren === 0;
      const branch = `${prefix}${last ? "└─ " : "├─ "}`;
      if (child.shownAbove) {
        lines.push(`${branch}${child.relation}: ${child.id} (shown above)`);
        continue;
      }
      lines.push(`${branch}${child.relation}: ${label(child)}`);
      const below = `${prefix}${last ? "   " : "│  "}`;
      draw(child, below);
      if (child.childrenBelowDepth > 0)
        lines.push(`${below}└─ ... ${child.childrenBelowDepth} children below (raise --depth)`);
    }
    if (node.moreChildren > 0) lines.push(`${prefix}└─ ... ${node.moreChildren} more (raise --max-nodes)`);
  };
  draw(tree, "");
  return lines;
}
