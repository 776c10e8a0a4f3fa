// Reads a CSV of model records: an `id` column and any of author/owner, architecture, pipeline_tag,
// library_name, license, downloads, likes, created_at, last_modified (the 30K snapshot's metadata.csv shape).

import type { SourceItem } from "./record-rows.js";
import { readModelReference } from "./model-reference.js";
import { previewJson, storableRaw } from "./value-text.js";
import { csvRecords } from "./csv-records.js";
import { toIsoDate } from "./iso-date.js";
import { emptyModelRow } from "./record-rows.js";

function text(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" || trimmed.toLowerCase() === "unknown" || trimmed.toUpperCase() === "N/A"
    ? null
    : storableRaw(trimmed);
}

function count(value: string | undefined, name: string, warnings: string[]): number | null {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") return null;
  const number = Number(trimmed);
  if (Number.isInteger(number) && number >= 0) return number;
  warnings.push(`${name} ${previewJson(trimmed)} is not a count; stored as empty`);
  return null;
}

export async function* modelsCsvItems(path: string): AsyncGenerator<SourceItem> {
  for await (const item of csvRecords(path)) {
    if ("problem" in item) {
      yield { skipped: item.problem };
      continue;
    }
    const row = Object.fromEntries(Object.entries(item.row).map(([k, v]) => [k.toLowerCase(), v]));
    // A row is the model's record: an org-less id is a model here.
    const reference = readModelReference(row.id ?? "");
    if ("reason" in reference) {
      yield {
        skipped: `${path} line ${item.line}: id ${previewJson(row.id ?? "")} is not a model id (${reference.reason})`,
      };
      continue;
    }
    const id = reference.id;
    const warnings: string[] = [];
    const model = emptyModelRow(id);
    model.author = text(row.author ?? row.owner);
    model.architecture = text(row.architecture ?? row.model_type);
    model.pipelineTag = text(row.pipeline_tag);
    model.libraryName = text(row.library_name);
    model.license = text(row.license);
    model.downloads = count(row.downloads, "downloads", warnings);
    model.likes = count(row.likes, "likes", warnings);
    model.createdAt = toIsoDate(row.created_at);
    model.lastModified = toIsoDate(row.last_modified);
    yield { rows: { model, existing: [], edges: [], unresolved: [], replacesDeclaredBasesOf: null, warnings } };
  }
}
