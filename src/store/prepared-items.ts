// A run's items prepared for committing (runs.ts): the records' rows staged for the batch writer, renames followed,
// and the problems to note at their positions. Preparing reads no database, so it can run in the thread reading
// the file; committing is then SQL alone.

import type { RecordRows, SourceItem } from "../ingest/record-rows.js";
import { followRenames, type RenameMap } from "./renames.js";
import { stageBatch, type StagedStep } from "./staged-batch.js";

export interface ItemProblem {
  /** The item's position, counted from the first of the prepared items. */
  offset: number;
  level: "skipped" | "warning";
  message: string;
}

export interface PreparedItems {
  /** Positions the items take: records, records that could not be read, warnings about the source. */
  positions: number;
  records: number;
  skipped: number;
  warnings: number;
  problems: ItemProblem[];
  steps: StagedStep[];
}

/** Prepares items for `RunWriter.commitPrepared`, saving ids a stored rename names under the current id. */
export function prepareItems(items: readonly SourceItem[], renames: RenameMap): PreparedItems {
  const problems: ItemProblem[] = [];
  const batch: RecordRows[] = [];
  let [offset, skipped, warnings] = [0, 0, 0];
  for (const item of items) {
    if ("skipped" in item) {
      skipped++;
      problems.push({ offset: offset++, level: "skipped", message: item.skipped });
      continue;
    }
    if ("warning" in item) {
      warnings++;
      problems.push({ offset: offset++, level: "warning", message: item.warning });
      continue;
    }
    batch.push(followRenames(item.rows, renames));
    for (const warning of item.rows.warnings) {
      warnings++;
      const record = item.rows.model?.id ?? item.rows.existing[0] ?? "record";
      problems.push({ offset, level: "warning", message: `${record}: ${warning}` });
    }
    offset++;
  }
  return { positions: offset, records: batch.length, skipped, warnings, problems, steps: stageBatch(batch) };
}
