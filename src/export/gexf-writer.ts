// Streams a GEXF document, version 1.3 (Gephi) or 1.2draft (networkx, older tools), valid against the official
// schemas: typed attributes, viz colour, size and position, every value escaped by xml-text.ts, nothing held.

import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type AttributeSpec } from "./attribute-table.js";
import type { ExportRows } from "./export-rows.js";
import { TextOutput, type ExportSink } from "./text-output.js";
import { nodeColor, nodeSize, type ColorMode, type PositionLookup } from "./viz-style.js";
import { escapeXml } from "./xml-text.js";

export const GEXF_VERSIONS = ["1.3", "1.2draft"] as const;
export type GexfVersion = (typeof GEXF_VERSIONS)[number];

export interface GexfOptions {
  version?: GexfVersion;
  color?: ColorMode;
  positions?: PositionLookup;
  /** Written to the document's meta description. */
  description?: string;
  /** The meta lastmodifieddate, YYYY-MM-DD (default: today, UTC). */
  date?: string;
}

const NAMESPACES: Record<GexfVersion, { gexf: string; viz: string; version: string }> = {
  "1.3": { gexf: "http://gexf.net/1.3", viz: "http://gexf.net/1.3/viz", version: "1.3" },
  "1.2draft": { gexf: "http://www.gexf.net/1.2draft", viz: "http://www.gexf.net/1.2draft/viz", version: "1.2" },
};

function declarations<Row>(cls: "node" | "edge", specs: readonly AttributeSpec<Row>[]): string {
  const lines = specs.map((spec) => `      <attribute id="${spec.name}" title="${spec.name}" type="${spec.type}"/>\n`);
  return `    <attributes class="${cls}">\n${lines.join("")}    </attributes>\n`;
}

function attvalues<Row>(row: Row, specs: readonly AttributeSpec<Row>[]): string {
  let text = "";
  for (const spec of specs) {
    const value = spec.value(row);
    if (value === null) continue;
    text += `<attvalue for="${spec.name}" value="${typeof value === "string" ? escapeXml(value) : String(value)}"/>`;
  }
  return text.length > 0 ? `<attvalues>${text}</attvalues>` : "";
}

function decimal(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

export async function writeGexf(rows: ExportRows, sink: ExportSink, options: GexfOptions = {}): Promise<void> {
  const version = options.version ?? "1.3";
  const ns = NAMESPACES[version];
  const color = options.color ?? "relation";
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const out = new TextOutput(sink);
  out.write(
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
      `<gexf xmlns="${ns.gexf}" xmlns:viz="${ns.viz}" version="${ns.version}">\n` +
      `  <meta lastmodifieddate="${date}">\n    <creator>hf-lineage</creator>\n` +
      (options.description === undefined ? "" : `    <description>${escapeXml(options.description)}</description>\n`) +
      `  </meta>\n` +
      `  <graph defaultedgetype="directed" idtype="string"${version === "1.2draft" ? ` mode="static"` : ""}>\n` +
      declarations("node", NODE_ATTRIBUTES) +
      declarations("edge", EDGE_ATTRIBUTES) +
      `    <nodes count="${rows.nodeCount}">\n`,
  );
  let nodes = 0;
  for await (const node of rows.nodes()) {
    nodes++;
    const id = escapeXml(node.id);
    const { r, g, b } = nodeColor(node, color);
    const position = options.positions?.(node.id);
    const place =
      position !== undefined && Number.isFinite(position.x) && Number.isFinite(position.y)
        ? `<viz:position x="${decimal(position.x)}" y="${decimal(position.y)}" z="0"/>`
        : "";
    const line =
      `      <node id="${id}" label="${id}">${attvalues(node, NODE_ATTRIBUTES)}` +
      `<viz:color r="${r}" g="${g}" b="${b}"/><viz:size value="${decimal(nodeSize(node))}"/>${place}</node>\n`;
    if (out.write(line)) await out.flush();
  }
  if (nodes !== rows.nodeCount)
    throw new Error(`export/gexf: expected ${rows.nodeCount} nodes, the rows held ${nodes}`);
  out.write(`    </nodes>\n    <edges count="${rows.edgeCount}">\n`);
  let edges = 0;
  for await (const edge of rows.edges()) {
    const line =
      `      <edge id="${edges}" source="${escapeXml(edge.parent)}" target="${escapeXml(edge.child)}">` +
      `${attvalues(edge, EDGE_ATTRIBUTES)}</edge>\n`;
    edges++;
    if (out.write(line)) await out.flush();
  }
  if (edges !== rows.edgeCount)
    throw new Error(`export/gexf: expected ${rows.edgeCount} edges, the rows held ${edges}`);
  out.write(`    </edges>\n  </graph>\n</gexf>\n`);
  await out.flush();
}
