// GET /api/export?q=ID_OR_ORG&format=&depth=&relations=[&table=nodes|edges]: the family's members (as /api/family
// finds them, no fans, no node cap up to MAX_EXPORT) streamed as a file download, laid out as the viewer draws it.

import { PassThrough, Readable } from "node:stream";
import { familyView } from "../../graph/family-view.js";
import { familyMetrics, indexFamilyGraph, indexFamilyMembers } from "../../graph/index-family-graph.js";
import { memberRows } from "../../export/export-rows.js";
import { writeExport, type ExportFormat } from "../../export/write-export.js";
import { checkpoint } from "../checkpoint.js";
import { HttpError } from "../http-error.js";
import { lookUpQuery, nodesOfQuery } from "../lookup.js";
import { choiceParam, countParam, modelOrOrgParam, relationsParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import { MAX_DEPTH } from "./family.js";
import { formatCount } from "../../vocabulary/count-text.js";

/** The most members one export may hold; a larger family needs a depth or relation filter. */
export const MAX_EXPORT = 200_000;

const FORMATS = ["gexf", "gexf-1.2", "graphml", "csv", "json"] as const satisfies readonly ExportFormat[];

const FILE_TYPES: Record<(typeof FORMATS)[number], { type: string; extension: string }> = {
  gexf: { type: "application/gexf+xml; charset=utf-8", extension: "gexf" },
  "gexf-1.2": { type: "application/gexf+xml; charset=utf-8", extension: "gexf" },
  graphml: { type: "application/graphml+xml; charset=utf-8", extension: "graphml" },
  csv: { type: "text/csv; charset=utf-8", extension: "csv" },
  json: { type: "application/json; charset=utf-8", extension: "json" },
};

export const EXPORT_PARAMS = ["q", "format", "depth", "relations", "table"] as const;

/** The download: computed with checkpoints up to its first byte, then written as read; `signal` stops both. */
export async function exportFamily(
  data: ServerData,
  params: URLSearchParams,
  signal: AbortSignal,
  log: (message: string) => void = () => {},
): Promise<Response> {
  const { lineage } = data;
  const resolved = lookUpQuery(lineage.store, modelOrOrgParam(params, "q"));
  const sources = nodesOfQuery(lineage, resolved);
  const format = choiceParam(params, "format", FORMATS, "gexf");
  const table = choiceParam(params, "table", ["edges", "nodes"] as const, "edges");
  const maxDepth = countParam(params, "depth", { min: 0, max: MAX_DEPTH });
  const relations = relationsParam(params, "relations");
  const reached = indexFamilyMembers(lineage, sources, {
    direction: "down",
    maxDepth,
    ...(relations ? { relations } : {}),
  });
  if (reached.size > MAX_EXPORT) {
    throw new HttpError(
      413,
      `the family has ${formatCount(reached.size)} members, more than the ` +
        `${formatCount(MAX_EXPORT)} one export may hold; narrow it with depth or relations`,
    );
  }
  await checkpoint(signal);
  const family = indexFamilyGraph(lineage, reached);
  await checkpoint(signal);
  const { positions } = familyView(family.graph, family.members);
  await checkpoint(signal);
  const rows = memberRows(lineage.store, family.graph, family.members.keys(), familyMetrics(lineage, family));
  await checkpoint(signal);
  const name = (resolved.kind === "model" ? resolved.id : resolved.org).replace(/[^A-Za-z0-9._-]+/g, "_");
  // The file name carries the filters and, for the older GEXF, the version: two downloads never share a name.
  const filters = `${maxDepth === undefined ? "" : `_depth${maxDepth}`}${relations ? `_${relations.join("-")}` : ""}`;
  const suffix = `${filters}${format === "gexf-1.2" ? "-gexf1.2" : ""}${format === "csv" ? `-${table}` : ""}`;
  const output = new PassThrough();
  const other = new PassThrough();
  const sink =
    format === "csv" ? (table === "edges" ? { nodes: other, edges: output } : { nodes: output, edges: other }) : output;
  other.resume();
  // A client that goes away ends the writing at its next write (the writers stop on a closed output).
  signal.addEventListener("abort", () => output.destroy(), { once: true });
  writeExport(format, rows, sink, {
    positions: (id) => positions.get(id),
    description: `hf-lineage family of ${name}`,
  }).then(
    () => output.end(),
    (error: unknown) => {
      // A client that left, or a body cancelled unread (HEAD), is no failure.
      if (signal.aborted || output.destroyed) return;
      log(`server: export of ${name} as ${format} failed: ${error instanceof Error ? error.message : String(error)}`);
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  );
  return new Response(Readable.toWeb(output) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      "content-type": FILE_TYPES[format].type,
      "content-disposition": `attachment; filename="${name}-family${suffix}.${FILE_TYPES[format].extension}"`,
    },
  });
}
