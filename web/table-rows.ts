// The family table's rows as values: built from /api/family-table's answer, filtered (text, relation, licence),
// sorted by any column with unknown values last in either direction, and written as CSV. Pure, so tested alone.

import type { FamilyTableResponse, Relation } from "./api.js";

export interface TableRow {
  id: string;
  relation: Relation | null;
  depth: number;
  downloads: number | null;
  likes: number | null;
  created: string | null;
  licence: string | null;
  children: number;
  descendants: number;
  placeholder: boolean;
  /** The in-family centrality shown, null when none is shown or the model is not drawn. */
  centrality: number | null;
}

export const TABLE_COLUMNS = [
  "id",
  "relation",
  "depth",
  "downloads",
  "likes",
  "created",
  "licence",
  "children",
  "descendants",
  "centrality",
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

export interface TableSort {
  column: TableColumn;
  descending: boolean;
}

export interface TableFilter {
  /** Rows whose id contains this text, in any case; empty for all. */
  text: string;
  /** One relation, "none" for models with no base, or null for all. */
  relation: Relation | "none" | null;
  /** One licence, "none" for rows that state none, or null for all. */
  licence: string | null;
}

export const NO_FILTER: TableFilter = { text: "", relation: null, licence: null };

export function tableRows(response: FamilyTableResponse): TableRow[] {
  return response.rows.map(
    ([id, relation, depth, downloads, likes, created, licence, children, descendants, placeholder]) => ({
      id,
      relation,
      depth,
      downloads,
      likes,
      created,
      licence,
      children,
      descendants,
      placeholder,
      centrality: null,
    }),
  );
}

export function filterRows(rows: readonly TableRow[], filter: TableFilter): TableRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (text === "" || row.id.toLowerCase().includes(text)) &&
      (filter.relation === null || (row.relation ?? "none") === filter.relation) &&
      (filter.licence === null || (row.licence ?? "none") === filter.licence),
  );
}

/** The rows sorted by one column (ties by id); unknown values (null) always last. A new array. */
export function sortRows(rows: readonly TableRow[], sort: TableSort): TableRow[] {
  const sign = sort.descending ? -1 : 1;
  const byId = (a: TableRow, b: TableRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...rows].sort((a, b) => {
    const x = a[sort.column];
    const y = b[sort.column];
    if (x === null || y === null) return x === y ? byId(a, b) : x === null ? 1 : -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : x < y ? -1 : x > y ? 1 : 0;
    return sign * order || byId(a, b);
  });
}

/** The licences the rows state, most rows first, then by name; "none" for rows that state none. */
export function licencesOf(rows: readonly TableRow[]): string[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.licence ?? "none", (counts.get(row.licence ?? "none") ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([licence]) => licence);
}

/**
 * One CSV field (RFC 4180): text quoted with quotes doubled; unknown is an empty field. Text that a spreadsheet
 * would run as a formula (=, +, -, @, tab, carriage return first) gets a leading apostrophe, as OWASP advises.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll(`"`, `""`)}"`;
}

/** The rows as CSV with a header, CRLF lines; `centrality` names that column (left out when null). */
export function tableCsv(rows: readonly TableRow[], centrality: string | null): string {
  const columns = TABLE_COLUMNS.filter((column) => column !== "centrality" || centrality !== null);
  const header = columns.map((column) => (column === "centrality" ? (centrality ?? column) : column));
  const lines = [header.join(",")];
  for (const row of rows) lines.push(columns.map((column) => csvField(row[column])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
