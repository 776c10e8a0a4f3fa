// Data-quality checks of a snapshot: what is broken or suspicious in the lineage as declared on the Hub. Every
// finding is kept in the data; the checks count them and show examples so a user can judge the numbers built on them.

import { stronglyConnectedComponents } from "graphology-components";
import { normalizeBaseModel, UNRESOLVED_REASONS, type UnresolvedReason } from "../ingest/normalize-base-model.js";
import {
  caseVariantGroups,
  declaredBaseLists,
  placeholderModels,
  selfLoopModels,
  unresolvedValues,
} from "../store/check-queries.js";
import type { Store } from "../store/open-store.js";
import type { LineageGraph } from "./build-graph.js";

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
  unresolved: Check<{ child: string; raw: string; reason: UnresolvedReason }> & { byReason: Record<UnresolvedReason, number> };
  quantizedWithChildren: Check<{ id: string; children: number }>;
  childOlderThanParent: Check<{ child: string; parent: string; childCreatedAt: string; parentCreatedAt: string }>;
  duplicateBases: Check<{ id: string; duplicates: string[] }>;
}

function check<Example>(description: string, all: Example[], limit: number): Check<Example> {
  return { description, count: all.length, examples: all.slice(0, limit) };
}

export function runChecks(store: Store, graph: LineageGraph, { examples = 5 } = {}): ChecksReport {
  const selfLoops = selfLoopModels(store);
  const cycles = stronglyConnectedComponents(graph)
    .filter((component) => component.length > 1)
    .map((component) => component.sort())
    .sort((a, b) => b.length - a.length || ((a[0] as string) < (b[0] as string) ? -1 : 1));
  const placeholders = placeholderModels(store);
  const unresolved = unresolvedValues(store);
  const byReason = Object.fromEntries(UNRESOLVED_REASONS.map((reason) => [reason, 0])) as Record<UnresolvedReason, number>;
  for (const row of unresolved) byReason[row.reason] += 1;

  const quantizedWithChildren: { id: string; children: number }[] = [];
  const childOlder: ChecksReport["childOlderThanParent"]["examples"] = [];
  graph.forEachNode((id, attributes) => {
    if (attributes.relation === "quantized" && graph.outDegree(id) > 0) quantizedWithChildren.push({ id, children: graph.outDegree(id) });
  });
  graph.forEachEdge((_edge, _attributes, parent, child, parentAttributes, childAttributes) => {
    const childCreatedAt = childAttributes.createdAt;
    const parentCreatedAt = parentAttributes.createdAt;
    if (childCreatedAt !== null && parentCreatedAt !== null && childCreatedAt < parentCreatedAt) childOlder.push({ child, parent, childCreatedAt, parentCreatedAt });
  });
  quantizedWithChildren.sort((a, b) => b.children - a.children || (a.id < b.id ? -1 : 1));
  childOlder.sort((a, b) => (a.child < b.child ? -1 : a.child > b.child ? 1 : a.parent < b.parent ? -1 : 1));

  const duplicateBases: { id: string; duplicates: string[] }[] = [];
  for (const row of declaredBaseLists(store)) {
    const { duplicates } = normalizeBaseModel(JSON.parse(row.baseModelRaw));
    if (duplicates.length > 0) duplicateBases.push({ id: row.id, duplicates });
  }

  return {
    selfLoops: check("models naming themselves as their base", selfLoops, examples),
    cycles: check("groups of models that derive from one another in a cycle", cycles, examples),
    placeholders: check("parents named by a child but with no record of their own (deleted, private or not crawled)", placeholders, examples),
    caseVariants: check("ids that differ only in letter case", caseVariantGroups(store), examples),
    unresolved: { ...check("base_model values that name no model (URL, local path, empty, N/A, not resolved by the Hub)", unresolved, examples), byReason },
    quantizedWithChildren: check("quantized models that other models derive from (suspicious: quantized models are almost always leaves)", quantizedWithChildren, examples),
    childOlderThanParent: check("children created before their parent (suspicious: a renamed or re-uploaded parent)", childOlder, examples),
    duplicateBases: check("cards listing the same base more than once", duplicateBases, examples),
  };
}
