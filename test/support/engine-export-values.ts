// What an export of the real snapshot should hold, read from the engine without the export code: a member's
// attribute values, the edges among members, and the phi-2 family most export tests write and read back.

import { memberRows, type ExportRows } from "../../src/export/export-rows.js";
import { familyMembers, familyReport } from "../../src/graph/family.js";
import type { Lineage } from "./graphology-reference/lineage.js";
import { resolveQuery } from "../../src/graph/resolve-query.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { fixtureLineage } from "./fixture-databases.js";

export type Values = Record<string, string | number | boolean | null>;

type ModelRow = Record<string, string | number | null>;

/**
 * A member's attributes as the engine holds them: author, dates, relation and placeholder from the lineage
 * graph, generation and descendants from its metrics, the rest by a plain SELECT.
 */
export function engineNodeValues(lineage: Lineage, id: string): Values {
  const node = lineage.graph.getNodeAttributes(id);
  const select = `SELECT downloads, likes, license, pipeline_tag, library_name FROM models WHERE id = ?`;
  const row = connectionOf(lineage.store).prepare(select).get(id) as ModelRow;
  const metrics = lineage.metrics.get(id);
  return {
    author: node.author,
    downloads: row.downloads ?? null,
    likes: row.likes ?? null,
    created_at: node.createdAt,
    license: row.license ?? null,
    pipeline_tag: row.pipeline_tag ?? null,
    library: row.library_name ?? null,
    generation: metrics?.generation ?? null,
    descendants: metrics?.descendants ?? null,
    relation: node.relation,
    placeholder: node.placeholder,
  };
}

/** The values a reader that leaves nulls out (GEXF, GraphML) should find. */
export function withoutNulls(values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
}

export type EngineEdges = Map<string, { relation: string; source: string }>;

/** The edges of the lineage graph among `members`, as `parent→child` with relation and source. */
export function engineEdges(lineage: Lineage, members: Set<string>): EngineEdges {
  const edges: EngineEdges = new Map();
  lineage.graph.forEachEdge((_edge, attributes, parent, child) => {
    if (members.has(parent) && members.has(child)) {
      edges.set(`${parent}→${child}`, { relation: attributes.relation, source: attributes.source });
    }
  });
  return edges;
}

export interface RealFamily {
  lineage: Lineage;
  members: Set<string>;
  rows: ExportRows;
  /** The family's size as the engine reports it: familyReport's own models plus descendants. */
  expectedNodes: number;
}

/** The phi-2 family of the whole real snapshot (all 13 files), read from the shared fixture database. */
export function phi2Family(): RealFamily {
  const lineage = fixtureLineage("bundle");
  const resolved = resolveQuery(lineage.store, "microsoft/phi-2");
  const members = new Set(familyMembers(lineage.graph, resolved).keys());
  const report = familyReport(lineage.graph, resolved);
  const rows = memberRows(lineage.store, lineage.graph, members, lineage.metrics);
  return { lineage, members, rows, expectedNodes: report.models + report.descendants.total };
}
