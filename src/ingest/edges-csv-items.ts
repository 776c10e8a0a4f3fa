// Reads an edge list CSV: `source,target,edge` (parent, child, relation) as in the 30K lineage snapshot, or
// `child,parent[,relation]`; columns are found from the header or named by the caller.

import { normalizeBaseModel } from "./normalize-base-model.js";
import type { SourceItem } from "./record-rows.js";
import { isModelId, modelIdFromUrl } from "../vocabulary/model-id.js";
import { parseRelation } from "../vocabulary/relation.js";
import { csvRecords, headerOf } from "./csv-records.js";
import { peekText, SourceFileError } from "./source-file.js";

export interface EdgeColumns {
  child: string;
  parent: string;
  relation: string | null;
}

const CHILD_NAMES = ["child", "target", "model", "model_id", "id"];
const PARENT_NAMES = ["parent", "source", "base_model", "base"];
const RELATION_NAMES = ["relation", "edge", "edge_type", "type"];

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
  const child = find(given.child, CHILD_NAMES);
  const parent = find(given.parent, PARENT_NAMES);
  if (child === null || parent === null) {
    throw new SourceFileError(
      `ingest: "${path}" is not an edge list: need a child and a parent column (source,target or child,parent), ` +
        `found ${header.join(", ")}`,
    );
  }
  return { child, parent, relation: find(given.relation, RELATION_NAMES) };
}

function idOf(value: string): string | null {
  const trimmed = value.trim();
  return isModelId(trimmed) ? trimmed : modelIdFromUrl(trimmed);
}

export async function* edgesCsvItems(path: string, given: Partial<EdgeColumns> = {}): AsyncGenerator<SourceItem> {
  const columns = await detectEdgeColumns(path, given);
  for await (const item of csvRecords(path)) {
    if ("problem" in item) {
      yield { skipped: item.problem };
      continue;
    }
    const lowered = Object.fromEntries(Object.entries(item.row).map(([k, v]) => [k.toLowerCase(), v]));
    const childRaw = lowered[columns.child] ?? "";
    const parentRaw = lowered[columns.parent] ?? "";
    const relationRaw = columns.relation === null ? "" : (lowered[columns.relation] ?? "");
    const where = `${path} line ${item.line}`;
    const child = idOf(childRaw);
    if (child === null) {
      yield { skipped: `${where}: child ${JSON.stringify(childRaw)} is not a model id` };
      continue;
    }
    const parent = normalizeBaseModel(parentRaw);
    const relation = parseRelation(relationRaw);
    const warnings =
      relationRaw.trim() !== "" && relation === null
        ? [`relation ${JSON.stringify(relationRaw)} is not one we know; stored as unknown`]
        : [];
    yield {
      rows: {
        model: null,
        existing: [child],
        edges: parent.ids.map((id) => ({
          child,
          parent: id,
          relation: relation ?? "unknown",
          source: "file" as const,
          raw: parentRaw,
        })),
        unresolved: parent.unresolved.map((u) => ({ child, raw: u.raw, reason: u.reason })),
        replacesDeclaredBasesOf: null,
        warnings,
      },
    };
  }
}
