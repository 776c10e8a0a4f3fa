// The rows every writer reads: nodes (a model with its metadata and metrics) and edges (parent → child), from the
// whole database or from a member set, streamed in pages so that no writer ever holds the graph.

import type { LineageGraph } from "../graph/build-graph.js";
import type { ModelMetrics } from "../graph/model-metrics.js";
import {
  allExportEdges,
  allExportModels,
  countLineageEdges,
  countModels,
  exportModelsByIds,
  type ExportModelRow,
} from "../store/export-queries.js";
import type { Store } from "../store/open-store.js";
import type { EdgeSource, Relation } from "../vocabulary/relation.js";

export interface ExportNode {
  id: string;
  author: string | null;
  downloads: number | null;
  likes: number | null;
  /** ISO 8601 as stored. */
  createdAt: string | null;
  license: string | null;
  pipelineTag: string | null;
  library: string | null;
  generation: number | null;
  descendants: number | null;
  relation: Relation | null;
  placeholder: boolean;
}

export interface ExportEdge {
  /** The parent (base model). */
  parent: string;
  /** The child (derived model). */
  child: string;
  relation: Relation;
  source: EdgeSource;
}

/** What a writer consumes: counts known up front, then nodes and edges, each iterable once per call. */
export interface ExportRows {
  nodeCount: number;
  edgeCount: number;
  nodes(): AsyncIterable<ExportNode> | Iterable<ExportNode>;
  edges(): AsyncIterable<ExportEdge> | Iterable<ExportEdge>;
}

export function exportNodeOf(row: ExportModelRow, metrics?: ModelMetrics): ExportNode {
  return {
    id: row.id,
    author: row.author,
    downloads: row.downloads,
    likes: row.likes,
    createdAt: row.created_at,
    license: row.license,
    pipelineTag: row.pipeline_tag,
    library: row.library_name,
    generation: metrics?.generation ?? null,
    descendants: metrics?.descendants ?? null,
    relation: row.relation,
    placeholder: row.placeholder === 1,
  };
}

/**
 * Every model and lineage edge of the database, read page by page. Metrics come from `metricsOf` (a model's node
 * number to its metrics, from the lineage index); without it, generation and descendants are null (unknown).
 */
export function wholeDatabaseRows(store: Store, metricsOf?: (node: number) => ModelMetrics | undefined): ExportRows {
  return {
    nodeCount: countModels(store),
    edgeCount: countLineageEdges(store),
    *nodes() {
      for (const row of allExportModels(store)) yield exportNodeOf(row, metricsOf?.(row.node));
    },
    *edges() {
      for (const row of allExportEdges(store))
        yield { parent: row.parent, child: row.child, relation: row.relation, source: row.source };
    },
  };
}

const ID_BATCH = 500;

/**
 * The members (a family, a view) with the edges of the graph among them. Node rows are read from the store in
 * batches of ids; metrics come from `metrics` (the lineage index's), and are null for a member it does not hold.
 */
export function memberRows(
  store: Store,
  graph: LineageGraph,
  members: Iterable<string>,
  metrics: Map<string, ModelMetrics>,
): ExportRows {
  const ids = [...new Set(members)];
  for (const id of ids) if (!graph.hasNode(id)) throw new Error(`export/rows: unknown model "${id}"`);
  const memberSet = new Set(ids);
  let edgeCount = 0;
  for (const id of ids) {
    graph.forEachOutNeighbor(id, (child) => {
      if (memberSet.has(child)) edgeCount++;
    });
  }
  return {
    nodeCount: ids.length,
    edgeCount,
    *nodes() {
      for (let start = 0; start < ids.length; start += ID_BATCH) {
        const batch = ids.slice(start, start + ID_BATCH);
        const rows = new Map(exportModelsByIds(store, batch).map((row) => [row.id, row]));
        for (const id of batch) {
          const row = rows.get(id);
          if (row === undefined) throw new Error(`export/rows: model "${id}" is in the graph but not in the store`);
          yield exportNodeOf(row, metrics.get(id));
        }
      }
    },
    *edges() {
      for (const parent of ids) {
        for (const edge of graph.outEdges(parent)) {
          const child = graph.target(edge);
          if (!memberSet.has(child)) continue;
          const { relation, source } = graph.getEdgeAttributes(edge);
          yield { parent, child, relation, source };
        }
      }
    },
  };
}
