// How the viewer names each relation in its legend, filters, panel and notices (the colours are in
// src/vocabulary/palette.ts, shared with the GEXF export).

import type { Relation } from "./api.js";

export const RELATION_LABELS: Record<Relation, string> = {
  finetune: "fine-tune",
  adapter: "adapter",
  quantized: "quantization",
  merge: "merge",
  unknown: "unknown relation",
};
