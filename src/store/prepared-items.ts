// A run's items prepared for committing (runs.ts): the records' rows staged for the batch writer, renames followed,
// and the problems to note at their positions. Preparing reads no database, so it can run in the thread reading
// the file; committing is then SQL alone.

import type { SourceItem } from "../ingest/record-rows.js";
import { followRenames, type RenameMap } from "./renames.js";
import { createBatchStager, type StagedStep } from "./staged-batch.js";

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

/**
 * Prepares items for `RunWriter.commitPrepared`, one at a time as they are read, saving ids a stored rename names
 * under the current id: an item is kept only as its staged rows, so a large batch holds no record objects.
 */
export interface ItemPreparer {
  add(item: SourceItem): void;
  /** Items added so far. */
  readonly size: number;
  /** The items added, prepared; the preparer is then empty. */
  prepared(): PreparedItems;
}

export function createItemPreparer(renames: RenameMap): ItemPreparer {
  const stager = createBatchStager();
  let problems: ItemProblem[] = [];
  let [offset, records, skipped, warnings] = [0, 0, 0, 0];
  return {
    add(item) {
      if ("skipped" in item) {
        skipped++;
        problems.push({ offset: offset++, level: "skipped", message: item.skipped });
        return;
      }
      if ("warning" in item) {
        warnings++;
        problems.push({ offset: offset++, level: "warning", message: item.warning });
        return;
      }
      stager.add(followRenames(item.rows, renames));
      for (const warning of item.rows.warnings) {
        warnings++;
        const record = item.rows.model?.id ?? item.rows.existing[0] ?? "record";
        problems.push({ offset, level: "warning", message: `${record}: ${warning}` });
      }
      records++;
      offset++;
    },
    get size() {
      return offset;
    },
    prepared() {
      const done = { positions: offset, records, skipped, warnings, problems, steps: stager.steps() };
      problems = [];
      [offset, records, skipped, warnings] = [0, 0, 0, 0];
      return done;
    },
  };
}

/** Prepares a whole list of items (see `createItemPreparer`). */
export function prepareItems(items: readonly SourceItem[], renames: RenameMap): PreparedItems {
  const preparer = createItemPreparer(renames);
  for (const item of items) preparer.add(item);
  return preparer.prepared();
}
