// The headline figures of a snapshot, as `hf-lineage stats` prints them: models, distinct parent → child pairs,
// self-loops, models with several parents, roots, placeholders and the deepest generation.

export interface LineageStats {
  nodes: number;
  edges: number;
  selfLoops: number;
  multiParent: number;
  /** Models with a record of their own and no parent (a placeholder has no record, so it is never a root). */
  roots: number;
  placeholders: number;
  maxGeneration: number;
}
