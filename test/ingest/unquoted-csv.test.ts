// A CSV file without quotes is split into rows here, not by csv-parse: over generated files (any mix of line ends,
// empty lines, a BOM, rows with too few or too many fields, plain and gzip, pieces larger than a read), the rows,
// their lines and the problems equal csv-parse's reading of the same file.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { csvRecords, parsedRecords, type CsvItem } from "../../src/ingest/csv-records.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-unquoted-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function itemsOf(read: (path: string) => AsyncIterable<CsvItem>, path: string): Promise<CsvItem[]> {
  const items: CsvItem[] = [];
  for await (const item of read(path)) items.push(item);
  // csv-parse reports a malformed row when it meets it, which may be before the rows read ahead of it are taken.
  return items.sort((a, b) => a.line - b.line);
}

const field = fc.stringMatching(/^[a-z0-9 é/_.-]{0,6}$/);
const lineEnd = fc.constantFrom("\n", "\r\n", "\r");
const line = fc.array(field, { minLength: 1, maxLength: 4 }).map((fields) => fields.join(","));
const file = fc
  .tuple(
    fc.boolean(),
    fc.constantFrom("", "\n", "\r\n"),
    fc.array(fc.tuple(fc.oneof(line, fc.constant("")), lineEnd), { minLength: 1, maxLength: 40 }),
    fc.boolean(),
    fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 2000 })),
  )
  .map(([bom, leading, lines, endsWithLineEnd, repeat]) => {
    const body = lines.map(([text, end]) => text + end).join("");
    // Repeated, the body runs past the 64 KB pieces a file is read in, so lines and CRLFs are cut between pieces.
    const text = `${bom ? "\uFEFF" : ""}${leading}child,parent,relation\n${body.repeat(repeat)}`;
    return endsWithLineEnd ? text : text.replace(/[\r\n]+$/, "");
  });

describe("a CSV file without quotes", () => {
  it("gives the rows, lines and problems csv-parse gives, plain and gzip", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        const plain = join(folder, `f${run}.csv`);
        const gzip = join(folder, `f${run++}.csv.gz`);
        writeFileSync(plain, text);
        writeFileSync(gzip, gzipSync(text));
        const expected = await itemsOf(parsedRecords, plain);
        expect(await itemsOf(csvRecords, plain)).toEqual(expected);
        const named = (item: CsvItem) =>
          "problem" in item ? { ...item, problem: item.problem.replace(gzip, plain) } : item;
        expect((await itemsOf(csvRecords, gzip)).map(named)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it("holds a file with a quote anywhere to csv-parse", async () => {
    const path = join(folder, "quoted.csv");
    writeFileSync(path, 'child,parent\na/b,"c/d,e/f"\n');
    expect(await itemsOf(csvRecords, path)).toEqual([{ row: { child: "a/b", parent: "c/d,e/f" }, line: 2 }]);
  });
});
