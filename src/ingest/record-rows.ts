// The rows one source record turns into: what every importer and the crawler hand to the store's save path.
// Plain data, no behaviour; the store decides how rows merge with what it already holds.

import type { EdgeSource, Relation } from "../vocabulary/relation.js";
import type { UnresolvedReason } from "./normalize-base-model.js";

export interface ModelRow {
  id: string;
  author: string | null;
  createdAt: string | null;
  lastModified: string | null;
  downloads: number | null;
  likes: number | null;
  libraryName: string | null;
  pipelineTag: string | null;
  license: string | null;
  gated: string | null;
  architecture: string | null;
  /** The card's `base_model` exactly as written (JSON), null when the card has none. */
  baseModelRaw: string | null;
}

/**
 * What a Hub record tells about a model beyond lineage, for the answers along it (runnable copies, licences) and
 * the reports: kept as the record gives it, each value null when the record does not carry it.
 */
export interface ModelDetailsRow {
  /** Every tag of the record (`gguf`, `4-bit`, `license:mit`, ...), in its order. */
  tags: string[];
  /** Whether the record carried its card (`cardData`): only then do the card's fields below say what it holds. */
  hasCard: boolean;
  /** The card's `license` as written (a list joined with commas), its `license_name` and `license_link`. */
  cardLicense: string | null;
  licenseName: string | null;
  licenseLink: string | null;
  /** From the record's `gguf`: the parameter count, the architecture and the context length the .gguf files declare. */
  ggufTotal: number | null;
  ggufArchitecture: string | null;
  ggufContextLength: number | null;
  /** From the record's `safetensors`: the total parameter count, and the count per dtype (`{BF16: n, F32: n}`). */
  safetensorsTotal: number | null;
  safetensorsParameters: Record<string, number> | null;
  /** From the record's `config`: `model_type` and `architectures`. */
  modelType: string | null;
  architectures: string[] | null;
  /**
   * From the record's `config` when it holds them: how many experts a Mixture-of-Experts layer has, and how many
   * each token is routed to (see config-experts.ts for the keys read).
   */
  experts: number | null;
  expertsPerToken: number | null;
  /**
   * How many files the repository holds, and the names of those that tell a format (weights, quantisation and
   * adapter configs).
   */
  fileCount: number | null;
  formatFiles: string[] | null;
  downloadsAllTime: number | null;
}

export interface EdgeRow {
  child: string;
  parent: string;
  relation: Relation;
  source: EdgeSource;
  /** The tag, card value or CSV cell that produced this edge. */
  raw: string;
  /**
   * The parent is an org-less word that is no legacy id the Hub moved (`my-base-model`): the store keeps the edge
   * only when a model of that id has a record, and otherwise stores the raw value as a `no-org` finding.
   */
  orgless?: boolean;
}

export interface UnresolvedRow {
  child: string;
  raw: string;
  reason: UnresolvedReason;
}

export interface RecordRows {
  /** A record of the model itself; absent when the source only names a model. */
  model: ModelRow | null;
  /** The model's details, when the source is a whole Hub record (`model` is then set too). */
  details?: ModelDetailsRow;
  /** Ids the source shows to exist (listed by the Hub) although it carries no record of them. */
  existing: string[];
  edges: EdgeRow[];
  unresolved: UnresolvedRow[];
  /**
   * When set, this record is the whole truth about the child's declared bases: its earlier `tag` and `card`
   * edges and unresolved values are replaced by the ones here (a base removed from a card disappears).
   */
  replacesDeclaredBasesOf: string | null;
  /** Problems that did not stop the record from being saved (a field of the wrong type, say). */
  warnings: string[];
}

export function emptyModelRow(id: string): ModelRow {
  return {
    id,
    author: null,
    createdAt: null,
    lastModified: null,
    downloads: null,
    likes: null,
    libraryName: null,
    pipelineTag: null,
    license: null,
    gated: null,
    architecture: null,
    baseModelRaw: null,
  };
}

/**
 * One item of a source: a record's rows, a record that could not be read (reported and skipped), or a warning
 * about the source as a whole (one line summing up many rows), which takes a position but is no record.
 */
export type SourceItem = { rows: RecordRows } | { skipped: string } | { warning: string };
