// What the overview of a family too large to draw whole shows, decided on the lineage index alone: the family walked
// breadth-first, fans folded, the most important subtrees drawn within a budget and the rest collapsed with counts.

import { RELATIONS, type Relation } from "../vocabulary/relation.js";
import { FAN_THRESHOLD } from "./aggregate-fans.js";
import type { ReachOrder } from "./index-reach.js";
import { NO_RELATION, type LineageIndex } from "./lineage-index.js";

export interface OverviewPlanOptions {
  /** Drawn nodes at most: models, fans and collapsed nodes together. */
  budget: number;
  /** Whether the fan of this parent's leaf children of this relation is left open. */
  isFanOpen?: (parent: number, relation: Relation) => boolean;
  /** Models whose collapsed children are drawn before anything else (and the models above them). */
  opened?: ReadonlySet<number>;
  /** The family's own models that did not fit are drawn before anything else. */
  openOwn?: boolean;
  /** Fans fold more than this many leaf children (default FAN_THRESHOLD, as aggregate-fans). */
  threshold?: number;
}

export interface PlannedFan {
  parent: number;
  relation: Relation;
  count: number;
}

/** What one collapsed node stands for: the subtrees under `parent` (null: the family's own models) left out. */
export interface PlannedCollapse {
  parent: number | null;
  depth: number;
  /** Models in the subtrees left out. */
  count: number;
  /** Of those, the direct children of `parent` (own models, for the family's own). */
  children: number;
  /** The relation most of those direct children have, null when most have no base. */
  relation: Relation | null;
}

export interface OverviewPlan {
  /** The drawn models, each with its depth. */
  models: Map<number, number>;
  fans: PlannedFan[];
  collapsed: PlannedCollapse[];
  /** Models not drawn: those in collapsed nodes. */
  omitted: number;
}

/**
 * The overview of the family walked in `reach` (its sources and every member reached, as reachOrder walks them
 * down) within `options.budget` nodes, or null when the family (fans folded) fits in the budget, and is drawn whole.
 * Each model hangs under the member the walk reached it from (a spanning tree); subtrees are drawn largest first
 * (then by downloads), each only under a drawn parent, while the drawn nodes and one collapsed node per parent with
 * children left out stay within the budget. Linear apart from one sort.
 */
export function planOverview(
  index: LineageIndex,
  reach: ReachOrder,
  options: OverviewPlanOptions,
): OverviewPlan | null {
  const threshold = options.threshold ?? FAN_THRESHOLD;
  // Members in walk order (the sources first), numbered by that order; each with its depth and the member it was
  // reached from (a lower number), -1 for a source.
  const { nodes: members, position: local, depth: depthOf, from } = reach;
  const m = members.length;

  // The edges among members (every edge, whatever its relation), as the drawn subgraph has them: each member's
  // children in the family by local number, read once from the index and then walked in order.
  const inDegree = new Int32Array(m);
  const childFrom = new Int32Array(m + 1);
  const familyChildren: number[] = [];
  const familyRelations: number[] = [];
  for (let i = 0; i < m; i++) {
    const node = members[i] as number;
    for (let e = index.childStart[node] as number; e < (index.childStart[node + 1] as number); e++) {
      const child = local[index.children[e] as number] as number;
      if (child < 0) continue;
      familyChildren.push(child);
      familyRelations.push(index.childRelation[e] as number);
      inDegree[child] = (inDegree[child] as number) + 1;
    }
    childFrom[i + 1] = familyChildren.length;
  }
  const isLeaf = (child: number) => childFrom[child + 1] === childFrom[child] && inDegree[child] === 1;

  // Fans, as aggregate-fans folds them: leaf children (no children, this one parent) of one parent and relation.
  const fanOf = new Int32Array(m).fill(-1);
  const fans: { parent: number; relation: number; count: number }[] = [];
  const leaves = new Int32Array(RELATIONS.length);
  let folded = 0;
  for (let i = 0; i < m; i++) {
    const start = childFrom[i] as number;
    const end = childFrom[i + 1] as number;
    if (end - start <= threshold) continue;
    leaves.fill(0);
    for (let k = start; k < end; k++) {
      const code = familyRelations[k] as number;
      if (isLeaf(familyChildren[k] as number)) leaves[code] = (leaves[code] as number) + 1;
    }
    for (let code = 0; code < RELATIONS.length; code++) {
      const count = leaves[code] as number;
      if (count <= threshold || options.isFanOpen?.(members[i] as number, RELATIONS[code] as Relation) === true)
        continue;
      for (let k = start; k < end; k++)
        if (familyRelations[k] === code && isLeaf(familyChildren[k] as number)) fanOf[familyChildren[k]!] = fans.length;
      fans.push({ parent: i, relation: code, count });
      folded += count;
    }
  }
  if (m - folded + fans.length <= options.budget) return null;

  // Units: members 0..m-1 (those in fans unused), fans m..m+f-1, and the root (the family itself) last.
  const root = m + fans.length;
  const parentUnit = new Int32Array(root + 1).fill(-1);
  const weight = new Float64Array(root + 1);
  const childUnits = new Int32Array(root + 1);
  const units: number[] = [];
  fans.forEach((fan, f) => {
    parentUnit[m + f] = fan.parent;
    weight[m + f] = fan.count;
    units.push(m + f);
  });
  for (let i = 0; i < m; i++) {
    if ((fanOf[i] as number) >= 0) continue;
    parentUnit[i] = (from[i] as number) < 0 ? root : (from[i] as number);
    weight[i] = 1;
    units.push(i);
  }
  for (const unit of units) childUnits[parentUnit[unit]!]! += 1;
  // Subtree sizes: fans first, then members from the deepest up (a member is reached from a lower number).
  for (const fan of fans) weight[fan.parent]! += fan.count;
  for (let i = m - 1; i >= 0; i--) {
    if ((fanOf[i] as number) >= 0 || (from[i] as number) < 0) continue;
    weight[from[i]!]! += weight[i]!;
  }

  // Opened models and every unit above them come first; so do the children of an opened model.
  const opened = new Uint8Array(root + 1);
  const onOpenPath = new Uint8Array(root + 1);
  if (options.openOwn === true) opened[root] = 1;
  for (const node of options.opened ?? []) {
    const unit = node < index.size ? (local[node] as number) : -1;
    if (unit < 0 || (fanOf[unit] as number) >= 0) continue;
    opened[unit] = 1;
    for (let up = unit; up >= 0 && up !== root && onOpenPath[up] === 0; up = parentUnit[up] as number)
      onOpenPath[up] = 1;
  }
  // The order's keys, one array each, read in turn by the comparison: first, then larger subtrees, then downloads.
  const first = new Uint8Array(root + 1);
  const downloads = new Float64Array(root + 1).fill(-1);
  for (const unit of units) {
    first[unit] = onOpenPath[unit] === 1 || opened[parentUnit[unit] as number] === 1 ? 1 : 0;
    const value = unit < m ? (index.downloads[members[unit] as number] as number) : NaN;
    if (!Number.isNaN(value)) downloads[unit] = value;
  }
  // A parent is larger than any of its children, so in this order every unit comes after its parent.
  units.sort(
    (a, b) =>
      (first[b] as number) - (first[a] as number) ||
      (weight[b] as number) - (weight[a] as number) ||
      (downloads[b] as number) - (downloads[a] as number) ||
      a - b,
  );

  // Drawn units plus one collapsed node per drawn unit with children left out: never more than the budget.
  const drawn = new Uint8Array(root + 1);
  drawn[root] = 1;
  const remaining = childUnits.slice();
  let used = 0;
  let pending = (remaining[root] as number) > 0 ? 1 : 0;
  for (const unit of units) {
    const parent = parentUnit[unit] as number;
    if (drawn[parent] !== 1) continue;
    const closes = remaining[parent] === 1 ? 1 : 0;
    const opens = (childUnits[unit] as number) > 0 ? 1 : 0;
    if (used + pending + 1 - closes + opens > options.budget) continue;
    drawn[unit] = 1;
    used += 1;
    remaining[parent]! -= 1;
    pending += opens - closes;
  }

  const models = new Map<number, number>();
  for (let i = 0; i < m; i++) if (drawn[i] === 1) models.set(members[i] as number, depthOf[i] as number);
  const drawnFans: PlannedFan[] = [];
  fans.forEach((fan, f) => {
    if (drawn[m + f] === 1)
      drawnFans.push({
        parent: members[fan.parent] as number,
        relation: RELATIONS[fan.relation] as Relation,
        count: fan.count,
      });
  });
  return { models, fans: drawnFans, ...collapsedNodes() };

  /** One collapsed node per drawn parent with children left out, in walk order of the parents (the family first). */
  function collapsedNodes(): { collapsed: PlannedCollapse[]; omitted: number } {
    const byParent = new Map<number, { count: number; children: number; relations: number[] }>();
    for (const unit of units) {
      const parent = parentUnit[unit] as number;
      if (drawn[unit] === 1 || drawn[parent] !== 1) continue;
      let entry = byParent.get(parent);
      if (entry === undefined) {
        entry = { count: 0, children: 0, relations: new Array<number>(RELATIONS.length + 1).fill(0) };
        byParent.set(parent, entry);
      }
      const fan = unit >= m ? fans[unit - m] : undefined;
      const code = fan !== undefined ? fan.relation : (index.relation[members[unit] as number] as number);
      const direct = fan?.count ?? 1;
      entry.count += weight[unit] as number;
      entry.children += direct;
      const slot = code === NO_RELATION ? RELATIONS.length : code;
      entry.relations[slot] = (entry.relations[slot] as number) + direct;
    }
    const collapsed: PlannedCollapse[] = [];
    let omitted = 0;
    for (const parent of [...byParent.keys()].sort((a, b) => (a === root ? -1 : b === root ? 1 : a - b))) {
      const { count, children, relations } = byParent.get(parent)!;
      const most = relations.indexOf(Math.max(...relations));
      collapsed.push({
        parent: parent === root ? null : (members[parent] as number),
        depth: parent === root ? 0 : (depthOf[parent] as number) + 1,
        count,
        children,
        relation: most === RELATIONS.length ? null : (RELATIONS[most] as Relation),
      });
      omitted += count;
    }
    return { collapsed, omitted };
  }
}
