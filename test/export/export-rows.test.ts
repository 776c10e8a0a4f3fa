// The whole-database rows come from SQL, not from the graph: on the real snapshot (all 13 files) their edge set
// and per-model relation must equal what buildLineageGraph decides, and paging must not lose or repeat a row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wholeDatabaseRows, type ExportNode } from "../../src/export/export-rows.js";
import { buildLineageGraph, type LineageGraph } from "../../src/graph/build-graph.js";
import { modelMetricsOf, openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { loadLineage } from "../support/graphology-reference/lineage.js";
import { allExportEdges, allExportModels } from "../../src/store/export-queries.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { engineNodeValues } from "../support/engine-export-values.js";
import { copyOfFixture } from "../support/fixture-databases.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";
import { connectionOf } from "../../src/store/database-handle.js";

async function collect<T>(items: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

afterAll(removeScratchFolders);

describe("export rows of the whole real snapshot", () => {
  let db: Store;
  let graph: LineageGraph;

  beforeAll(() => {
    // A private copy of the whole real snapshot as imported (all 13 files): this test computes its metrics.
    db = openStore(copyOfFixture("bundle-without-metrics", scratchFolder()));
    graph = buildLineageGraph(db);
  });

  it("has exactly the graph's edges, each with the graph's relation and source", async () => {
    const rows = wholeDatabaseRows(db);
    const edges = await collect(rows.edges());
    expect(edges.length).toBe(rows.edgeCount);
    expect(edges.length).toBe(graph.size);
    const fromSql = new Map(edges.map((edge) => [`${edge.parent}→${edge.child}`, `${edge.relation}/${edge.source}`]));
    expect(fromSql.size).toBe(edges.length);
    const fromGraph = new Map(
      graph.mapEdges(
        (_edge, attributes, parent, child) =>
          [`${parent}→${child}`, `${attributes.relation}/${attributes.source}`] as const,
      ),
    );
    expect(fromSql).toEqual(fromGraph);
    // The snapshot has both tag and file edges for some pairs, so the source ranking is exercised.
    const pairsWithBoth = connectionOf(db)
      .prepare(
        "SELECT count(*) AS n FROM (SELECT 1 FROM edges WHERE child <> parent " +
          "GROUP BY child, parent HAVING count(DISTINCT source) > 1)",
      )
      .get() as { n: number };
    expect(pairsWithBoth.n).toBeGreaterThan(0);
  });

  it("has every model once with the graph's relation, placeholder flag and metadata", async () => {
    const rows = wholeDatabaseRows(db);
    const nodes = await collect(rows.nodes());
    expect(nodes.length).toBe(rows.nodeCount);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(graph.order);
    for (const node of nodes) {
      const attributes = graph.getNodeAttributes(node.id);
      expect([node.relation, node.placeholder, node.author, node.createdAt]).toEqual([
        attributes.relation,
        attributes.placeholder,
        attributes.author,
        attributes.createdAt,
      ]);
    }
  });

  it("carries the lineage index's metrics, equal to graphology's on the whole graph, or null", async () => {
    const without = await collect(wholeDatabaseRows(db).nodes());
    expect(without.every((node) => node.generation === null && node.descendants === null)).toBe(true);
    const lineage = loadLineage(db);
    const indexed = openIndexedLineage(db);
    const after = await collect(wholeDatabaseRows(db, (node) => modelMetricsOf(indexed, node)).nodes());
    const byId = new Map<string, ExportNode>(after.map((node) => [node.id, node]));
    for (const id of ["microsoft/phi-2", "google/gemma-7b", "Qwen/Qwen2.5-14B"]) {
      const node = byId.get(id) as ExportNode;
      const expected = engineNodeValues(lineage, id);
      expect([node.generation, node.descendants, node.downloads, node.license]).toEqual([
        expected.generation,
        expected.descendants,
        expected.downloads,
        expected.license,
      ]);
    }
  });

  it("pages by key without losing or repeating rows, whatever the page size", () => {
    const ids = [...allExportModels(db, 7)].map((row) => row.id);
    expect(ids).toEqual([...allExportModels(db, 5000)].map((row) => row.id));
    expect(new Set(ids).size).toBe(graph.order);
    const pairs = [...allExportEdges(db, 13)].map((edge) => `${edge.parent}→${edge.child}`);
    expect(pairs).toEqual([...allExportEdges(db, 100000)].map((edge) => `${edge.parent}→${edge.child}`));
    expect(pairs.length).toBe(graph.size);
  });
});
