// The relations a child can have to its base model, as the Hub names them, plus `unknown` when nothing says.
// Written once as a tuple; every layer derives its type and validation from it.

export const RELATIONS = ["finetune", "adapter", "quantized", "merge", "unknown"] as const;
export type Relation = (typeof RELATIONS)[number];

export const EDGE_SOURCES = ["tag", "card", "file"] as const;
/** Where an edge came from: a Hub-resolved `base_model:` tag, the raw card value, or an imported edge list. */
export type EdgeSource = (typeof EDGE_SOURCES)[number];

const RELATION_ALIASES: Record<string, Relation> = {
  finetune: "finetune",
  finetuned: "finetune",
  "fine-tune": "finetune",
  "fine-tuned": "finetune",
  adapter: "adapter",
  adapters: "adapter",
  lora: "adapter",
  quantized: "quantized",
  quantization: "quantized",
  quantised: "quantized",
  merge: "merge",
  merged: "merge",
  merges: "merge",
  unknown: "unknown",
};

/** Maps a relation as written in any source (`finetuned`, `merged`, `Quantized`) to ours, or null when unknown. */
export function parseRelation(value: unknown): Relation | null {
  if (typeof value !== "string") return null;
  return RELATION_ALIASES[value.trim().toLowerCase()] ?? null;
}

export function isRelation(value: unknown): value is Relation {
  return typeof value === "string" && (RELATIONS as readonly string[]).includes(value);
}

/** Counts per relation, every relation present (zero when none), in the tuple's order. */
export type RelationCounts = Record<Relation, number>;

export function emptyRelationCounts(): RelationCounts {
  return { finetune: 0, adapter: 0, quantized: 0, merge: 0, unknown: 0 };
}
