// Turns a card's raw `base_model` value (string, list, URL, local path, empty, `N/A`, ...) into model ids,
// and says why each value that is not a usable id was left out. Nothing is dropped without a reason.

import { isModelId, modelIdFromUrl } from "../vocabulary/model-id.js";

export const UNRESOLVED_REASONS = [
  "empty",
  "not-available",
  "local-path",
  "url-not-a-model",
  "not-a-model-id",
  "wrong-type",
  "not-resolved-by-hub",
] as const;
export type UnresolvedReason = (typeof UNRESOLVED_REASONS)[number];

export interface UnresolvedValue {
  raw: string;
  reason: UnresolvedReason;
}

export interface NormalizedBaseModel {
  /** Distinct ids in the order written; duplicates (also case variants of one another) appear once. */
  ids: string[];
  /** Each of `ids` as the card wrote it (a URL, a quoted or padded id), at the same index. */
  written: string[];
  unresolved: UnresolvedValue[];
  /** Values that named an id already listed (exactly or as a case variant), as written. */
  duplicates: string[];
}

const NOT_AVAILABLE = new Set(["n/a", "na", "none", "null", "nil", "-", "unknown", "tbd"]);

function isLocalPath(value: string): boolean {
  return /^(\.{1,2}[\\/]|[\\/]|~[\\/]|[A-Za-z]:[\\/])/.test(value) || value.startsWith("file:");
}

function normalizeOne(raw: string): { id: string } | UnresolvedValue {
  const value = raw
    .trim()
    .replace(/^["']|["']$/g, "")
    .trim();
  if (value.length === 0) return { raw, reason: "empty" };
  if (NOT_AVAILABLE.has(value.toLowerCase())) return { raw, reason: "not-available" };
  if (isLocalPath(value)) return { raw, reason: "local-path" };
  if (/^[a-z]+:\/\//i.test(value) || /^(www\.)?(huggingface\.co|hf\.co)\//i.test(value)) {
    const id = modelIdFromUrl(value);
    return id === null ? { raw, reason: "url-not-a-model" } : { id };
  }
  const trimmed = value.replace(/\/+$/, "");
  return isModelId(trimmed) ? { id: trimmed } : { raw, reason: "not-a-model-id" };
}

/** Normalises any value found under `cardData.base_model`. */
export function normalizeBaseModel(value: unknown): NormalizedBaseModel {
  const result: NormalizedBaseModel = { ids: [], written: [], unresolved: [], duplicates: [] };
  if (value === undefined || value === null) return result;
  const values = Array.isArray(value) ? value : [value];
  const seen = new Set<string>();
  for (const item of values) {
    if (item === null || item === undefined) {
      result.unresolved.push({ raw: String(item), reason: "empty" });
      continue;
    }
    if (typeof item !== "string") {
      result.unresolved.push({ raw: JSON.stringify(item), reason: "wrong-type" });
      continue;
    }
    const one = normalizeOne(item);
    if ("id" in one) {
      const key = one.id.toLowerCase();
      if (seen.has(key)) result.duplicates.push(item);
      else {
        seen.add(key);
        result.ids.push(one.id);
        result.written.push(item);
      }
    } else {
      result.unresolved.push(one);
    }
  }
  return result;
}
