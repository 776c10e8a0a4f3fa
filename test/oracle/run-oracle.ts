// Runs the networkx oracle (lineage_oracle.py) on the raw data files and returns its figures, for tests that
// compare hf-lineage against an independent implementation. A missing python3 with networkx fails, never skips.

import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import type { RelationCounts } from "../../src/vocabulary/relation.js";

export const DATA = resolve(process.cwd(), "../shared/data");
export const EDGES_CSV = resolve(DATA, "lineage-top50k-textgen/edges.csv");
export const METADATA_CSV = resolve(DATA, "lineage-top50k-textgen/metadata.csv");
const TREES = resolve(DATA, "family-trees-2025-04");
/** The eleven family-tree dumps, in order of file name. */
export const FAMILY_TREES = readdirSync(TREES).filter((name) => name.endsWith(".json")).sort().map((name) => resolve(TREES, name));
const ORACLE = resolve(process.cwd(), "test/oracle/lineage_oracle.py");

const PYTHONS = ["python3", "/usr/bin/python3"];

export interface OracleFamily {
  query: string;
  kind: "model" | "org";
  models: number;
  descendants: { total: number; byRelation: RelationCounts; byDepth: Record<string, number> };
  children?: { total: number; byRelation: RelationCounts };
  ancestors?: { id: string; depth: number }[];
}

export interface OracleResult {
  stats: { nodes: number; edges: number; selfLoops: number; multiParent: number; roots: number; placeholders: number; maxGeneration: number };
  deepest: { ids: string[]; generation: number; chain: string[] | null };
  families: Record<string, OracleFamily>;
  ancestors: Record<string, { ancestors: { id: string; depth: number }[]; pathCount: number | null; paths: string[][] | null }>;
  checks: {
    selfLoops: string[];
    cycles: string[][];
    placeholders: string[];
    caseVariants: string[][];
    quantizedWithChildren: { id: string; children: number }[];
    multiParent: number;
  };
  /** Rankings by value, then downloads, then id. */
  top: Record<"descendants" | "children" | "pagerank" | "subtree-downloads", { id: string; value: number; downloads: number }[]>;
  /** The largest org families (org in lower case), as many as `top`. */
  orgFamilies: { org: string; models: number; descendants: number }[];
  /** Per model: [generation, descendants, children] (with `perModel`). */
  perModel?: Record<string, [number, number, number]>;
}

export interface OracleOptions {
  /** Edge list CSVs (default: the real 30K edge list, when no other source is given). */
  edges?: string[];
  metadata?: string[];
  familyTrees?: string[];
  families?: string[];
  ancestors?: string[];
  top?: number;
  perModel?: boolean;
}

/** The first python3 that imports networkx and scipy (its PageRank needs it): `python3` on PATH, then /usr/bin/python3. */
export function findPython(): string {
  for (const python of PYTHONS) {
    const probe = spawnSync(python, ["-c", "import networkx, scipy"], { encoding: "utf8" });
    if (probe.status === 0) return python;
  }
  throw new Error(`test/oracle: no python3 with networkx and scipy found (tried ${PYTHONS.join(", ")}); install python3-networkx python3-scipy`);
}

export function runOracle(options: OracleOptions = {}): OracleResult {
  const args = [ORACLE];
  const noSource = options.edges === undefined && options.metadata === undefined && options.familyTrees === undefined;
  for (const path of options.edges ?? (noSource ? [EDGES_CSV] : [])) args.push("--edges", path);
  for (const path of options.metadata ?? []) args.push("--metadata", path);
  for (const path of options.familyTrees ?? []) args.push("--family-tree", path);
  for (const query of options.families ?? []) args.push("--family", query);
  for (const id of options.ancestors ?? []) args.push("--ancestors", id);
  if (options.top !== undefined) args.push("--top", String(options.top));
  if (options.perModel === true) args.push("--per-model");
  // -B: no __pycache__ beside the oracle.
  const text = execFileSync(findPython(), ["-B", ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(text) as OracleResult;
}
