// Text made safe for XML 1.0 attribute values and content (GEXF, GraphML), and the way back.
// Markup characters become entities; tab, newline and carriage return become character references so that
// attribute-value normalisation keeps them. Characters XML 1.0 forbids cannot be written at all, so:
//   U+0000–U+001F other than tab, LF, CR  →  the Control Picture U+2400 + code (U+0001 → "␁"), reversible;
//   U+FFFE, U+FFFF and unpaired surrogates →  U+FFFD (the replacement character), not reversible.
// `restoreXmlText` undoes the first mapping; it is exact unless the original text itself held Control Pictures.

// eslint-disable-next-line no-control-regex -- control characters are what this file is about
const NEEDS_WORK = /[&<>"\t\n\r\u0000-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u;
// eslint-disable-next-line no-control-regex -- as above
const ESCAPED = /[&<>"\t\n\r\u0000-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;
const CONTROL_PICTURES = /[\u2400-\u2408\u240B\u240C\u240E-\u241F]/g;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

function replacement(char: string): string {
  const entity = ENTITIES[char];
  if (entity !== undefined) return entity;
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  return "\uFFFD";
}

/** `text` escaped for a double-quoted attribute value or element content. */
export function escapeXml(text: string): string {
  return NEEDS_WORK.test(text) ? text.replace(ESCAPED, replacement) : text;
}

/** The text a reader gets back from an escaped value, with forbidden control characters restored. */
export function restoreXmlText(text: string): string {
  return text.replace(CONTROL_PICTURES, (char) => String.fromCharCode(char.charCodeAt(0) - 0x2400));
}
