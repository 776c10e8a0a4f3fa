// Reads a family-tree dump (`{"models": [...]}`) as records: each entry's own record through the Hub-record
// save path, plus the children that its `children`, `adapters`, `quantized` and `merges` lists name.

import type { SourceItem } from "./record-rows.js";
import { readFamilyTreeEntry } from "./family-tree-record.js";
import { rowsFromHubRecord } from "./hub-record-rows.js";
import type { RecordRows } from "./record-rows.js";
import { readAllText, SourceFileError } from "./source-file.js";

function rowsOfEntry(entry: unknown): RecordRows {
  const tree = readFamilyTreeEntry(entry);
  const rows: RecordRows =
    tree.record === null
      ? { model: null, existing: [tree.id], edges: [], unresolved: [], replacesDeclaredBasesOf: null, warnings: [] }
      : rowsFromHubRecord(tree.record);
  rows.warnings.push(...tree.problems);
  for (const listed of tree.children) {
    rows.edges.push({
      child: listed.child,
      parent: tree.id,
      relation: listed.relation,
      source: "file",
      raw: listed.raw,
    });
  }
  return rows;
}

export async function* familyTreeItems(path: string): AsyncGenerator<SourceItem> {
  const text = await readAllText(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SourceFileError(
      `ingest: "${path}" is not complete JSON (${(error as Error).message}); nothing was imported from it`,
    );
  }
  const models = (parsed as { models?: unknown } | null)?.models;
  if (!Array.isArray(models))
    throw new SourceFileError(`ingest: "${path}" is not a family-tree dump: expected {"models": [...]}`);
  for (const [index, entry] of models.entries()) {
    try {
      yield { rows: rowsOfEntry(entry) };
    } catch (error) {
      yield { skipped: `${path} entry ${index + 1}: ${(error as Error).message}` };
    }
  }
}
