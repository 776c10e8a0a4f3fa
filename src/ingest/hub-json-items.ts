// Reads records in the Hub's JSON shape from a file: a JSON array, or JSONL (one record per line, the shape a
// crawl is saved in). A line or element that is not a usable record is reported and skipped.

import type { SourceItem } from "./record-rows.js";
import { rowsFromHubRecord } from "./hub-record-rows.js";
import { peekText, readAllText, SourceFileError } from "./source-file.js";
import { lineBatches } from "./text-lines.js";

function itemFrom(value: unknown, where: string): SourceItem {
  try {
    return { rows: rowsFromHubRecord(value) };
  } catch (error) {
    return { skipped: `${where}: ${(error as Error).message}` };
  }
}

export async function* hubJsonItems(path: string): AsyncGenerator<SourceItem> {
  const head = (await peekText(path, 64)).trimStart();
  if (head.startsWith("[")) {
    const text = await readAllText(path);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new SourceFileError(
        `ingest: "${path}" is not a complete JSON array (${(error as Error).message}); nothing was imported from it`,
      );
    }
    if (!Array.isArray(parsed))
      throw new SourceFileError(`ingest: "${path}" should hold a JSON array of model records`);
    for (const [index, value] of parsed.entries()) yield itemFrom(value, `${path} item ${index + 1}`);
    return;
  }
  let lineNumber = 0;
  try {
    for await (const lines of lineBatches(path)) {
      for (const line of lines) {
        lineNumber++;
        if (line.trim().length === 0) continue;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (error) {
          yield {
            skipped: `${path} line ${lineNumber}: not valid JSON (${(error as Error).message}): ${line.slice(0, 80)}`,
          };
          continue;
        }
        yield itemFrom(value, `${path} line ${lineNumber}`);
      }
    }
  } catch (error) {
    throw new SourceFileError(
      `ingest: "${path}" could not be read past line ${lineNumber} (${(error as Error).message}); ` +
        "lines before it are kept",
    );
  }
}
