// `hf-lineage stats`: the headline figures of the database.

import { openIndexedLineage } from "../graph/indexed-lineage.js";
import type { CommandContext } from "./command.js";
import { table, toJson } from "./render.js";

export async function run({ values, output, openStore }: CommandContext): Promise<number | void> {
  const { stats } = openIndexedLineage(await openStore()).headline;
  if (values.json === true) return output.out(toJson(stats));
  output.out(
    table([
      ["models", stats.nodes],
      ["edges (distinct parent → child pairs)", stats.edges],
      ["self-loops (left out of the edges)", stats.selfLoops],
      ["models with several parents", stats.multiParent],
      ["roots (a record, no parent)", stats.roots],
      ["placeholders (named, no record)", stats.placeholders],
      ["deepest generation", stats.maxGeneration],
    ]),
  );
}
