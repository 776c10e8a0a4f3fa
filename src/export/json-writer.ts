// Streams graphology's serialisation format ({options, attributes, nodes: [{key, attributes}], edges: [{source,
// target, attributes}]}), which Graph.from and graph.import load as is; nulls are kept, positions added as x, y.

import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type AttributeValue } from "./attribute-table.js";
import type { ExportRows } from "./export-rows.js";
import { TextOutput, type ExportSink } from "./text-output.js";
import type { PositionLookup } from "./viz-style.js";

export interface JsonOptions {
  positions?: PositionLookup;
}

export async function writeJson(rows: ExportRows, sink: ExportSink, options: JsonOptions = {}): Promise<void> {
  const out = new TextOutput(sink);
  out.write(`{"options":{"type":"directed","multi":false,"allowSelfLoops":false},"attributes":{},"nodes":[`);
  let first = true;
  for await (const node of rows.nodes()) {
    const attributes: Record<string, AttributeValue> = {};
    for (const spec of NODE_ATTRIBUTES) attributes[spec.name] = spec.value(node);
    const position = options.positions?.(node.id);
    if (position !== undefined && Number.isFinite(position.x) && Number.isFinite(position.y)) {
      attributes.x = position.x;
      attributes.y = position.y;
    }
    const text = `${first ? "" : ","}\n{"key":${JSON.stringify(node.id)},"attributes":${JSON.stringify(attributes)}}`;
    first = false;
    if (out.write(text)) await out.flush();
  }
  out.write(`\n],"edges":[`);
  first = true;
  for await (const edge of rows.edges()) {
    const attributes: Record<string, AttributeValue> = {};
    for (const spec of EDGE_ATTRIBUTES) attributes[spec.name] = spec.value(edge);
    const text =
      `${first ? "" : ","}\n{"source":${JSON.stringify(edge.parent)},"target":${JSON.stringify(edge.child)},` +
      `"attributes":${JSON.stringify(attributes)}}`;
    first = false;
    if (out.write(text)) await out.flush();
  }
  out.write(`\n]}\n`);
  await out.flush();
}
