// Reads an edge list CSV: `source,target,edge` (parent, child, relation) as in the 30K lineage snapshot, or
// `child,parent[,relation]` under any of the usual names; a parent cell may list several ids (a merge).

import { normalizeBaseModel, type NormalizedBaseModel } from "./normalize-base-model.js";
import { readModelReference } from "./model-reference.js";
import type { EdgeRow, SourceItem, UnresolvedRow } from "./record-rows.js";
import { parseRelation } from "../vocabulary/relation.js";
import { csvRecordBatches, headerOf } from "./csv-records.js";
import { peekText, SourceFileError } from "./source-file.js";
import { previewJson } from "./value-text.js";

export interface EdgeColumns {
  child: string;
  parent: string;
  relation: string | null;
}

/** The usual names of each column, most specific first (all compared in lower case). */
export const CHILD_COLUMN_NAMES = ["child", "target", "current_model", "model_id", "modelid", "model", "id"];
export const PARENT_COLUMN_NAMES = ["parent", "source", "base_model", "base_models", "base"];
export const RELATION_COLUMN_NAMES = ["relation", "base_model_relation", "edge", "edge_type", "type"];

/** Finds the columns from a header; throws naming the file when child or parent cannot be found. */
export async function detectEdgeColumns(path: string, given: Partial<EdgeColumns> = {}): Promise<EdgeColumns> {
  const header = headerOf((await peekText(path, 4096)).split(/\r?\n/)[0] ?? "");
  const find = (explicit: string | null | undefined, names: string[]) => {
    if (explicit) {
      if (!header.includes(explicit.toLowerCase()))
        throw new SourceFileError(`ingest: "${path}" has no column "${explicit}" (columns: ${header.join(", ")})`);
      return explicit.toLowerCase();
    }
    return names.find((name) => header.includes(name)) ?? null;
  };
  const child = find(given.child, CHILD_COLUMN_NAMES);
  const parent = find(given.parent, PARENT_COLUMN_NAMES);
  if (child === null || parent === null) {
    throw new SourceFileError(
      `ingest: "${path}" is not an edge list: need a child column (${CHILD_COLUMN_NAMES.join(", ")}) and a ` +
        `parent column (${PARENT_COLUMN_NAMES.join(", ")}), found ${header.join(", ")}; ` +
        "name them with --child-column and --parent-column",
    );
  }
  return { child, parent, relation: find(given.relation, RELATION_COLUMN_NAMES) };
}

/** The ids a parent cell lists: `a/b`, `a/b,c/d`, `a/b; c/d`, one per line, or `["a/b", "c/d"]`. */
export function splitParentCell(cell: string): string[] {
  const trimmed = cell.trim();
  const inner = /^\[.*\]$/s.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
  if (!/[,;\n]/.test(inner)) return [cell];
  const parts = inner.split(/[,;\r\n]+/).filter((part) => part.trim().length > 0);
  // Separators and nothing else (`,`) name no model: the cell itself is the finding.
  return parts.length > 0 ? parts : [cell];
}

/**
 * Parent cells remembered with what they name, at most this many at once: an edge list names the same bases again and
 * again (a popular base has thousands of children), and normalising a cell was a fifth of reading a row.
 */
const REMEMBERED_PARENT_CELLS = 65_536;

/** What a parent cell names (`normalizeBaseModel` of its items), remembered for the cells read before. */
function createParentReader(): (cell: string) => NormalizedBaseModel {
  const remembered = new Map<string, NormalizedBaseModel>();
  return (cell) => {
    let parents = remembered.get(cell);
    if (parents === undefined) {
      if (remembered.size === REMEMBERED_PARENT_CELLS) remembered.clear();
      parents = normalizeBaseModel(splitParentCell(cell));
      remembered.set(cell, parents);
    }
    return parents;
  };
}

/** One item per row; relation words it does not know are summed up in one warning after the last row. */
export async function* edgesCsvItems(path: string, given: Partial<EdgeColumns> = {}): AsyncGenerator<SourceItem> {
  const columns = await detectEdgeColumns(path, given);
  const unknownRelations = new Map<string, number>();
  const parentsOf = createParentReader();
  // The header's own spelling of each column (found in any case), from the first row.
  let keys: { child: string; parent: string; relation: string | null } | null = null;
  // A piece of the file at a time: one step of the reader per piece, not per row.
  for await (const batch of csvRecordBatches(path)) {
    for (const item of batch) {
      if ("problem" in item) {
        yield { skipped: item.problem };
        continue;
      }
      if (keys === null) {
        const names = Object.keys(item.row);
        const spelled = (lower: string) => names.find((name) => name.toLowerCase() === lower) ?? lower;
        keys = {
          child: spelled(columns.child),
          parent: spelled(columns.parent),
          relation: columns.relation === null ? null : spelled(columns.relation),
        };
      }
      const childRaw = item.row[keys.child] ?? "";
      const parentRaw = item.row[keys.parent] ?? "";
      const relationRaw = keys.relation === null ? "" : (item.row[keys.relation] ?? "");
      const child = readModelReference(childRaw);
      if ("reason" in child || child.orgless) {
        const reason = "reason" in child ? child.reason : "no-org";
        yield { skipped: `${path} line ${item.line}: child ${previewJson(childRaw)} is not a model id (${reason})` };
        continue;
      }
      const parents = parentsOf(parentRaw);
      const relation = parseRelation(relationRaw);
      if (relationRaw.trim() !== "" && relation === null) {
        const word = relationRaw.trim().slice(0, 40);
        unknownRelations.set(word, (unknownRelations.get(word) ?? 0) + 1);
      }
      const chosen = relation ?? (parents.ids.length > 1 ? "merge" : "unknown");
      // Loops rather than map callbacks and a spread: fewer objects made for each row.
      const edges: EdgeRow[] = [];
      for (let index = 0; index < parents.ids.length; index++) {
        const edge: EdgeRow = {
          child: child.id,
          parent: parents.ids[index] as string,
          relation: chosen,
          source: "file",
          raw: parents.written[index] ?? parentRaw,
        };
        if (parents.orgless[index] === true) edge.orgless = true;
        edges.push(edge);
      }
      const unresolved: UnresolvedRow[] = [];
      for (const { raw, reason } of parents.unresolved) unresolved.push({ child: child.id, raw, reason });
      yield {
        rows: { model: null, existing: [child.id], edges, unresolved, replacesDeclaredBasesOf: null, warnings: [] },
      };
    }
  }
  if (unknownRelations.size > 0) {
    const rows = [...unknownRelations.values()].reduce((sum, count) => sum + count, 0);
    const words = [...unknownRelations]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([word, count]) => `${previewJson(word)} ${count}`);
    yield {
      warning:
        `${path}: ${rows} rows have a relation word hf-lineage does not know, stored as unknown: ` +
        `${words.join(", ")}${unknownRelations.size > 10 ? `, and ${unknownRelations.size - 10} more words` : ""}`,
    };
  }
}
