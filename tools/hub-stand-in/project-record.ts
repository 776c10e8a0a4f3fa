// What the stand-in sends of a record: with `expand`, only `_id`, `id` and the expanded keys (as the Hub does);
// without, the Hub's default list fields. The single-model route can also expand `baseModels`.

import type { HubModelRecord } from "../../src/hub/api-types.js";

const DEFAULT_LIST_FIELDS = [
  "likes",
  "downloads",
  "private",
  "pipeline_tag",
  "library_name",
  "tags",
  "createdAt",
] as const;

/** The `baseModels` expansion: the relation of the typed tags and the bases they name. */
function baseModelsOf(record: HubModelRecord): { relation: string; models: { id: string }[] } | undefined {
  const typed = (record.tags ?? [])
    .map((tag) => /^base_model:([a-z]+):(.+)$/.exec(tag))
    .filter((match) => match !== null);
  const first = typed[0];
  if (first === undefined) return undefined;
  return { relation: first[1] ?? "", models: typed.map((match) => ({ id: match[2] ?? "" })) };
}

export function projectRecord(
  record: HubModelRecord,
  expand: readonly string[],
  single: boolean,
): Record<string, unknown> {
  const source = record as unknown as Record<string, unknown>;
  const result: Record<string, unknown> = { _id: record._id, id: record.id };
  const fields = expand.length > 0 ? expand : single ? Object.keys(source) : DEFAULT_LIST_FIELDS;
  for (const field of fields) {
    if (field === "baseModels" && single) {
      const bases = baseModelsOf(record);
      if (bases !== undefined) result.baseModels = bases;
    } else if (source[field] !== undefined) {
      result[field] = source[field];
    }
  }
  if (expand.length === 0) result.modelId = record.id;
  return result;
}

/** JSON of list items, each record's text kept per `expand` set so large listings are served quickly. */
export function createListSerializer(): (records: readonly HubModelRecord[], expand: readonly string[]) => string {
  const cache = new Map<string, WeakMap<HubModelRecord, string>>();
  return (records, expand) => {
    const key = expand.join(",");
    let texts = cache.get(key);
    if (texts === undefined) cache.set(key, (texts = new WeakMap()));
    const parts = records.map((record) => {
      let text = texts.get(record);
      if (text === undefined) texts.set(record, (text = JSON.stringify(projectRecord(record, expand, false))));
      return text;
    });
    return `[${parts.join(",")}]`;
  };
}
