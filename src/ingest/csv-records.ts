// Streams a CSV file (RFC 4180, plain or gzip) as header-keyed rows with their line numbers. A malformed row
// (unterminated quote, wrong number of fields) is reported as a problem instead of ending the read. A file with a
// quote is read by csv-parse; one without is split here, faster, into the same rows (see `csvRecords`).

import { parse, type Options } from "csv-parse";
import { openText, SourceFileError } from "./source-file.js";
import { lineBatches } from "./text-lines.js";

export type CsvItem = { row: Record<string, string>; line: number } | { problem: string; line: number };

/** A record's fields, in header order, and the line it ends on. */
interface ParsedRecord {
  fields: string[];
  line: number;
}

/**
 * The file's rows, each keyed by the header, and its malformed rows as problems. A file without a double quote
 * anywhere (most edge lists: a model id holds neither quote nor comma) is split into lines and fields here:
 * csv-parse, which reads the others, was a quarter of reading such a file, and without quotes a field is the text
 * between two commas.
 */
export async function* csvRecords(path: string): AsyncGenerator<CsvItem> {
  for await (const items of csvRecordBatches(path)) yield* items;
}

/** The items of `csvRecords`, as many at a time as one piece of the file gives (fewer steps for a large file). */
export async function* csvRecordBatches(path: string): AsyncGenerator<CsvItem[]> {
  if (await holdsQuote(path)) for await (const item of parsedRecords(path)) yield [item];
  else yield* unquotedRecords(path);
}

/**
 * Whether a double quote occurs anywhere in the file's text; also true when the text cannot be read to its end (a gzip
 * file cut short), which csv-parse's reading reports with the last whole line.
 */
async function holdsQuote(path: string): Promise<boolean> {
  const text = openText(path);
  try {
    for await (const chunk of text) if ((chunk as string).includes('"')) return true;
    return false;
  } catch {
    return true;
  } finally {
    text.destroy();
  }
}

/**
 * `parsedRecords` for a file without quotes, written out: the same rows, lines and problems, in the order of the file
 * (a BOM dropped, empty lines skipped, a row whose field count differs from the header's reported).
 */
async function* unquotedRecords(path: string): AsyncGenerator<CsvItem[]> {
  let header: string[] | null = null;
  let lineNumber = 0;
  const itemsOf = (lines: string[]): CsvItem[] => {
    const items: CsvItem[] = [];
    for (const line of lines) {
      lineNumber++;
      if (line.length === 0) continue;
      const fields = line.split(",");
      if (header === null) {
        header = fields.map((name) => name.trim());
        continue;
      }
      if (fields.length !== header.length) {
        const count = fieldCount(fields.length);
        items.push({
          problem: `${path} line ${lineNumber}: ${count} where the header has ${header.length}`,
          line: lineNumber,
        });
        continue;
      }
      const row: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) row[header[i] as string] = fields[i] as string;
      items.push({ row, line: lineNumber });
    }
    return items;
  };
  try {
    for await (const lines of lineBatches(path)) yield itemsOf(lines);
  } catch (error) {
    const reason = (error as Error).message;
    throw new SourceFileError(
      `ingest: "${path}" could not be read past line ${lineNumber} (${reason}); rows before it are kept`,
    );
  }
}

/**
 * Any CSV file's items, read by csv-parse (a malformed row's problem may come before rows the parser read ahead of it).
 * Records are read as arrays and keyed by the header here: csv-parse's own `columns` defines each field with
 * Object.defineProperty, and its `info` and `on_record` build info objects per record; together they were most of
 * the time an edge list of a million rows spent in the parser.
 */
export async function* parsedRecords(path: string): AsyncGenerator<CsvItem> {
  const problems: CsvItem[] = [];
  let lastLine = 1;
  /** The header's field count: every row must have as many. */
  let headerLength: number | undefined;
  const text = openText(path);
  const options: Options = {
    bom: true,
    skip_empty_lines: true,
    // Any line end on any line: rows appended with LF to a CRLF file (the real data files are CRLF) stay rows.
    record_delimiter: ["\r\n", "\n", "\r"],
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error?.code === "CSV_QUOTE_NOT_CLOSED") {
        // The parser's own line number is past the end of the file here (it counts CRLF twice inside quotes).
        const from = lastLine + 1;
        problems.push({
          problem:
            `${path} line ${from}: a quoted field opened on or after this line is never closed; ` +
            "the rest of the file could not be read as rows",
          line: from,
        });
      } else if (error?.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" && Array.isArray(error.record)) {
        problems.push({
          problem:
            `${path} line ${error.lines}: ${fieldCount(error.record.length)} ` + `where the header has ${headerLength}`,
          line: Number(error.lines),
        });
      } else {
        problems.push({
          problem: `${path} line ${error?.lines ?? "?"}: ${error?.message ?? "malformed row"}`,
          line: Number(error?.lines ?? 0),
        });
      }
      lastLine = Number(error?.lines ?? lastLine);
      return undefined;
    },
  };
  const parser = parse(options);
  // Each record is taken with the line it ends on as the parser pushes it, where `on_record` would be given the same
  // `lines` inside two copies of the parser's whole info object made per record: most of the parser's own time.
  const push = parser.push.bind(parser);
  parser.push = (record: string[] | null) => {
    if (record === null) return push(null);
    lastLine = parser.info.lines;
    headerLength ??= record.length;
    return push({ fields: record, line: lastLine } satisfies ParsedRecord);
  };
  text.pipe(parser);
  // `pipe` does not pass on the source's errors (a gzip file cut short): end the parse with them.
  text.on("error", (error) => parser.destroy(error));
  let line = 0;
  let header: string[] | null = null;
  try {
    for await (const { fields, line: recordLine } of parser as AsyncIterable<ParsedRecord>) {
      while (problems.length > 0) yield problems.shift() as CsvItem;
      line = recordLine;
      if (header === null) {
        header = fields.map((name) => name.trim());
        continue;
      }
      const row: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) row[header[i] as string] = fields[i] as string;
      yield { row, line };
    }
  } catch (error) {
    while (problems.length > 0) yield problems.shift() as CsvItem;
    if (error instanceof SourceFileError) throw error;
    throw new SourceFileError(
      `ingest: "${path}" could not be read past line ${line} (${(error as Error).message}); rows before it are kept`,
    );
  }
  while (problems.length > 0) yield problems.shift() as CsvItem;
}

const fieldCount = (count: number) => `${count} field${count === 1 ? "" : "s"}`;

/** The first header names of a CSV whose header line has been read by `peekText`. */
export function headerOf(firstLine: string): string[] {
  return firstLine
    .replace(/^\uFEFF/, "")
    .split(",")
    .map((name) => name.trim().replace(/^"|"$/g, "").toLowerCase());
}
