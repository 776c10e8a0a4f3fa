// Turns a card's raw `base_model` value (string, list, URL, local path, empty, `N/A`, ...) into model ids,
// and says why each value that is not a usable id was left out. Nothing is dropped without a reason.

import { readModelReference, REFERENCE_FINDINGS } from "./model-reference.js";
import { describeValue, storableRaw } from "./value-text.js";

/** Bumped whenever the same records would give other rows: a database built from bundled files is rebuilt. */
export const INGEST_REVISION = 2;

export const UNRESOLVED_REASONS = [...REFERENCE_FINDINGS, "wrong-type", "not-resolved-by-hub"] as const;
export type UnresolvedReason = (typeof UNRESOLVED_REASONS)[number];

/** Reasons written by earlier versions, read as today's. */
export const RENAMED_REASONS: Readonly<Record<string, UnresolvedReason>> = {
  "not-available": "placeholder-text",
  "not-a-model-id": "bad-syntax",
};

export interface UnresolvedValue {
  raw: string;
  reason: UnresolvedReason;
}

export interface NormalizedBaseModel {
  /** Distinct ids in the order written; duplicates (also case variants of one another) appear once. */
  ids: string[];
  /** Each of `ids` as the card wrote it (a URL, a quoted or padded id), at the same index. */
  written: string[];
  /** Whether each of `ids` is an org-less word that is no known legacy id (a model only if it has a record). */
  orgless: boolean[];
  /** Values that name no model, each raw value once. */
  unresolved: UnresolvedValue[];
  /** Values that named an id already listed (exactly or as a case variant), as written. */
  duplicates: string[];
}

/** More items than this in one list are not read; one finding says how many were left. */
export const MAX_LIST_ITEMS = 1000;

/** Normalises any value found under `cardData.base_model` (or an edge list's parent cell, split into items). */
export function normalizeBaseModel(value: unknown): NormalizedBaseModel {
  const result: NormalizedBaseModel = { ids: [], written: [], orgless: [], unresolved: [], duplicates: [] };
  if (value === undefined || value === null) return result;
  const values: unknown[] = Array.isArray(value) ? value : [value];
  const seen = new Set<string>();
  const seenRaw = new Set<string>();
  const report = (raw: string, reason: UnresolvedReason) => {
    const stored = storableRaw(raw);
    if (seenRaw.has(stored)) return;
    seenRaw.add(stored);
    result.unresolved.push({ raw: stored, reason });
  };
  for (const item of values.slice(0, MAX_LIST_ITEMS)) {
    if (item === null || item === undefined) {
      report(describeValue(item), "empty");
      continue;
    }
    if (typeof item !== "string") {
      report(describeValue(item), "wrong-type");
      continue;
    }
    const one = readModelReference(item);
    if ("reason" in one) {
      report(item, one.reason);
      continue;
    }
    const key = one.id.toLowerCase();
    if (seen.has(key)) result.duplicates.push(storableRaw(item));
    else {
      seen.add(key);
      result.ids.push(one.id);
      result.written.push(storableRaw(item));
      result.orgless.push(one.orgless);
    }
  }
  if (values.length > MAX_LIST_ITEMS)
    report(`(list of ${values.length} items; those after the first ${MAX_LIST_ITEMS} were not read)`, "too-long");
  return result;
}
