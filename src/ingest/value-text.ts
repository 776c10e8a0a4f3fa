// Values from records as bounded text: what is stored as a finding's raw value or quoted in a message, whatever
// the value's size, nesting or encoding (a list nested 100,000 deep must not overflow the stack).

import { wellFormed } from "../vocabulary/safe-text.js";

/** A stored raw value keeps at most this many characters, then `…`. */
export const MAX_RAW_CHARS = 500;
const MAX_DEPTH = 20;

/** A string as stored: well-formed UTF-16 (valid UTF-8 in SQLite) and at most MAX_RAW_CHARS long. */
export function storableRaw(value: string): string {
  const text = wellFormed(value);
  return text.length > MAX_RAW_CHARS ? `${text.slice(0, MAX_RAW_CHARS)}…` : text;
}

function jsonPreview(value: unknown, depth: number, budget: { left: number }): string {
  if (budget.left <= 0) return "…";
  let text: string;
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) text = "[…]";
    else {
      const items: string[] = [];
      for (const item of value) {
        if (budget.left <= 0) {
          items.push("…");
          break;
        }
        items.push(jsonPreview(item, depth + 1, budget));
      }
      text = `[${items.join(",")}]`;
    }
  } else if (typeof value === "object" && value !== null) {
    if (depth >= MAX_DEPTH) text = "{…}";
    else {
      const items: string[] = [];
      for (const [key, item] of Object.entries(value)) {
        if (budget.left <= 0) {
          items.push("…");
          break;
        }
        items.push(`${JSON.stringify(wellFormed(key))}:${jsonPreview(item, depth + 1, budget)}`);
      }
      text = `{${items.join(",")}}`;
    }
  } else if (typeof value === "string") text = JSON.stringify(wellFormed(value.slice(0, budget.left)));
  else if (typeof value === "bigint") text = `${value}`;
  else text = JSON.stringify(value) ?? String(value);
  budget.left -= text.length;
  return text;
}

/** JSON-like text of any value, bounded in depth and length (about `maxChars`); never throws. */
export function previewJson(value: unknown, maxChars = 80): string {
  const text = jsonPreview(value, 0, { left: maxChars });
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}

/** A value that is not text, described as a finding's raw value: `(null)`, `(number) 42`, `(list) ["a",[…]]`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "(null)";
  const kind = Array.isArray(value) ? "list" : typeof value === "object" ? "object" : typeof value;
  return storableRaw(`(${kind}) ${previewJson(value, 200)}`);
}

/** The JSON of a value when it is at most 20 deep and `maxChars` long, else a JSON string saying it was not kept. */
export function boundedJson(value: unknown, maxChars = 65_536): string {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (++nodes > maxChars || depth > MAX_DEPTH) return JSON.stringify(`(value too deep or too large to keep)`);
    if (typeof current === "object" && current !== null)
      for (const item of Object.values(current)) stack.push([item, depth + 1]);
  }
  const text = JSON.stringify(value, (_key, item: unknown) => (typeof item === "string" ? wellFormed(item) : item));
  if (text === undefined) return "null";
  return text.length > maxChars ? JSON.stringify(`(value too large to keep: ${text.length} characters)`) : text;
}
