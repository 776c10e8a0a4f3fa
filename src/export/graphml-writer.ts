// Streams GraphML with typed keys (string, long, int, boolean), as networkx read_graphml, Cytoscape and yEd read
// it; layout positions become x and y keys when a layout is given. Values are escaped by xml-text.ts.

import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type AttributeSpec, type AttributeType } from "./attribute-table.js";
import type { ExportRows } from "./export-rows.js";
import { TextOutput, type ExportSink } from "./text-output.js";
import type { PositionLookup } from "./viz-style.js";
import { escapeXml } from "./xml-text.js";

export interface GraphmlOptions {
  positions?: PositionLookup;
}

const GRAPHML_TYPES: Record<AttributeType, string> = {
  string: "string",
  long: "long",
  integer: "int",
  boolean: "boolean",
};

function keys<Row>(cls: "node" | "edge", specs: readonly AttributeSpec<Row>[]): string {
  return specs
    .map(
      (spec) =>
        `  <key id="${cls[0]}_${spec.name}" for="${cls}" attr.name="${spec.name}" ` +
        `attr.type="${GRAPHML_TYPES[spec.type]}"/>\n`,
    )
    .join("");
}

function data<Row>(cls: "node" | "edge", row: Row, specs: readonly AttributeSpec<Row>[]): string {
  let text = "";
  for (const spec of specs) {
    const value = spec.value(row);
    if (value === null) continue;
    text += `<data key="${cls[0]}_${spec.name}">${typeof value === "string" ? escapeXml(value) : String(value)}</data>`;
  }
  return text;
}

export async function writeGraphml(rows: ExportRows, sink: ExportSink, options: GraphmlOptions = {}): Promise<void> {
  const out = new TextOutput(sink);
  out.write(
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
      `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
      `xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns ` +
      `http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n` +
      keys("node", NODE_ATTRIBUTES) +
      (options.positions
        ? `  <key id="n_x" for="node" attr.name="x" attr.type="double"/>\n` +
          `  <key id="n_y" for="node" attr.name="y" attr.type="double"/>\n`
        : "") +
      keys("edge", EDGE_ATTRIBUTES) +
      `  <graph id="lineage" edgedefault="directed">\n`,
  );
  for await (const node of rows.nodes()) {
    const position = options.positions?.(node.id);
    const place =
      position !== undefined && Number.isFinite(position.x) && Number.isFinite(position.y)
        ? `<data key="n_x">${position.x}</data><data key="n_y">${position.y}</data>`
        : "";
    if (out.write(`    <node id="${escapeXml(node.id)}">${data("node", node, NODE_ATTRIBUTES)}${place}</node>\n`))
      await out.flush();
  }
  // Edges carry no id: networkx would keep it as an extra "id" attribute.
  for await (const edge of rows.edges()) {
    const line =
      `    <edge source="${escapeXml(edge.parent)}" target="${escapeXml(edge.child)}">` +
      `${data("edge", edge, EDGE_ATTRIBUTES)}</edge>\n`;
    if (out.write(line)) await out.flush();
  }
  out.write(`  </graph>\n</graphml>\n`);
  await out.flush();
}
