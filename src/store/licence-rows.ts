// What each model's declared licence is read from, handed over model by model: the licence the lineage index keeps
// as a code per model, read for every model when the index is built whole, or for the models changed since.

import type { Store } from "./open-store.js";
import { visitRows } from "./lineage-rows.js";

/**
 * Hands each model's node number, its licence (`models.license`: the card's, else the `license:` tag's) and, where
 * that licence is absent or `other`, its details' licence name (`''` for a record without one, null for a model
 * whose record was never read; null too where the licence alone tells) to `onModel`, in node order: of every model
 * (`which` "all") or of those changed since the stored index was built ("changed"). Call it inside the transaction
 * that reads the index's other rows.
 */
export function readModelLicences(
  store: Store,
  which: "all" | "changed",
  onModel: (node: number, license: string | null, details: string | null) => void,
): void {
  // CROSS JOIN keeps the few changed models outermost, in node order.
  const from = which === "all" ? "models m" : "changed_models x CROSS JOIN models m ON m.node = x.node";
  visitRows(
    store,
    `SELECT count(visit(node, license, details)) FROM (
       SELECT m.node AS node, m.license AS license,
              CASE WHEN m.license IS NULL OR lower(trim(m.license)) = 'other'
                   THEN (SELECT coalesce(d.license_name, '') FROM model_details d WHERE d.node = m.node) END AS details
       FROM ${from} ORDER BY m.node LIMIT -1)`,
    onModel,
  );
}
