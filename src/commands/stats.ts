// `hf-lineage stats`: the headline figures of the database.

import { lineageStats } from "../graph/lineage-stats.js";
import { loadLineage } from "../graph/lineage.js";
import type { Command } from "./command.js";
import { table, toJson } from "./render.js";

export const statsCommand: Command = {
  name: "stats",
  summary: "Models, edges, self-loops, multi-parent models, roots, placeholders and the deepest generation",
  usage: "stats [--json]",
  options: {},
  optionHelp: [],
  async run({ values, output, openStore }) {
    const stats = lineageStats(loadLineage(await openStore()));
    if (values.json === true) return output.out(toJson(stats));
    output.out(
      table([
        ["models", stats.nodes],
        ["edges (distinct parent → child pairs)", stats.edges],
        ["self-loops (left out of the edges)", stats.selfLoops],
        ["models with several parents", stats.multiParent],
        ["roots (no parent)", stats.roots],
        ["placeholders (named, no record)", stats.placeholders],
        ["deepest generation", stats.maxGeneration],
      ]),
    );
  },
};
