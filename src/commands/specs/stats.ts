// `hf-lineage stats` as --help shows it. The work is in ../stats.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const statsSpec: CommandSpec = {
  name: "stats",
  summary: "Models, edges, self-loops, multi-parent models, roots, placeholders and the deepest generation",
  usage: "stats [--json]",
  options: [],
  load: () => import("../stats.js"),
};
