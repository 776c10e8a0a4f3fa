// The original files data/ was bundled from (../shared/data): only a test comparing the bundle with its originals
// reads these; every other test reads data/, which holds the same content gzipped (the dumps without README texts).

import { readdirSync } from "node:fs";
import { resolve } from "node:path";

export const ORIGINAL_DATA = resolve(process.cwd(), "../shared/data");
export const ORIGINAL_EDGES_CSV = resolve(ORIGINAL_DATA, "lineage-top50k-textgen/edges.csv");
export const ORIGINAL_METADATA_CSV = resolve(ORIGINAL_DATA, "lineage-top50k-textgen/metadata.csv");
const TREES = resolve(ORIGINAL_DATA, "family-trees-2025-04");
/** The eleven original family-tree dumps, in order of file name. */
export const ORIGINAL_FAMILY_TREES = readdirSync(TREES)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => resolve(TREES, name));
