// Model details (licences, quantization formats and files) for a generated Hub-scale lineage, so the answers along
// the lineage (quants, licenses) are measured doing the work real records make them do. Deterministic for a seed.
//
// Calibration: declared licences follow the 1,865 real records of the April 2025 family-tree dumps
// (../shared/data/family-trees-2025-04: none 37.9%, mit 19.9%, apache-2.0 13.1%, llama2 10.1%, creativeml-openrail-m
// 8.3%, other 3.4%, gemma 2.2%, openrail 1.1%, cc-by-nc-4.0 0.6%, the rest rarer), and a derivative keeps its first
// base's licence 35% of the time (606 of the dumps' 1,747 tagged fine-tunes of a base declaring one do).
// Foundation orgs declare their real licence families. Quantization formats among quantized models are an
// assumption for the benchmark's shape (gguf most), not a published figure.

import { connectionOf } from "../../src/store/database-handle.js";
import type { Store } from "../../src/store/open-store.js";
import { pick, seededRandom } from "./seeded-random.js";

const DECLARED: [string | null, number][] = [
  [null, 0.379],
  ["mit", 0.199],
  ["apache-2.0", 0.131],
  ["llama2", 0.101],
  ["creativeml-openrail-m", 0.083],
  ["other", 0.034],
  ["gemma", 0.022],
  ["openrail", 0.011],
  ["cc-by-nc-4.0", 0.006],
  ["cc-by-sa-4.0", 0.003],
  ["llama3.1", 0.005],
  ["afl-3.0", 0.004],
  ["unknown", 0.022],
];
const FOUNDATION_LICENCES: Record<string, string> = {
  Qwen: "apache-2.0",
  "meta-llama": "llama3.1",
  google: "gemma",
  "black-forest-labs": "other",
  mistralai: "apache-2.0",
  stabilityai: "openrail++",
  microsoft: "mit",
  "deepseek-ai": "mit",
};
const KEEPS_BASE_LICENCE = 0.35;
const QUANT_MIX: [string, number][] = [
  ["gguf", 0.55],
  ["gptq", 0.1],
  ["awq", 0.08],
  ["mlx", 0.07],
  ["exl2", 0.05],
  ["bnb", 0.05],
  ["none", 0.1],
];
const GGUF_TYPES = ["Q2_K", "Q3_K_M", "Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0", "F16"];

/** Writes a details row for every model and its declared licence; returns how many models declare one. */
export function writeScaleDetails(store: Store, { seed = 20_261_202 } = {}): number {
  const db = connectionOf(store);
  const rand = seededRandom(seed);
  const size = Number(db.prepare(`SELECT max(node) FROM models`).pluck().get()) + 1;
  const firstParent = new Int32Array(size).fill(-1);
  const quantized = new Uint8Array(size);
  const edges = db
    .prepare(
      `SELECT c.node, p.node, e.relation FROM edges e JOIN models c ON c.id = e.child JOIN models p ON p.id = e.parent`,
    )
    .raw()
    .iterate() as Iterable<[number, number, string]>;
  for (const [child, parent, relation] of edges) {
    if (firstParent[child] === -1) firstParent[child] = parent;
    if (relation === "quantized") quantized[child] = 1;
  }
  const licences: (string | null)[] = new Array<string | null>(size).fill(null);
  const insert = db.prepare(
    `INSERT OR REPLACE INTO model_details (node, tags, card_license, gguf_total, file_count, format_files)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const setLicence = db.prepare(`UPDATE models SET license = ? WHERE node = ?`);
  let declared = 0;
  const rows = db.prepare(`SELECT node, id FROM models ORDER BY node`).raw().iterate() as Iterable<[number, string]>;
  const all = [...rows];
  db.transaction(() => {
    for (const [node, id] of all) {
      const parent = firstParent[node] as number;
      const org = id.slice(0, id.indexOf("/"));
      let licence: string | null;
      if (parent === -1 && FOUNDATION_LICENCES[org] !== undefined) licence = FOUNDATION_LICENCES[org] as string;
      else if (parent !== -1 && rand() < KEEPS_BASE_LICENCE) licence = licences[parent] ?? null;
      else licence = pick(rand, DECLARED);
      licences[node] = licence;
      const tags = licence === null ? [] : [`license:${licence}`];
      const files: string[] = [];
      if (quantized[node] === 1) {
        const format = pick(rand, QUANT_MIX);
        if (format === "gguf") {
          tags.push("gguf");
          const count = 1 + Math.floor(rand() * 6);
          for (let i = 0; i < count; i++)
            files.push(`model.${GGUF_TYPES[Math.floor(rand() * GGUF_TYPES.length)] as string}.gguf`);
        } else if (format === "bnb") {
          tags.push("bitsandbytes", "4-bit");
        } else if (format !== "none") {
          tags.push(format, rand() < 0.8 ? "4-bit" : "8-bit");
        }
      }
      insert.run(
        node,
        JSON.stringify(tags),
        licence,
        files.length > 0 ? 1_000_000_000 : null,
        files.length + 2,
        JSON.stringify([...new Set(files)]),
      );
      if (licence !== null) {
        setLicence.run(licence, node);
        declared++;
      }
    }
  })();
  return declared;
}
