// Runs the networkx oracle (test/oracle/lineage_oracle.py) on raw data files and returns its figures, for tests
// that compare hf-lineage against an independent implementation. A missing python3 with networkx fails, never skips.

import { execFileSync, spawnSync } from "node:child_process";
import { resolve } from "node:path";
import type { RelationCounts } from "../../src/vocabulary/relation.js";
import { EDGES_CSV } from "./bundled-data.js";

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

export interface OracleStats {
  nodes: number;
  edges: number;
  selfLoops: number;
  multiParent: number;
  roots: number;
  placeholders: number;
  maxGeneration: number;
}

export interface OracleAncestry {
  ancestors: { id: string; depth: number }[];
  pathCount: number | null;
  paths: string[][] | null;
}

export type OracleRanking = { id: string; value: number; downloads: number }[];

export interface OracleResult {
  stats: OracleStats;
  deepest: { ids: string[]; generation: number; chain: string[] | null };
  families: Record<string, OracleFamily>;
  ancestors: Record<string, OracleAncestry>;
  checks: {
    selfLoops: string[];
    cycles: string[][];
    placeholders: string[];
    caseVariants: string[][];
    quantizedWithChildren: { id: string; children: number }[];
    multiParent: number;
  };
  /** Rankings by value, then downloads, then id. */
  top: Record<"descendants" | "children" | "pagerank" | "subtree-downloads", OracleRanking>;
  /** The largest org families (org in lower case), as many as `top`. */
  orgFamilies: { org: string; models: number; descendants: number }[];
  /** Per model: [generation, descendants, children] (with `perModel`). */
  perModel?: Record<string, [number, number, number]>;
}

export interface OracleOptions {
  /** Edge list CSVs, plain or gzipped (default: the bundled 30K edge list, when no other source is given). */
  edges?: readonly string[];
  metadata?: readonly string[];
  familyTrees?: readonly string[];
  families?: readonly string[];
  ancestors?: readonly string[];
  top?: number;
  perModel?: boolean;
}

let python: string | undefined;

/** The first python3 that imports networkx and scipy (for PageRank): `python3` on PATH, then /usr/bin/python3. */
export function findPython(): string {
  if (python !== undefined) return python;
  for (const candidate of PYTHONS) {
    const probe = spawnSync(candidate, ["-c", "import networkx, scipy"], { encoding: "utf8" });
    if (probe.status === 0) return (python = candidate);
  }
  throw new Error(
    `test/oracle: no python3 with networkx and scipy found (tried ${PYTHONS.join(", ")}); ` +
      "install python3-networkx python3-scipy",
  );
}

/** The oracle's command line (after the interpreter) for these options. -B: no __pycache__ beside the oracle. */
export function oracleArguments(options: OracleOptions): string[] {
  const args = ["-B", ORACLE];
  const noSource = options.edges === undefined && options.metadata === undefined && options.familyTrees === undefined;
  for (const path of options.edges ?? (noSource ? [EDGES_CSV] : [])) args.push("--edges", path);
  for (const path of options.metadata ?? []) args.push("--metadata", path);
  for (const path of options.familyTrees ?? []) args.push("--family-tree", path);
  for (const query of options.families ?? []) args.push("--family", query);
  for (const id of options.ancestors ?? []) args.push("--ancestors", id);
  if (options.top !== undefined) args.push("--top", String(options.top));
  if (options.perModel === true) args.push("--per-model");
  return args;
}

/** Runs the oracle here and now and returns its JSON text (oracle-cache.ts shares the answers within a run). */
export function runOracleNow(options: OracleOptions): string {
  return execFileSync(findPython(), oracleArguments(options), { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}
