// Text from the data made safe to print and to store: control characters and bidirectional overrides shown as
// `\u202e` escapes (a card value must not move a terminal's cursor), and unpaired surrogates made well-formed.

/** C0 and C1 controls, DEL, and the characters that reorder or hide text (bidi embeddings, overrides, isolates). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** One data value as it may be printed on a terminal: unsafe characters and unpaired surrogates escaped. */
export function printable(value: string): string {
  return value.replace(UNSAFE, escape).replace(LONE_SURROGATE, escape);
}

/** Text made of lines (a whole answer): as `printable`, but line breaks stay. */
export function printableLines(text: string): string {
  return text.split("\n").map(printable).join("\n");
}

/**
 * The string with every unpaired surrogate replaced by U+FFFD, so that it encodes as valid UTF-8 (the engine's own
 * check and repair: every id and field of an import passes here, and a regular expression over each was slower).
 */
export function wellFormed(value: string): string {
  return value.isWellFormed() ? value : value.toWellFormed();
}
