// Groupings of the models kept with the lineage index so that the next index patches them instead of reading every
// id: each model's org (for the largest org families), the ids that differ only in case, and the cycles.

import { caseVariantGroups, changedCaseVariantGroups } from "../store/check-queries.js";
import { readModelIds } from "../store/lineage-rows.js";
import type { Store } from "../store/open-store.js";
import { orgOf } from "../vocabulary/model-id.js";
import type { Components } from "./index-metrics.js";
import type { LineageIndex } from "./lineage-index.js";

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
 * The groups of the data as it is now from `previous` and the ids of the models changed since (a model's id never
 * changes, so only those can join an org or a case group): the same groups `readIndexGroups` gives.
 */
export function updateIndexGroups(store: Store, previous: IdGroups, index: LineageIndex): IdGroups {
  const org = new Uint32Array(index.size).fill(NO_ORG);
  org.set(previous.org.subarray(0, Math.min(previous.org.length, index.size)));
  const names = [...previous.orgNames];
  let keyOf: Map<string, number> | null = null;
  const spelledBy = new Map<number, string>();
  readModelIds(store, "changed", (node, id) => {
    const name = orgOf(id);
    // A model keeps its id, so one numbered before keeps its org.
    if (name === null || node >= index.size || org[node] !== NO_ORG) return;
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
  // Numbered by first model, as a whole read numbers them: the numbers hold as long as every model newly numbered
  // comes after the previous ones (node numbers only grow); else they are given again, in node order.
  if ([...spelledBy.keys()].every((node) => node >= previous.org.length)) {
    return { org, orgNames: names, caseVariants: updatedCaseVariants(store, previous.caseVariants) };
  }
  const renumbered = new Int32Array(names.length).fill(-1);
  const orgNames: string[] = [];
  for (let node = 0; node < index.size; node++) {
    const number = org[node] as number;
    if (number === NO_ORG) continue;
    if (renumbered[number] === -1) {
      renumbered[number] = orgNames.length;
      orgNames.push(spelledBy.get(node) ?? (names[number] as string));
    }
    org[node] = renumbered[number] as number;
  }
  return { org, orgNames, caseVariants: updatedCaseVariants(store, previous.caseVariants) };
}

/** The case-variant groups from the previous ones and those holding a model changed since. */
function updatedCaseVariants(store: Store, previous: readonly string[][]): string[][] {
  const caseVariants = new Map(previous.map((group) => [foldCase(group[0] as string), group]));
  for (const group of changedCaseVariantGroups(store)) caseVariants.set(foldCase(group[0] as string), group);
  return [...caseVariants.values()].sort((a, b) => byId(a[0] as string, b[0] as string));
}
