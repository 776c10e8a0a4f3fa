// The safetensors parameter count per dtype (`safetensors.parameters`: `{"BF16": 3918786560, "F32": 1024}`), kept
// entry by entry: an entry that is not a dtype name and a count is left out with a warning, never stored.

import { countOf, objectOf } from "./record-counts.js";
import { previewJson } from "./value-text.js";

/** A dtype as safetensors names one (`BF16`, `F8_E4M3`, `I8`, `BOOL`): letters, digits and underscores. */
const DTYPE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

/**
 * The counts by dtype, names upper-cased (a name written twice in two cases is one dtype: its counts are added);
 * null when the record gives no such object or none of its entries is usable.
 */
export function dtypeCountsOf(value: unknown, warnings: string[]): Record<string, number> | null {
  if (value === undefined || value === null) return null;
  const entries = objectOf(value);
  if (entries === null) {
    warnings.push(
      `field "safetensors.parameters" should be an object of counts by dtype, got ${previewJson(value, 40)}`,
    );
    return null;
  }
  const counts: Record<string, number> = {};
  const left: string[] = [];
  for (const [name, given] of Object.entries(entries)) {
    const count = countOf(given);
    const dtype = name.toUpperCase();
    const sum = (counts[dtype] ?? 0) + (count ?? 0);
    if (!DTYPE_NAME.test(name) || count === null || !Number.isSafeInteger(sum)) left.push(name);
    else counts[dtype] = sum;
  }
  if (left.length > 0)
    warnings.push(
      `field "safetensors.parameters": ${left.length} ${left.length === 1 ? "entry" : "entries"} that ` +
        `${left.length === 1 ? "is" : "are"} not a dtype and a count left out (${previewJson(left, 60)})`,
    );
  return Object.keys(counts).length > 0 ? counts : null;
}
