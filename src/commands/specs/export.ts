// `hf-lineage export` as --help shows it: its usage and options. The work is in ../export.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const exportSpec: CommandSpec = {
  name: "export",
  summary: "Write a family, or the whole database, as GEXF, GraphML, CSV, JSON or Parquet",
  usage:
    "export [ID_OR_ORG] [--format gexf|gexf-1.2|graphml|csv|json|parquet] -o FILE|DIR|- [--depth N] " +
    "[--relations a,b] [--color relation|org] [--layout tree]",
  // The formats and colour modes of src/export (EXPORT_FORMATS, COLOR_MODES), written out so that --help does not
  // load the writers.
  options: [
    {
      name: "format",
      short: "f",
      value: "F",
      help:
        "gexf (1.3, Gephi), gexf-1.2 (1.2draft, networkx), graphml, json (graphology), csv, parquet\n" +
        "(default: from the file extension; csv and parquet write nodes.* and edges.* into DIR)",
    },
    {
      name: "output",
      short: "o",
      value: "PATH",
      help: "the file, the directory (csv, parquet) or - for standard output",
    },
    { name: "depth", value: "N", help: "a family: only descendants at most N steps below" },
    {
      name: "relations",
      value: "a,b",
      help: "a family: only follow these relations (finetune, adapter, quantized, merge, unknown)",
    },
    { name: "color", value: "MODE", help: "GEXF node colour by relation (default) or org" },
    {
      name: "layout",
      value: "tree",
      help: "a family: add tree-layout positions (GEXF viz:position, GraphML and JSON x, y)",
    },
  ],
  load: () => import("../export.js"),
};
