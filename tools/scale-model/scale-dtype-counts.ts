// Safetensors parameter counts by dtype for a generated Hub-scale lineage, so the report's precision figures read and
// parse as many dtype maps as real records carry. Deterministic for a seed.
//
// Calibration: 678 of the 1,865 real records of the April 2025 family-tree dumps (../shared/data/family-trees-2025-04)
// carry counts by dtype (36.4%); the dtype holding most parameters is BF16 in 345 of them, F16 in 294, F32 in 35,
// F8_E4M3 in 3 and I8 in 1, and 240 maps list an F32 part beside another dtype. No real record states an expert count,
// so none is written. The parameter counts themselves are an assumption for the benchmark's shape.

import { connectionOf } from "../../src/store/database-handle.js";
import type { Store } from "../../src/store/open-store.js";
import { pick, seededRandom } from "./seeded-random.js";

const WITH_COUNTS = 678 / 1865;
const MOSTLY: [string, number][] = [
  ["BF16", 345 / 678],
  ["F16", 294 / 678],
  ["F32", 35 / 678],
  ["F8_E4M3", 3 / 678],
  ["I8", 1 / 678],
];
const WITH_F32_PART = (240 - 35) / (678 - 35);

/** Writes counts by dtype into the details of about 36% of the models that have details; returns how many. */
export function writeScaleDtypeCounts(store: Store, { seed = 20_261_203 } = {}): number {
  const db = connectionOf(store);
  const rand = seededRandom(seed);
  const nodes = db.prepare(`SELECT node FROM model_details ORDER BY node`).pluck().all() as number[];
  const update = db.prepare(`UPDATE model_details SET safetensors_parameters = ? WHERE node = ?`);
  let written = 0;
  db.transaction(() => {
    for (const node of nodes) {
      if (rand() >= WITH_COUNTS) continue;
      const dtype = pick(rand, MOSTLY);
      const counts: Record<string, number> = { [dtype]: Math.round(1e8 + rand() * 3e10) };
      if (dtype !== "F32" && rand() < WITH_F32_PART) counts.F32 = Math.round(1e5 + rand() * 1e7);
      update.run(JSON.stringify(counts), node);
      written++;
    }
  })();
  return written;
}
