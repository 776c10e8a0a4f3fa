// `hf-lineage import` as --help shows it: its usage and options. The work is in ../import.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const importSpec: CommandSpec = {
  name: "import",
  summary: "Import recorded Hub metadata files (format detected from the content)",
  usage: "import FILE... [--format FORMAT] [--child-column C] [--parent-column C] [--relation-column C] [--force]",
  options: [
    // The formats of src/ingest/import-formats.ts (IMPORT_FORMATS), written out so that --help does not load it.
    { name: "format", value: "F", help: "hub-json | edges-csv | models-csv | family-trees (default: detected)" },
    {
      name: "child-column",
      value: "C",
      help: "edge lists: the child column (default: child, target, current_model, model_id, modelId, model or id)",
    },
    {
      name: "parent-column",
      value: "C",
      help: "edge lists: the parent column (default: parent, source, base_model, base_models or base)",
    },
    {
      name: "relation-column",
      value: "C",
      help: "edge lists: the relation column (default: relation, base_model_relation, edge, edge_type or type)",
    },
    { name: "force", help: "import a file again even when the same content was imported before" },
  ],
  createsDatabase: true,
  load: () => import("../import.js"),
};
