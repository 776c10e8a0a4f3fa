// Groupings of the models kept with the lineage index so that the next index patches them instead of reading every
// id: each model's org (for the largest org families), the ids that differ only in case, and the cycles.

import { caseVariantGroups, changedCaseVariantGroups } from "../store/check-queries.js";
import { readModelIds } from "../store/lineage-rows.js";
import { idsOfNodes, nodesOfIds } from "../store/model-queries.js";
import type { Store } from "../store/open-store.js";
import { orgOf } from "../vocabulary/model-id.js";
import type { Components } from "./index-metrics.js";
import { PRESENT, type LineageIndex } from "./lineage-index.js";

/** The org number of a model whose id has no org. */
export const NO_ORG = 0xffffffff;

export interface IndexGroups {
  /** Each model's org as a position in `orgNames`, NO_ORG for an id without one (or an unused node number). */
  org: Uint32Array;
  /** The orgs in order of their first model (node order), each spelled as that model spells it. */
  orgNames: string[];
  /** Groups of ids equal but for letter case, each sorted, the groups by their first id. */
  caseVariants: string[][];
  /** Groups of models in a cycle, as node numbers: each in node order, the groups by their first node. */
  cycles: number[][];
}

/** The groups read from the store's ids: all but the cycles, which come from the index. */
export type IdGroups = Omit<IndexGroups, "cycles">;

/** An id or org as SQLite's NOCASE compares it: ASCII letters folded, nothing else. */
export function foldCase(text: string): string {
  // For printable ASCII text toLowerCase folds exactly those letters, and faster.
  return /^[ -~]*$/.test(text) ? text.toLowerCase() : text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** Groups of models in a cycle (strongly connected components of more than one model). */
export function cycleGroups(index: LineageIndex, { component, count }: Components): number[][] {
  const sizes = new Int32Array(count);
  for (let node = 0; node < index.size; node++) {
    const group = component[node] as number;
    if (group >= 0) sizes[group] = (sizes[group] as number) + 1;
  }
  const groups = new Map<number, number[]>();
  for (let node = 0; node < index.size; node++) {
    const group = component[node] as number;
    if (group < 0 || (sizes[group] as number) < 2) continue;
    const members = groups.get(group);
    if (members === undefined) groups.set(group, [node]);
    else members.push(node);
  }
  return [...groups.values()];
}

/** Every model's org and the case-variant groups, read from every id (inside the caller's transaction). */
export function readIndexGroups(store: Store, index: LineageIndex): IdGroups {
  const org = new Uint32Array(index.size).fill(NO_ORG);
  const orgNames: string[] = [];
  const numbers = new Map<string, number>();
  readModelIds(store, "all", (node, id) => {
    const name = orgOf(id);
    if (name === null || node >= index.size) return;
    const key = foldCase(name);
    let number = numbers.get(key);
    if (number === undefined) {
      number = orgNames.length;
      numbers.set(key, number);
      orgNames.push(name);
    }
    org[node] = number;
  });
  return { org, orgNames, caseVariants: caseVariantGroups(store) };
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The groups of the data as it is now from `previous` and the ids of the models changed since: the same groups
 * `readIndexGroups` gives. A changed model's id is read again, since a renamed model's number goes out of use and the
 * largest may be given to a new id; the orgs are then numbered again by their first model, as a whole read numbers
 * them, which takes one pass over the numbers and, for an org whose first model is new to that place, its id.
 */
export function updateIndexGroups(store: Store, previous: IdGroups, index: LineageIndex): IdGroups {
  const kept = Math.min(previous.org.length, index.size);
  const org = new Uint32Array(index.size).fill(NO_ORG);
  org.set(previous.org.subarray(0, kept));
  const names = [...previous.orgNames];
  // The first model of each org before, whose spelling `names` holds.
  const firstBefore = new Int32Array(names.length).fill(-1);
  for (let node = previous.org.length - 1; node >= 0; node--) {
    const number = previous.org[node] as number;
    if (number !== NO_ORG) firstBefore[number] = node;
  }
  for (let node = 0; node < kept; node++) if (((index.flags[node] as number) & PRESENT) === 0) org[node] = NO_ORG;
  let keyOf: Map<string, number> | null = null;
  const spelledBy = new Map<number, string>();
  readModelIds(store, "changed", (node, id) => {
    if (node >= index.size) return;
    const name = orgOf(id);
    if (name === null) {
      org[node] = NO_ORG;
      return;
    }
    keyOf ??= new Map(names.map((spelled, number) => [foldCase(spelled), number]));
    let number = keyOf.get(foldCase(name));
    if (number === undefined) {
      number = names.length;
      keyOf.set(foldCase(name), number);
      names.push(name);
    }
    org[node] = number;
    spelledBy.set(node, name);
  });
  const renumbered = new Int32Array(names.length).fill(-1);
  const orgNames: string[] = [];
  // Orgs (by new number) whose first model is neither changed nor was their first before: spelled as its id spells it.
  const unspelled = new Map<number, number>();
  for (let node = 0; node < index.size; node++) {
    const number = org[node] as number;
    if (number === NO_ORG) continue;
    if (renumbered[number] === -1) {
      renumbered[number] = orgNames.length;
      const spelled = spelledBy.get(node) ?? (firstBefore[number] === node ? names[number] : undefined);
      if (spelled === undefined) unspelled.set(orgNames.length, node);
      orgNames.push(spelled ?? "");
    }
    org[node] = renumbered[number] as number;
  }
  if (unspelled.size > 0) {
    const ids = idsOfNodes(store, unspelled.values());
    for (const [number, node] of unspelled) orgNames[number] = orgOf(ids.get(node) as string) as string;
  }
  return { org, orgNames, caseVariants: updatedCaseVariants(store, previous.caseVariants) };
}

/**
 * The case-variant groups from the previous ones (less any id no longer in use: a renamed model's) and those holding
 * a model changed since.
 */
function updatedCaseVariants(store: Store, previous: readonly string[][]): string[][] {
  const inUse = nodesOfIds(store, previous.flat());
  const caseVariants = new Map(
    previous
      .map((group) => group.filter((id) => inUse.has(id)))
      .filter((group) => group.length > 1)
      .map((group) => [foldCase(group[0] as string), group]),
  );
  for (const group of changedCaseVariantGroups(store)) caseVariants.set(foldCase(group[0] as string), group);
  return [...caseVariants.values()].sort((a, b) => byId(a[0] as string, b[0] as string));
}
