// The attributes every format carries, in one table: name, type and how to read the value from a row.
// GEXF and GraphML declare them from here; null values are left out of a node rather than written empty.

import type { ExportEdge, ExportNode } from "./export-rows.js";

export type AttributeType = "string" | "long" | "integer" | "boolean";
export type AttributeValue = string | number | boolean | null;

export interface AttributeSpec<Row> {
  name: string;
  type: AttributeType;
  value(row: Row): AttributeValue;
}

export const NODE_ATTRIBUTES: readonly AttributeSpec<ExportNode>[] = [
  { name: "author", type: "string", value: (node) => node.author },
  { name: "downloads", type: "long", value: (node) => node.downloads },
  { name: "likes", type: "long", value: (node) => node.likes },
  { name: "created_at", type: "string", value: (node) => node.createdAt },
  { name: "license", type: "string", value: (node) => node.license },
  { name: "pipeline_tag", type: "string", value: (node) => node.pipelineTag },
  { name: "library", type: "string", value: (node) => node.library },
  { name: "generation", type: "integer", value: (node) => node.generation },
  { name: "descendants", type: "integer", value: (node) => node.descendants },
  { name: "relation", type: "string", value: (node) => node.relation },
  { name: "placeholder", type: "boolean", value: (node) => node.placeholder },
];

export const EDGE_ATTRIBUTES: readonly AttributeSpec<ExportEdge>[] = [
  { name: "relation", type: "string", value: (edge) => edge.relation },
  { name: "source", type: "string", value: (edge) => edge.source },
];
