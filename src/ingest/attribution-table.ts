// A user-supplied attribution table (CSV `author,country,kind`): who an author is, as the user states it. Read whole
// with csv-parse; a file that cannot be read, or lacks a column, is refused in one line naming the file.

import { csvRecords } from "./csv-records.js";
import { SourceFileError } from "./source-file.js";

export interface Attribution {
  country: string | null;
  kind: string | null;
}

export interface AttributionTable {
  path: string;
  /** By author in lower case. */
  byAuthor: Map<string, Attribution>;
  /** Rows that could not be read, with their line. */
  problems: string[];
}

const cell = (value: string | undefined) => (value === undefined || value.trim() === "" ? null : value.trim());

export async function readAttributionTable(path: string): Promise<AttributionTable> {
  const byAuthor = new Map<string, Attribution>();
  const problems: string[] = [];
  for await (const item of csvRecords(path)) {
    if ("problem" in item) {
      problems.push(item.problem);
      continue;
    }
    if (!("author" in item.row) || !("country" in item.row) || !("kind" in item.row))
      throw new SourceFileError(`${path}: an attribution table needs the columns author,country,kind`);
    const author = cell(item.row.author);
    if (author === null) {
      problems.push(`${path} line ${item.line}: no author`);
      continue;
    }
    byAuthor.set(author.toLowerCase(), { country: cell(item.row.country), kind: cell(item.row.kind) });
  }
  return { path, byAuthor, problems };
}
