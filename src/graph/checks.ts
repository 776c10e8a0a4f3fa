// Data-quality checks of a snapshot: what is broken or suspicious in the lineage as declared on the Hub. Every
// finding is kept in the data; the checks count them and show examples so a user can judge the numbers built on them.

import { normalizeBaseModel, UNRESOLVED_REASONS, type UnresolvedReason } from "../ingest/normalize-base-model.js";
import { declaredBaseLists, placeholderModels, skippedRecords, unresolvedValues } from "../store/check-queries.js";
import { creationOfNodes, idsOfNodes } from "../store/model-queries.js";
import { RELATIONS } from "../vocabulary/relation.js";
import type { IndexedLineage } from "./indexed-lineage.js";
import { PRESENT, SELF_LOOP } from "./lineage-index.js";

export interface Check<Example> {
  description: string;
  count: number;
  examples: Example[];
}

export interface ChecksReport {
  selfLoops: Check<string>;
  cycles: Check<string[]>;
  placeholders: Check<string>;
  caseVariants: Check<string[]>;
  unresolved: Check<{ child: string; raw: string; reason: UnresolvedReason }> & {
    byReason: Record<UnresolvedReason, number>;
  };
  quantizedWithChildren: Check<{ id: string; children: number }>;
  childOlderThanParent: Check<{ child: string; parent: string; childCreatedAt: string; parentCreatedAt: string }>;
  duplicateBases: Check<{ id: string; duplicates: string[] }>;
  skippedRecords: Check<{ message: string }>;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function check<Example>(description: string, all: Example[], limit: number): Check<Example> {
  return { description, count: all.length, examples: all.slice(0, limit) };
}

const QUANTIZED = RELATIONS.indexOf("quantized");

/** The checks of the data the index was built from; `groups` gives the cycles and the case variants. */
export function runChecks(
  lineage: Pick<IndexedLineage, "store" | "index" | "groups">,
  { examples = 5 }: { examples?: number } = {},
): ChecksReport {
  const { store, index } = lineage;
  const selfLoopNodes: number[] = [];
  for (let node = 0; node < index.size; node++)
    if (((index.flags[node] as number) & SELF_LOOP) !== 0) selfLoopNodes.push(node);
  const groups = lineage.groups.cycles;
  const quantizedNodes: number[] = [];
  for (let node = 0; node < index.size; node++) {
    const present = ((index.flags[node] as number) & PRESENT) !== 0;
    if (present && index.relation[node] === QUANTIZED && index.childStart[node + 1] !== index.childStart[node]) {
      quantizedNodes.push(node);
    }
  }
  const idOf = idsOfNodes(store, [...groups.flat(), ...quantizedNodes, ...selfLoopNodes]);
  const selfLoops = selfLoopNodes.map((node) => idOf.get(node) as string).sort(compareIds);
  const cycles = groups
    .map((group) => group.map((node) => idOf.get(node) as string).sort())
    .sort((a, b) => b.length - a.length || ((a[0] as string) < (b[0] as string) ? -1 : 1));
  const placeholders = placeholderModels(store);
  const unresolved = unresolvedValues(store);
  const byReason = Object.fromEntries(UNRESOLVED_REASONS.map((reason) => [reason, 0])) as Record<
    UnresolvedReason,
    number
  >;
  for (const row of unresolved) byReason[row.reason] += 1;
  const quantizedWithChildren = quantizedNodes.map((node) => ({
    id: idOf.get(node) as string,
    children: (index.childStart[node + 1] as number) - (index.childStart[node] as number),
  }));
  quantizedWithChildren.sort((a, b) => b.children - a.children || (a.id < b.id ? -1 : 1));
  const olderNodes = new Set(index.olderPairs);
  const created = creationOfNodes(store, olderNodes);
  const childOlder: ChecksReport["childOlderThanParent"]["examples"] = [];
  for (let pair = 0; pair < index.olderPairs.length; pair += 2) {
    const child = created.get(index.olderPairs[pair] as number);
    const parent = created.get(index.olderPairs[pair + 1] as number);
    if (child === undefined || parent === undefined) continue;
    childOlder.push({
      child: child.id,
      parent: parent.id,
      childCreatedAt: child.createdAt as string,
      parentCreatedAt: parent.createdAt as string,
    });
  }
  childOlder.sort((a, b) => compareIds(a.child, b.child) || compareIds(a.parent, b.parent));

  const duplicateBases: { id: string; duplicates: string[] }[] = [];
  for (const row of declaredBaseLists(store)) {
    let declared: unknown;
    try {
      declared = JSON.parse(row.baseModelRaw);
    } catch {
      continue;
    }
    const { duplicates } = normalizeBaseModel(declared);
    if (duplicates.length > 0) duplicateBases.push({ id: row.id, duplicates });
  }

  return {
    selfLoops: check("models naming themselves as their base", selfLoops, examples),
    cycles: check("groups of models that derive from one another in a cycle", cycles, examples),
    placeholders: check(
      "parents named by a child but with no record of their own (deleted, private or not crawled)",
      placeholders,
      examples,
    ),
    caseVariants: check("ids that differ only in letter case", lineage.groups.caseVariants, examples),
    unresolved: {
      ...check(
        "base_model values kept as findings, not edges: those that name no model (empty, placeholder text, " +
          "dataset, space, collection or other Hub page, URL, local path, markup, no org, bad syntax, too long, " +
          "malformed escape, wrong type), and card values naming a model the Hub's base_model tags do not " +
          "(not resolved by the Hub)",
        unresolved,
        examples,
      ),
      byReason,
    },
    quantizedWithChildren: check(
      "quantized models that other models derive from (suspicious: quantized models are almost always leaves)",
      quantizedWithChildren,
      examples,
    ),
    childOlderThanParent: check(
      "children created before their parent (suspicious: a renamed or re-uploaded parent)",
      childOlder,
      examples,
    ),
    duplicateBases: check("cards listing the same base more than once", duplicateBases, examples),
    skippedRecords: check(
      "records that imports and crawls skipped, with the reason (not stored)",
      skippedRecords(store),
      examples,
    ),
  };
}
