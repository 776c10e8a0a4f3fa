// Splits a text file (plain or gzip) into its lines, as many at a time as each piece read from it gives. A line ends
// at CRLF, LF or a lone CR, and nowhere else. Not node:readline: from Node 24 it also ends a line at U+2028 and
// U+2029, which JSON writes unescaped inside strings, so a JSON Lines record holding one was read as two lines.

import { openText, withoutBom } from "./source-file.js";

const LINE_END = /\r\n|\n|\r/;

/**
 * The file's lines without their ends, in order, empty lines included (so that lines can be counted); a byte-order
 * mark before the first is dropped. A read error (a gzip file cut short) is thrown after the lines before it.
 */
export async function* lineBatches(path: string): AsyncGenerator<string[]> {
  let rest = "";
  let first = true;
  for await (const chunk of openText(path)) {
    let text = rest + (chunk as string);
    if (first) [text, first] = [withoutBom(text), false];
    // The lines ended in this piece; a CR at its very end may be the first half of a CRLF, so it waits.
    const end = text.endsWith("\r") ? text.length - 1 : text.length;
    const cut = Math.max(text.lastIndexOf("\n", end - 1), text.lastIndexOf("\r", end - 1));
    if (cut < 0) {
      rest = text;
      continue;
    }
    rest = text.slice(cut + 1);
    // Ending with its line end, the text splits into its lines and an empty last piece, which is no line.
    const lines = text.slice(0, cut + 1).split(LINE_END);
    lines.pop();
    yield lines;
  }
  if (rest.length === 0) return;
  const lines = rest.split(LINE_END);
  if (lines.length > 1) lines.pop(); // the last line's own end (a lone CR)
  yield lines;
}
