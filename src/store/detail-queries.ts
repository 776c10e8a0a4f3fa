// Reading what models' records tell beyond lineage, by node number, in batches: the facts behind the runnable
// copies (format, bits, publisher, downloads), the ids of the models the licence answers name.

import type { ModelDetailsRow } from "../ingest/record-rows.js";
import { connectionOf, type Store } from "./database-handle.js";
import type { ModelSummaryRow } from "./model-queries.js";

/** Node numbers handed to SQLite as one JSON list per query: one statement, whatever the number of models. */
const CHUNK = 200_000;

/** Rows of `sql` for these node numbers; `sql` joins `json_each(?) AS wanted` on `wanted.value`. */
function forNodes<T>(store: Store, nodes: Iterable<number>, sql: string, raw = false): T[] {
  const statement = connectionOf(store).prepare(sql).raw(raw);
  // In ascending order the lookups walk the table's B-tree front to back: about twice as fast as in any order.
  const all = Uint32Array.from(nodes).sort();
  let rows: T[] = [];
  for (let start = 0; start < all.length; start += CHUNK)
    rows = rows.concat(statement.all(`[${all.subarray(start, start + CHUNK).join(",")}]`) as T[]);
  return rows;
}

/** The ids of these node numbers (numbers with no model left out), read in one statement. */
export function idsOfNodeList(store: Store, nodes: Iterable<number>): Map<number, string> {
  const rows = forNodes<[number, string]>(
    store,
    nodes,
    `SELECT m.node, m.id FROM json_each(?) AS wanted JOIN models m ON m.node = wanted.value`,
    true,
  );
  return new Map(rows);
}

export interface CopyFactsRow extends ModelSummaryRow {
  library_name: string | null;
  /** 1 when the model's record was read (its details are stored), else 0. */
  has_record: number;
  /** JSON lists, or null. */
  tags: string | null;
  format_files: string | null;
  gguf_total: number | null;
  gguf_context_length: number | null;
}

/**
 * What telling a model's format and bits needs, and the context length its .gguf files declare, for these node numbers
 * (numbers with no model left out).
 */
export function copyFacts(store: Store, nodes: Iterable<number>): CopyFactsRow[] {
  return forNodes<CopyFactsRow>(
    store,
    nodes,
    `SELECT m.node, m.id, m.author, m.downloads, m.likes, m.created_at, m.library_name,
            d.node IS NOT NULL AS has_record, d.tags, d.format_files, d.gguf_total, d.gguf_context_length
     FROM json_each(?) AS wanted JOIN models m ON m.node = wanted.value LEFT JOIN model_details d ON d.node = m.node`,
  );
}

/** The ids of node numbers as columns: entry i of `ids` belongs to the model `nodes[i]`. */
export interface IdColumns {
  nodes: number[];
  ids: string[];
}

/**
 * The ids of these node numbers (numbers with no model left out) as one JSON list per column: a family of 150,000
 * models is two strings to parse, not 150,000 rows to build and collect.
 */
export function idColumns(store: Store, nodes: Iterable<number>): IdColumns {
  let columns: IdColumns = { nodes: [], ids: [] };
  const chunks = forNodes<[string, string]>(
    store,
    nodes,
    `SELECT json_group_array(m.node), json_group_array(m.id)
     FROM json_each(?) AS wanted JOIN models m ON m.node = wanted.value`,
    true,
  );
  for (const [nodeList, idList] of chunks) {
    columns = {
      nodes: columns.nodes.concat(JSON.parse(nodeList) as number[]),
      ids: columns.ids.concat(JSON.parse(idList) as string[]),
    };
  }
  return columns;
}

/** A model's stored details: what its last record carried (see ModelDetailsRow), read back. */
export type ModelDetailsRecord = Omit<ModelDetailsRow, "hasCard">;

/** The stored details of one model, or null when its record was never read. */
export function modelDetails(store: Store, node: number): ModelDetailsRecord | null {
  const row = connectionOf(store)
    .prepare(
      `SELECT tags, card_license, license_name, license_link, gguf_total, gguf_architecture, gguf_context_length,
              safetensors_total, safetensors_parameters, model_type, architectures, experts, experts_per_token,
              file_count, format_files, downloads_all_time
       FROM model_details WHERE node = ?`,
    )
    .get(node) as Record<string, string | number | null> | undefined;
  if (row === undefined) return null;
  const list = (value: string | number | null) => (typeof value === "string" ? (JSON.parse(value) as string[]) : null);
  const text = (value: string | number | null) => (typeof value === "string" ? value : null);
  const count = (value: string | number | null) => (typeof value === "number" ? value : null);
  return {
    tags: list(row.tags ?? null) ?? [],
    cardLicense: text(row.card_license ?? null),
    licenseName: text(row.license_name ?? null),
    licenseLink: text(row.license_link ?? null),
    ggufTotal: count(row.gguf_total ?? null),
    ggufArchitecture: text(row.gguf_architecture ?? null),
    ggufContextLength: count(row.gguf_context_length ?? null),
    safetensorsTotal: count(row.safetensors_total ?? null),
    safetensorsParameters:
      typeof row.safetensors_parameters === "string"
        ? (JSON.parse(row.safetensors_parameters) as Record<string, number>)
        : null,
    modelType: text(row.model_type ?? null),
    architectures: list(row.architectures ?? null),
    experts: count(row.experts ?? null),
    expertsPerToken: count(row.experts_per_token ?? null),
    fileCount: count(row.file_count ?? null),
    formatFiles: list(row.format_files ?? null),
    downloadsAllTime: count(row.downloads_all_time ?? null),
  };
}

/** What the viewer's family table shows of a model beyond the lineage index: its record's counts, date, licence. */
export interface TableFactsRow {
  node: number;
  id: string;
  downloads: number | null;
  likes: number | null;
  created_at: string | null;
  license: string | null;
}

/** The family table's facts for these node numbers (numbers with no model left out), read in one statement. */
export function tableFacts(store: Store, nodes: Iterable<number>): TableFactsRow[] {
  return forNodes<TableFactsRow>(
    store,
    nodes,
    `SELECT m.node, m.id, m.downloads, m.likes, m.created_at, m.license
     FROM json_each(?) AS wanted JOIN models m ON m.node = wanted.value`,
  );
}
