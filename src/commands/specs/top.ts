// `hf-lineage top` as --help shows it: its usage and options. The work is in ../top.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const topSpec: CommandSpec = {
  name: "top",
  summary: "Models ranked by descendants, direct children, PageRank (influence) or subtree downloads",
  usage: "top [--by descendants|children|pagerank|subtree-downloads] [--limit N] [--json]",
  options: [
    // The rankings of src/graph/top-models.ts (RANKINGS), written out so that --help does not load it.
    { name: "by", value: "METRIC", help: "descendants (default), children, pagerank or subtree-downloads" },
    { name: "limit", value: "N", help: "how many models (default 20)" },
  ],
  load: () => import("../top.js"),
};
