// How an import's items are cut into the batches it commits: from the run's position on (a resumed run skips what
// it has saved), growing from the first batch size to the largest, each prepared for committing (store/prepared-items).

import type { SourceItem } from "../ingest/record-rows.js";
import { createItemPreparer, type PreparedItems } from "../store/prepared-items.js";
import type { RenameMap } from "../store/renames.js";

export interface BatchPlan {
  /** Items before this position were committed by an earlier run of the same import. */
  resumedFrom: number;
  firstBatch: number;
  largestBatch: number;
  /** The stored renames the items are saved under (store/renames.ts). */
  renames: RenameMap;
}

/** An import's source: its items cut and prepared by a plan (here, or in the thread that reads the file). */
export type BatchSource = (plan: BatchPlan) => AsyncIterable<PreparedItems>;

/**
 * The items in prepared batches, each twice as large as the one before up to the largest. When the items fail (a
 * truncated file), the records read before the failure are whole: they come as a last batch, then the failure.
 */
export async function* preparedBatches(
  items: AsyncIterable<SourceItem>,
  plan: BatchPlan,
): AsyncGenerator<PreparedItems> {
  let batchSize = plan.firstBatch;
  const batch = createItemPreparer(plan.renames);
  let position = 0;
  try {
    for await (const item of items) {
      if (position++ < plan.resumedFrom) continue;
      batch.add(item);
      if (batch.size >= batchSize) {
        yield batch.prepared();
        batchSize = Math.min(batchSize * 2, plan.largestBatch);
      }
    }
  } catch (error) {
    if (batch.size > 0) yield batch.prepared();
    throw error;
  }
  if (batch.size > 0) yield batch.prepared();
}

/** A source whose items are read and prepared in this thread. */
export function batchesOf(items: AsyncIterable<SourceItem>): BatchSource {
  return (plan) => preparedBatches(items, plan);
}
