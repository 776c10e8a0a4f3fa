// The Hub's own JSON shape for a model, as `/api/models` and `/api/models/{id}` send it (fields we use).
// Kept apart from our rows: everything here may be missing or of the wrong type in real data.

export interface HubCardData {
  base_model?: unknown;
  base_model_relation?: unknown;
  license?: unknown;
  [key: string]: unknown;
}

export interface HubModelRecord {
  _id?: string;
  /** The repository id (`org/name`). */
  id: string;
  modelId?: string;
  author?: string;
  private?: boolean;
  gated?: false | "auto" | "manual";
  disabled?: boolean;
  downloads?: number;
  likes?: number;
  createdAt?: string;
  lastModified?: string;
  library_name?: string;
  pipeline_tag?: string;
  tags?: string[];
  cardData?: HubCardData;
  /** Downloads since the repository was created (only when asked for). */
  downloadsAllTime?: number;
  /** GGUF facts the Hub reads from the repository's .gguf files: `{total, architecture, context_length, ...}`. */
  gguf?: unknown;
  /** Safetensors facts: `{parameters: {BF16: n, ...}, total}`. */
  safetensors?: unknown;
  /** The parts of config.json the Hub shows: `{model_type, architectures, ...}`. */
  config?: unknown;
  /** The repository's files: `[{rfilename}]`. */
  siblings?: unknown;
}

/** The `expand=` fields a crawl asks for: everything lineage and the viewer need, nothing heavy. */
export const HUB_EXPAND_FIELDS = [
  "author",
  "cardData",
  "config",
  "createdAt",
  "downloads",
  "downloadsAllTime",
  "gated",
  "gguf",
  "lastModified",
  "library_name",
  "likes",
  "pipeline_tag",
  "private",
  "safetensors",
  "siblings",
  "tags",
] as const;
