// The nested facts of a record (gguf, safetensors, config) read as objects and counts: what is not an object or not a
// count is unknown (null), and a value given but unusable is named in a warning, never stored as a number.

import { previewJson } from "./value-text.js";

/** The value as a plain object, or null (a list, text, a number or nothing). */
export function objectOf(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A count: a non-negative safe integer (not NaN, not negative, not text, not a fraction), else null. */
export function countOf(value: unknown): number | null {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/** The count at `name` (written `gguf.context_length`), with a warning when a value is there but is no count. */
export function countField(value: unknown, name: string, warnings: string[]): number | null {
  const count = countOf(value);
  if (count === null && value !== undefined && value !== null)
    warnings.push(`field "${name}" should be a count, got ${previewJson(value, 40)}; stored as empty`);
  return count;
}
