// `hf-lineage export [ID_OR_ORG] --format F -o FILE|DIR|-`: a family, or the whole database, as GEXF, GraphML,
// CSV, JSON or Parquet, streamed to a temporary file and renamed into place only when complete.

import { mkdirSync } from "node:fs";
import { extname, join } from "node:path";
import { Writable } from "node:stream";
import { familyView } from "../graph/family-view.js";
import { familyNodes } from "../graph/index-family.js";
import { familyMetrics, indexFamilyGraph, indexFamilyMembers } from "../graph/index-family-graph.js";
import { modelMetricsOf, openIndexedLineage } from "../graph/indexed-lineage.js";
import { resolveQuery } from "../graph/resolve-query.js";
import { checkOutputPaths, writeAtomically } from "../export/atomic-output.js";
import { failureLine } from "./failure-line.js";
import { memberRows, wholeDatabaseRows, type ExportRows } from "../export/export-rows.js";
import { withProgress } from "../export/export-progress.js";
import { COLOR_MODES, type PositionLookup } from "../export/viz-style.js";
import {
  EXPORT_FORMATS,
  isTableFormat,
  tableFileNames,
  writeExport,
  type ExportFormat,
} from "../export/write-export.js";
import type { Store } from "../store/open-store.js";
import { CommandError, UsageError, type CommandContext, type CommandOutput } from "./command.js";
import { choiceOption, relationListOption, wholeNumberOption } from "./read-option.js";
import { formatCount, toJson } from "./render.js";

const EXTENSION_FORMATS: Record<string, ExportFormat> = { ".gexf": "gexf", ".graphml": "graphml", ".json": "json" };

function formatOf(values: CommandContext["values"], target: string): ExportFormat {
  const given = choiceOption(values, "format", EXPORT_FORMATS);
  if (given !== undefined) return given;
  const inferred = EXTENSION_FORMATS[extname(target).toLowerCase()] ?? (target === "-" ? "gexf" : undefined);
  if (inferred === undefined)
    throw new UsageError(`cannot tell the format from "${target}"; give --format ${EXPORT_FORMATS.join("|")}`);
  return inferred;
}

interface Selection {
  rows: ExportRows;
  description: string;
  positions?: PositionLookup;
}

function select(store: Store, query: string | undefined, values: CommandContext["values"]): Selection {
  const maxDepth = values.depth === undefined ? undefined : wholeNumberOption(values, "depth", 0);
  const relations = relationListOption(values);
  if (values.layout !== undefined && values.layout !== "tree")
    throw new UsageError(`--layout takes "tree"; got "${String(values.layout)}"`);
  const familyOnly = maxDepth !== undefined || relations !== undefined || values.layout !== undefined;
  if (query === undefined && familyOnly) {
    throw new UsageError("--depth, --relations and --layout apply to a family: give a model id or org");
  }
  const lineage = openIndexedLineage(store);
  if (query === undefined) {
    const rows = wholeDatabaseRows(store, (node) => modelMetricsOf(lineage, node));
    return { rows, description: "hf-lineage: every model and lineage edge of the database" };
  }
  const resolved = resolveQuery(store, query);
  const sources = familyNodes(lineage, resolved);
  const family = indexFamilyGraph(
    lineage,
    indexFamilyMembers(lineage, sources, { direction: "down", maxDepth, ...(relations ? { relations } : {}) }),
  );
  const name = resolved.kind === "model" ? resolved.id : resolved.org;
  const selection: Selection = {
    rows: memberRows(store, family.graph, family.members.keys(), familyMetrics(lineage, family)),
    description: `hf-lineage: the family of ${name}`,
  };
  if (values.layout === "tree") {
    const { positions } = familyView(family.graph, family.members);
    selection.positions = (id) => positions.get(id);
  }
  return selection;
}

/** Standard output as a stream (the command line's own writes are synchronous for files and pipes). */
function outputStream(output: CommandOutput): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: Buffer | string, _encoding, callback) {
      output.raw(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
      callback();
    },
  });
}

function report(
  output: CommandOutput,
  json: boolean,
  summary: { format: ExportFormat; files: string[]; nodes: number; edges: number },
): void {
  if (json) output.out(toJson(summary));
  else
    output.err(
      `wrote ${formatCount(summary.nodes)} nodes and ${formatCount(summary.edges)} edges ` +
        `to ${summary.files.join(", ")}\n`,
    );
}

export async function run({ values, positionals, output, openStore }: CommandContext): Promise<number | void> {
  if (positionals.length > 1)
    throw new UsageError("give at most one model id or org (none exports the whole database)");
  const target = values.output;
  if (typeof target !== "string" || target.length === 0)
    throw new UsageError("give the output with -o FILE, -o DIR (csv, parquet) or -o - (standard output)");
  const format = formatOf(values, target);
  // Before the selection is read: a path that cannot be written is refused at once.
  if (target !== "-" && !isTableFormat(format)) checkOutputPaths([target]);
  const color = choiceOption(values, "color", COLOR_MODES) ?? "relation";
  const selection = select(await openStore(), positionals[0], values);
  const rows = output.interactive && target !== "-" ? withProgress(selection.rows, output.err) : selection.rows;
  const options = { color, positions: selection.positions, description: selection.description };
  if (target === "-") {
    if (isTableFormat(format)) throw new UsageError(`--format ${format} writes two files; give -o DIR`);
    return writeExport(format, rows, outputStream(output), options);
  }
  let files: string[];
  try {
    if (isTableFormat(format)) {
      mkdirSync(target, { recursive: true });
      const names = tableFileNames(format);
      files = [join(target, names.nodes), join(target, names.edges)];
      await writeAtomically(files, ([nodes, edges]) =>
        writeExport(format, rows, { nodes: nodes!, edges: edges! }, options),
      );
    } else {
      files = [target];
      await writeAtomically(files, ([file]) => writeExport(format, rows, file!, options));
    }
  } catch (error) {
    const line = failureLine(error, target);
    if (line !== null) throw new CommandError(`cannot write the export: ${line}`);
    throw error;
  }
  report(output, values.json === true, {
    format,
    files,
    nodes: selection.rows.nodeCount,
    edges: selection.rows.edgeCount,
  });
}
