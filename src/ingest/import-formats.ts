// The recorded-file formats hf-lineage imports, how a file's format is recognised, and the reader for each.

import type { EdgeColumns } from "./edges-csv-items.js";
import { edgesCsvItems, PARENT_COLUMN_NAMES } from "./edges-csv-items.js";
import { familyTreeItems } from "./family-tree-items.js";
import { hubJsonItems } from "./hub-json-items.js";
import { modelsCsvItems } from "./models-csv-items.js";
import { headerOf } from "./csv-records.js";
import type { SourceItem } from "./record-rows.js";
import { peekText, SourceFileError } from "./source-file.js";

export const IMPORT_FORMATS = ["hub-json", "edges-csv", "models-csv", "family-trees"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Recognises a file's format from its content (not its name): JSON shape, or a CSV's header. */
export async function detectFormat(path: string): Promise<ImportFormat> {
  const head = (await peekText(path, 4096)).replace(/^\uFEFF/, "").trimStart();
  if (head.length === 0) throw new SourceFileError(`ingest: "${path}" is empty`);
  if (head.includes("\u0000")) throw new SourceFileError(`ingest: "${path}" is a binary file, not JSON or CSV text`);
  if (/^\{\s*"models"\s*:/.test(head)) return "family-trees";
  if (head.startsWith("[") || head.startsWith("{")) return "hub-json";
  const header = headerOf(head.split(/\r?\n/)[0] ?? "");
  const hasParent = PARENT_COLUMN_NAMES.some((name) => header.includes(name));
  if (hasParent) return "edges-csv";
  if (header.includes("id")) return "models-csv";
  throw new SourceFileError(
    `ingest: cannot tell the format of "${path}" ` +
      `(not JSON, and the CSV header "${header.join(",")}" names no id or parent column); pass --format`,
  );
}

export function itemsOf(
  path: string,
  format: ImportFormat,
  columns: Partial<EdgeColumns> = {},
): AsyncGenerator<SourceItem> {
  switch (format) {
    case "hub-json":
      return hubJsonItems(path);
    case "edges-csv":
      return edgesCsvItems(path, columns);
    case "models-csv":
      return modelsCsvItems(path);
    case "family-trees":
      return familyTreeItems(path);
  }
}
