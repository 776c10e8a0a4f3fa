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
}

/** The `expand=` fields a crawl asks for: everything lineage and the viewer need, nothing heavy. */
export const HUB_EXPAND_FIELDS = [
  "author",
  "cardData",
  "createdAt",
  "downloads",
  "gated",
  "lastModified",
  "library_name",
  "likes",
  "pipeline_tag",
  "private",
  "tags",
] as const;
