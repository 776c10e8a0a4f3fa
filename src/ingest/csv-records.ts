// Streams a CSV file (RFC 4180, plain or gzip) as header-keyed rows with their line numbers. A malformed row
// (unterminated quote, wrong number of fields) is reported as a problem instead of ending the read.

import { parse } from "csv-parse";
import { openText, SourceFileError } from "./source-file.js";

export type CsvItem = { row: Record<string, string>; line: number } | { problem: string; line: number };

export async function* csvRecords(path: string): AsyncGenerator<CsvItem> {
  const problems: CsvItem[] = [];
  let lastLine = 1;
  const text = openText(path);
  const parser = text.pipe(
    parse({
      columns: (header: string[]) => header.map((name) => name.trim()),
      bom: true,
      skip_empty_lines: true,
      // Any line end on any line: rows appended with LF to a CRLF file (the real data files are CRLF) stay rows.
      record_delimiter: ["\r\n", "\n", "\r"],
      skip_records_with_error: true,
      info: true,
      on_record: (record, context) => {
        lastLine = context.lines;
        return record;
      },
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
        } else {
          problems.push({
            problem: `${path} line ${error?.lines ?? "?"}: ${error?.message ?? "malformed row"}`,
            line: Number(error?.lines ?? 0),
          });
        }
        lastLine = Number(error?.lines ?? lastLine);
        return undefined;
      },
    }),
  );
  // `pipe` does not pass on the source's errors (a gzip file cut short): end the parse with them.
  text.on("error", (error) => parser.destroy(error));
  let line = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      while (problems.length > 0) yield problems.shift() as CsvItem;
      line = info.lines;
      yield { row: record, line };
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

/** The first header names of a CSV whose header line has been read by `peekText`. */
export function headerOf(firstLine: string): string[] {
  return firstLine
    .replace(/^\uFEFF/, "")
    .split(",")
    .map((name) => name.trim().replace(/^"|"$/g, "").toLowerCase());
}
