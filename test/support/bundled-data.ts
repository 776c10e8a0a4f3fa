// The real snapshot as the project bundles it in data/ (the June 2025 edge list and model list, the eleven April
// 2025 family-tree dumps, each gzipped): where each file is, and its text for tests that cut or copy it.

import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";

export const DATA_DIRECTORY = resolve(process.cwd(), "data");
/** 30,383 `source,target,edge` rows, CRLF-terminated (data/README.md). */
export const EDGES_CSV = join(DATA_DIRECTORY, "edges.csv.gz");
/** `id,type,owner,architecture` for 29,075 models. */
export const METADATA_CSV = join(DATA_DIRECTORY, "metadata.csv.gz");
export const FAMILY_TREE_DIRECTORY = join(DATA_DIRECTORY, "family-trees");
/** The eleven family-tree dumps, in order of file name (the order every importing test uses). */
export const FAMILY_TREES = readdirSync(FAMILY_TREE_DIRECTORY)
  .filter((name) => name.endsWith(".json.gz"))
  .sort()
  .map((name) => join(FAMILY_TREE_DIRECTORY, name));
/** All 13 files, edges first, then the model list, then the dumps: the order the bundled database is built in. */
export const ALL_DATA_FILES = [EDGES_CSV, METADATA_CSV, ...FAMILY_TREES];

function familyTree(prefix: string): string {
  const found = FAMILY_TREES.filter((path) => path.startsWith(join(FAMILY_TREE_DIRECTORY, prefix)));
  if (found.length !== 1) throw new Error(`test data: ${found.length} dumps start with "${prefix}", expected 1`);
  return found[0] as string;
}

export const KOKORO_DUMP = familyTree("Kokoro-82M_finetunes_");
export const DEEPSEEK_R1_DUMP = familyTree("DeepSeek-R1_finetunes_");
export const PHI2_DUMP = familyTree("phi-2_finetunes_");

/** The text of a bundled file, unzipped. */
export function bundledText(path: string): string {
  return gunzipSync(readFileSync(path)).toString("utf8");
}
