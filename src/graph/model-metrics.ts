// One model's metrics as the API, `top` and the exports give them: generation, descendants, direct children,
// PageRank on reversed edges and subtree downloads (read from the lineage index, see indexed-lineage.ts).

export interface ModelMetrics {
  generation: number;
  descendants: number;
  children: number;
  pagerank: number;
  /** Null when neither the model nor any descendant has known downloads (see known-subtree-downloads.ts). */
  subtreeDownloads: number | null;
}
