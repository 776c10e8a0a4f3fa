// A five-entry family-tree dump small enough to work out by hand: Hub tags and child lists that agree, a child whose
// tag contradicts the list naming it, metadata `N/A`, a child with no entry, and a merge with a deleted parent.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const url = (id: string) => `https://huggingface.co/${id}`;
const metadata = (id: string, downloads: number, tags: string[]) =>
  JSON.stringify({ id, author: id.split("/")[0], downloads, likes: 0, tags });

/*
 *  r/root (100 downloads) lists k/ft under children, k/lora under adapters, k/q under quantized.
 *  k/ft (50) is tagged base_model:finetune:r/root (and the plain base_model:r/root) and lists m/grand under children.
 *  k/q (7) is tagged base_model:finetune:r/root: the Hub's tag, not the list, says what it is (finetune).
 *  m/grand has metadata "N/A"; k/lora has no entry at all (only listed).
 *  z/other (3) is tagged base_model:merge:p/gone and base_model:merge:k/ft; p/gone has no entry (a placeholder).
 *
 *  7 models, 6 distinct edges: r/root → k/ft, k/lora, k/q; k/ft → m/grand, z/other; p/gone → z/other.
 */
export const SMALL_FAMILY_TREE = {
  models: [
    {
      model_id: "r/root",
      metadata: metadata("r/root", 100, ["text-generation"]),
      depth: 0,
      children: [url("k/ft")],
      adapters: [url("k/lora")],
      quantized: [url("k/q")],
      merges: [],
    },
    {
      model_id: url("k/ft"),
      metadata: metadata("k/ft", 50, ["base_model:r/root", "base_model:finetune:r/root"]),
      depth: "1",
      children: [url("m/grand")],
    },
    { model_id: "k/q", metadata: metadata("k/q", 7, ["base_model:finetune:r/root"]), depth: 1, children: [] },
    { model_id: "m/grand", metadata: "N/A", depth: 2, children: [] },
    {
      model_id: "z/other",
      metadata: metadata("z/other", 3, ["base_model:merge:p/gone", "base_model:merge:k/ft"]),
      depth: 2,
      children: [],
    },
  ],
};

/** Writes the dump to a fresh temporary folder and returns its path. */
export function writeSmallFamilyTree(): string {
  const path = join(mkdtempSync(join(tmpdir(), "hf-lineage-tree-")), "small_finetunes.json");
  writeFileSync(path, JSON.stringify(SMALL_FAMILY_TREE));
  return path;
}
