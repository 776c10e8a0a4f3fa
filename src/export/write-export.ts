// The one entry point the command line and the server share: a format name, the rows, and where to write.
// Single-document formats take one sink; table formats (CSV, Parquet) take a sink for nodes and one for edges.

import { writeEdgesCsv, writeNodesCsv } from "./csv-writer.js";
import type { ExportRows } from "./export-rows.js";
import { writeGexf } from "./gexf-writer.js";
import { writeGraphml } from "./graphml-writer.js";
import { writeJson } from "./json-writer.js";
import { writeEdgesParquet, writeNodesParquet } from "./parquet-writer.js";
import type { ExportSink } from "./text-output.js";
import type { ColorMode, PositionLookup } from "./viz-style.js";

export const EXPORT_FORMATS = ["gexf", "gexf-1.2", "graphml", "csv", "json", "parquet"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type TableFormat = "csv" | "parquet";

export interface TableSinks {
  nodes: ExportSink;
  edges: ExportSink;
}

export interface WriteExportOptions {
  /** GEXF node colour (default: by relation). */
  color?: ColorMode;
  /** Layout positions (GEXF viz:position, GraphML x/y keys, JSON x/y attributes). */
  positions?: PositionLookup;
  /** GEXF meta description. */
  description?: string;
}

export function isTableFormat(format: ExportFormat): format is TableFormat {
  return format === "csv" || format === "parquet";
}

/** The file names a table format writes into its output directory. */
export function tableFileNames(format: TableFormat): { nodes: string; edges: string } {
  return { nodes: `nodes.${format}`, edges: `edges.${format}` };
}

/** The usual file extension of a single-document format. */
export function documentExtension(format: Exclude<ExportFormat, TableFormat>): string {
  return format === "gexf-1.2" ? "gexf" : format;
}

/** Writes `rows` in `format`; the sinks are left open for the caller to end. */
export async function writeExport(
  format: ExportFormat,
  rows: ExportRows,
  sink: ExportSink | TableSinks,
  options: WriteExportOptions = {},
): Promise<void> {
  const tables = typeof (sink as Partial<ExportSink>).write !== "function";
  if (isTableFormat(format)) {
    if (!tables)
      throw new Error(`export: format "${format}" writes two tables and needs a sink for nodes and one for edges`);
    const [nodes, edges] = format === "csv" ? [writeNodesCsv, writeEdgesCsv] : [writeNodesParquet, writeEdgesParquet];
    await nodes(rows, (sink as TableSinks).nodes);
    await edges(rows, (sink as TableSinks).edges);
    return;
  }
  if (tables) throw new Error(`export: format "${format}" writes one document and needs one sink`);
  const single = sink as ExportSink;
  switch (format) {
    case "gexf":
    case "gexf-1.2":
      return writeGexf(rows, single, {
        version: format === "gexf" ? "1.3" : "1.2draft",
        color: options.color,
        positions: options.positions,
        description: options.description,
      });
    case "graphml":
      return writeGraphml(rows, single, { positions: options.positions });
    case "json":
      return writeJson(rows, single, { positions: options.positions });
  }
}
