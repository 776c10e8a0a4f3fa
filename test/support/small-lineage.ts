// A fifteen-model edge list small enough to work out by hand: a diamond merge, a quantized model with a child,
// a cycle, a self-loop and two ids that differ only in case. The tests' expected values are derived from this picture.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/*
 *  a/base ─finetune─► a/ft1 ─merge─► c/merge ─quantized─► c/merge-GGUF ─finetune─► d/from-quant
 *  a/base ─finetune─► b/ft2 ─merge─► c/merge               (a diamond: c/merge has two parents)
 *  a/base ─adapter──► e/Variant,  a/base ─adapter─► e/variant   (ids that differ only in case)
 *  x/root ─finetune─► x/one ─finetune─► x/two ─finetune─► x/three ─finetune─► x/one   (a cycle)
 *                                                          x/three ─adapter──► x/leaf
 *  s/self ─finetune─► s/self (a self-loop),  s/self ─finetune─► s/kid
 *
 *  15 models; 14 distinct edges (the self-loop left out); placeholders (named only as a parent): a/base, x/root.
 */
export const SMALL_LINEAGE_CSV = `source,target,edge
a/base,a/ft1,finetuned
a/base,b/ft2,finetuned
a/ft1,c/merge,merged
b/ft2,c/merge,merged
c/merge,c/merge-GGUF,quantized
c/merge-GGUF,d/from-quant,finetuned
a/base,e/Variant,adapter
a/base,e/variant,adapter
x/root,x/one,finetuned
x/one,x/two,finetuned
x/two,x/three,finetuned
x/three,x/one,finetuned
x/three,x/leaf,adapter
s/self,s/self,finetuned
s/self,s/kid,finetuned
`;

/** Writes the small edge list to a fresh temporary folder and returns its path. */
export function writeSmallLineage(): string {
  const path = join(mkdtempSync(join(tmpdir(), "hf-lineage-small-")), "small-edges.csv");
  writeFileSync(path, SMALL_LINEAGE_CSV);
  return path;
}

/**
 * `tree a/base --depth 2` on the small lineage, worked out by hand: children by descendants (a/ft1 3, b/ft2 3,
 * e/Variant 0, e/variant 0), then by id; the diamond's merge printed once and referred to under its second
 * parent; depth 2 stops below c/merge.
 */
export const SMALL_LINEAGE_TREE = [
  "a/base (placeholder)  [7 descendants]",
  "├─ finetune: a/ft1  [3 descendants]",
  "│  └─ merge: c/merge  [2 descendants]",
  "│     └─ ... 1 children below (raise --depth)",
  "├─ finetune: b/ft2  [3 descendants]",
  "│  └─ merge: c/merge (shown above)",
  "├─ adapter: e/Variant",
  "└─ adapter: e/variant",
];

/**
 * The small lineage's headline figures, counted off the picture above. multiParent: c/merge (a/ft1, b/ft2) and
 * x/one (x/root, x/three). Roots: s/self alone (its self-loop does not count; a/base and x/root have no parent but
 * are placeholders, with no record to say whether they have one). Deepest: a/base 0 → a/ft1
 * 1 → c/merge 2 → c/merge-GGUF 3 → d/from-quant 4.
 */
export const SMALL_LINEAGE_STATS = {
  nodes: 15,
  edges: 14,
  selfLoops: 1,
  multiParent: 2,
  roots: 1,
  placeholders: 2,
  maxGeneration: 4,
};
