// What the tests ask the networkx oracle about each fixture's source set, in one place so that the tests asking
// the same share one answer per run (the global setup starts these early; oracle-cache.ts shares them).

import type { OracleOptions } from "./run-oracle.js";
import { EDGES_CSV, FAMILY_TREES, METADATA_CSV } from "./bundled-data.js";
import type { SourceSet } from "./fixture-databases.js";

/**
 * Families asked of the edge list: two orgs; Qwen2.5-14B, whose family is mostly merges of merges; and
 * bigscience/bloom, a placeholder whose one grandchild is a merge of its two children (reached through two parents).
 */
export const EDGE_LIST_FAMILIES = ["Qwen", "meta-llama", "Qwen/Qwen2.5-14B", "bigscience/bloom"];
/** Families asked of the dumps: an org, and two roots whose children come from tags and from the child lists. */
export const TREE_FAMILIES = ["meta-llama", "meta-llama/Llama-2-7b-chat-hf", "microsoft/phi-2"];
/** How many models each ranking lists. */
export const ORACLE_TOP = 25;

const ranked = { top: ORACLE_TOP, perModel: true };

/** The questions for each source set: the same files as the fixture database of that name (fixture-databases.ts). */
export const ORACLE_QUESTIONS: Record<SourceSet, OracleOptions & { families: readonly string[] }> = {
  edges: { edges: [EDGES_CSV], families: EDGE_LIST_FAMILIES, ...ranked },
  "edges-and-metadata": { edges: [EDGES_CSV], metadata: [METADATA_CSV], families: EDGE_LIST_FAMILIES, ...ranked },
  "family-trees": { familyTrees: FAMILY_TREES, families: TREE_FAMILIES, ...ranked },
  bundle: {
    edges: [EDGES_CSV],
    metadata: [METADATA_CSV],
    familyTrees: FAMILY_TREES,
    families: [...EDGE_LIST_FAMILIES, ...TREE_FAMILIES.slice(1)],
    ...ranked,
  },
};
