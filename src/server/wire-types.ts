// The shapes of the HTTP API's answers, declared once: the routes are typed to return them and the viewer reads
// them with `import type`, so a change on either side fails the other's typecheck. Types only, no code.

import type { ChecksReport } from "../graph/checks.js";
import type { FamilyReport } from "../graph/family.js";
import type { CopiesReport } from "../graph/index-copies.js";
import type { FAMILY_TABLE_COLUMNS, FamilyTableRow } from "../graph/index-family-table.js";
import type { LicencesReport } from "../graph/index-licences.js";
import type { ReportSection } from "../export/report-document.js";
import type { Report } from "../graph/report.js";
import type { PathReport } from "../graph/index-paths.js";
import type { SiblingsReport } from "../graph/index-siblings.js";
import type { LineageStats } from "../graph/lineage-stats.js";
import type { Ranking } from "../graph/top-models.js";
import type { Relation, RelationCounts } from "../vocabulary/relation.js";

/** Every failure: `{ "error": { "status", "message", "suggestions"? } }` (suggestions: close matches of a 404). */
export interface ErrorResponse {
  error: { status: number; message: string; suggestions?: string[] };
}

/** GET /api/search: one model or org whose name contains the text. */
export interface SearchResult {
  id: string;
  kind: "model" | "org";
  descendants: number;
  /** Null when no source gave them (for an org: none of its models'). */
  downloads: number | null;
}

export interface SearchResponse {
  results: SearchResult[];
}

/** The leaf children of one parent and one relation, drawn as one node. */
export interface FanInfo {
  parent: string;
  relation: Relation;
  count: number;
}

/**
 * The subtrees under one drawn model that an overview leaves out, drawn as one node `more:PARENT` (`more:` for the
 * family's own models left out); `open=PARENT` (the query itself for its own models) draws them.
 */
export interface CollapsedInfo {
  parent: string | null;
  /** Models in those subtrees. */
  count: number;
  /** Of those, the parent's direct children (the family's own models, for `more:`). */
  children: number;
}

/** What the viewer draws and shows about one node, at its tree-layout position. */
export interface ViewNodeAttributes {
  label: string;
  x: number;
  y: number;
  depth: number;
  relation: Relation | null;
  author: string | null;
  /** Null when no source gave them. */
  downloads: number | null;
  descendants: number;
  placeholder: boolean;
  /** True for a node with no parent in this graph (drawn on the top row). */
  root: boolean;
  fan?: FanInfo;
  collapsed?: CollapsedInfo;
}

/** A node as sent: its attributes without the label where the label is the key (every model's). */
export interface WireNode {
  key: string;
  attributes: Omit<ViewNodeAttributes, "label"> & { label?: string };
}

/** An edge as sent: the positions of its parent (source) and child (target) among the graph's nodes; its relation. */
export type WireEdge = [source: number, target: number, relation: Relation];

/**
 * A drawn graph as sent: the nodes in graphology's serialized shape, the edges by position (web/drawn-graph.ts turns it
 * back into that shape). Why not graphology's own edges: each named its two ids twice, in its key and its ends,
 * about 225 bytes an edge, most of the largest family view's 1.3 MB; by position an edge takes about 20.
 */
export interface WireGraph {
  nodes: WireNode[];
  edges: WireEdge[];
}

/**
 * GET /api/family: the family report and the drawn family (fans folded; the nearest members kept under a node cap,
 * or an overview with subtrees collapsed, listed in `collapsed`, when the family is larger than the budget).
 */
export interface FamilyResponse {
  query: string;
  kind: "model" | "org";
  family: FamilyReport;
  graph: WireGraph;
  aggregated: FanInfo[];
  truncated: { omittedNodes: number } | null;
  /** Present only for an overview: what each collapsed node stands for, with the relation most of it has. */
  collapsed?: (CollapsedInfo & { relation: Relation | null })[];
}

/** GET /api/family-table: every member of the family (the nearest `maxRows`) as rows of `columns`. */
export interface FamilyTableResponse {
  query: string;
  kind: "model" | "org";
  columns: typeof FAMILY_TABLE_COLUMNS;
  rows: FamilyTableRow[];
  /** Members of the family, rows or not. */
  members: number;
  /** Members left out by `maxRows` (the farthest), or null when every member is a row. */
  truncated: { omittedRows: number } | null;
}

/** GET /api/ancestry: the model and its ancestors drawn, with every path from the model up to a root. */
export interface AncestryResponse {
  id: string;
  graph: WireGraph;
  paths: string[][];
  /** True when there are more paths than the 100 listed. */
  truncated: boolean;
  /** Every ancestor of the model (drawn or not). */
  ancestors: number;
  /** Ancestors the node cap left out of the drawn graph (the farthest first). */
  omittedNodes: number;
}

/** One direct parent of a model: the relation of its edge, and whether it has a record of its own. */
export interface ParentAnswer {
  id: string;
  relation: Relation;
  placeholder: boolean;
}

/** One model's record as GET /api/model gives it. */
export interface ModelRecord {
  id: string;
  author: string | null;
  createdAt: string | null;
  lastModified: string | null;
  downloads: number | null;
  likes: number | null;
  license: string | null;
  /**
   * The licence the model declares, as `licenses` reads it: the card's licence (the licence name for `other`), `none`
   * when its record declares none, `unknown` when no record of it was read (`license` is null in both of those).
   */
  declaredLicence: string;
  pipelineTag: string | null;
  libraryName: string | null;
  /** The Hub's own shape: false, true, "auto" or "manual" (null when unknown). */
  gated: boolean | string | null;
  placeholder: boolean;
  relation: Relation | null;
}

export interface ModelMetricsAnswer {
  generation: number;
  descendants: number;
  children: number;
  pagerank: number;
  subtreeDownloads: number | null;
}

/** GET /api/model: a model's record, family counts, ancestry and stored metrics (null when not computed). */
export interface ModelResponse {
  model: ModelRecord;
  hubUrl: string;
  children: { total: number; byRelation: RelationCounts };
  descendants: { total: number; byRelation: RelationCounts; byDepth: Record<string, number> };
  ancestors: { id: string; depth: number }[];
  /** The direct parents, in id order. */
  parents: ParentAnswer[];
  ancestry: { paths: string[][]; truncated: boolean };
  metrics: ModelMetricsAnswer | null;
}

/** GET /api/top: models ranked by a stored metric. */
export interface TopResponse {
  by: Ranking;
  /** `value` null only for subtree downloads that no model of the subtree has known downloads for. */
  models: { id: string; value: number | null; downloads: number | null }[];
}

/** GET /api/top-orgs: the largest org families. */
export interface TopOrgsResponse {
  orgs: { org: string; models: number; descendants: number }[];
}

/** GET /api/stats: what `hf-lineage stats --json` prints. */
export type StatsResponse = LineageStats;

/** GET /api/checks: what `hf-lineage check --json` prints. */
export type ChecksResponse = ChecksReport;

/** GET /api/quants and /api/adapters: exactly `quants --json` and `adapters --json`. */
export type CopiesResponse = CopiesReport;

/**
 * GET /api/licenses: exactly `licenses --json` (with `format=csv`, the findings as CSV instead); with `ids`, the same
 * for those models of the family alone.
 */
export type LicencesResponse = LicencesReport;

/** GET /api/licenses with `offset` or `limit`: that page of the models and of the findings, and how many there are. */
export interface LicencesPage extends LicencesReport {
  offset: number;
  total: { models: number; findings: number };
}

/** GET /api/path: exactly `path --json`. */
export type PathResponse = PathReport;

/** GET /api/siblings: exactly `siblings --json`. */
export type SiblingsResponse = SiblingsReport;

/** GET /api/report: exactly `report --json` with the same options. */
export type ReportResponse = Report;

/** GET /api/report?format=document: the report's titled sections, as the text, Markdown and HTML forms render them. */
export type ReportDocumentResponse = ReportSection[];
