// Streams nodes.csv and edges.csv (RFC 4180: CRLF rows, quotes doubled). Every text field is quoted, so readers
// that sniff the dialect (DuckDB, pandas) see the quoting at once; a null is an empty unquoted field.

import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type AttributeValue } from "./attribute-table.js";
import type { ExportRows } from "./export-rows.js";
import { TextOutput, type ExportSink } from "./text-output.js";

export function csvField(value: AttributeValue): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  return `"${value.replaceAll(`"`, `""`)}"`;
}

const NODE_HEADER = ["id", ...NODE_ATTRIBUTES.map((spec) => spec.name)].join(",");
const EDGE_HEADER = ["parent", "child", ...EDGE_ATTRIBUTES.map((spec) => spec.name)].join(",");

/** nodes.csv: `id` then every node attribute. */
export async function writeNodesCsv(rows: ExportRows, sink: ExportSink): Promise<void> {
  const out = new TextOutput(sink);
  out.write(`${NODE_HEADER}\r\n`);
  for await (const node of rows.nodes()) {
    let line = csvField(node.id);
    for (const spec of NODE_ATTRIBUTES) line += `,${csvField(spec.value(node))}`;
    if (out.write(`${line}\r\n`)) await out.flush();
  }
  await out.flush();
}

/** edges.csv: `parent,child,relation,source`, one row per parent → child pair. */
export async function writeEdgesCsv(rows: ExportRows, sink: ExportSink): Promise<void> {
  const out = new TextOutput(sink);
  out.write(`${EDGE_HEADER}\r\n`);
  for await (const edge of rows.edges()) {
    let line = `${csvField(edge.parent)},${csvField(edge.child)}`;
    for (const spec of EDGE_ATTRIBUTES) line += `,${csvField(spec.value(edge))}`;
    if (out.write(`${line}\r\n`)) await out.flush();
  }
  await out.flush();
}
