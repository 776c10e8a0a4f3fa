// A text file is split into lines at CRLF, LF and a lone CR only: over generated files (any mix of those ends, U+2028,
// U+2029 and U+0085 inside lines, characters of one to four bytes, a BOM, plain and gzip, lines cut between the
// 64 KB pieces a file is read in), the lines read piece by piece equal the whole text split at once.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { lineBatches } from "../../src/ingest/text-lines.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-text-lines-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function linesOf(path: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const batch of lineBatches(path)) lines.push(...batch);
  return lines;
}

/** The whole text split at once: the lines a reader of the file expects, without the last line's own end. */
function wholeTextLines(text: string): string[] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.length === 0) return [];
  const lines = body.split(/\r\n|\n|\r/);
  if (/(\r\n|\n|\r)$/.test(body)) lines.pop();
  return lines;
}

const character = fc.constantFrom("a", "é", "\u2028", "\u2029", "\u0085", "ꇣ", "🀲", '"', ",");
const lineText = fc.array(character, { maxLength: 12 }).map((characters) => characters.join(""));
const file = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(lineText, fc.constantFrom("\n", "\r\n", "\r")), { minLength: 1, maxLength: 30 }),
    fc.boolean(),
    fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 3000 })),
  )
  .map(([bom, lines, endsWithLineEnd, repeat]) => {
    const text =
      (bom ? "\uFEFF" : "") +
      lines
        .map(([line, end]) => line + end)
        .join("")
        .repeat(repeat);
    return endsWithLineEnd ? text : text.replace(/[\r\n]+$/, "");
  });

describe("the lines of a text file", () => {
  it("end at CRLF, LF and CR only, read piece by piece as split whole, plain and gzip", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        const plain = join(folder, `f${run}.txt`);
        const gzip = join(folder, `f${run++}.txt.gz`);
        writeFileSync(plain, text);
        writeFileSync(gzip, gzipSync(text));
        const expected = wholeTextLines(text);
        expect(await linesOf(plain)).toEqual(expected);
        expect(await linesOf(gzip)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it("keeps a line separator inside a line, by hand", async () => {
    const path = join(folder, "separators.txt");
    writeFileSync(path, "\uFEFFa\u2028b\r\nc\u2029d\re\u0085f\n\ng\r");
    expect(await linesOf(path)).toEqual(["a\u2028b", "c\u2029d", "e\u0085f", "", "g"]);
  });
});
