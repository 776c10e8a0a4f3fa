// A larger, synthetic but realistic record set for benchmarks: the recorded records copied under new ids
// (`org/name-copy3`), each copy's `base_model` tags and card pointing at the same copy of the parent.

import type { HubModelRecord } from "../../src/hub/api-types.js";
import { syntheticObjectId } from "./recorded-records.js";

function renamer(ids: ReadonlySet<string>, copy: number): (id: string) => string {
  return (id) => (copy === 0 || !ids.has(id) ? id : `${id}-copy${copy}`);
}

function renameTag(tag: string, rename: (id: string) => string): string {
  if (!tag.startsWith("base_model:")) return tag;
  const rest = tag.slice("base_model:".length);
  const colon = rest.indexOf(":");
  return colon > 0 && !rest.slice(colon + 1).includes(":")
    ? `base_model:${rest.slice(0, colon)}:${rename(rest.slice(colon + 1))}`
    : `base_model:${rename(rest)}`;
}

function renameCardBase(value: unknown, rename: (id: string) => string): unknown {
  if (typeof value === "string") return rename(value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === "string" ? rename(item) : item));
  return value;
}

/** `copies` copies of the records (copy 0 is the original); `copies * records.length` records in all. */
export function replicateRecords(records: readonly HubModelRecord[], copies: number): HubModelRecord[] {
  const ids = new Set(records.map((record) => record.id));
  const result: HubModelRecord[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const rename = renamer(ids, copy);
    for (const record of records) {
      if (copy === 0) {
        result.push(record);
        continue;
      }
      const id = rename(record.id);
      result.push({
        ...record,
        _id: syntheticObjectId(id),
        id,
        tags: record.tags?.map((tag) => renameTag(tag, rename)),
        ...(record.cardData === undefined
          ? {}
          : { cardData: { ...record.cardData, base_model: renameCardBase(record.cardData.base_model, rename) } }),
      });
    }
  }
  return result;
}
