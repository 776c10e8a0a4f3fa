// `hf-lineage summary`: the snapshot at a glance: headline figures, the largest org families and the models with
// the most descendants.

import { indexTopModels } from "../graph/index-top.js";
import { indexOrgFamilies, openIndexedLineage } from "../graph/indexed-lineage.js";
import type { CommandContext } from "./command.js";
import { wholeNumberOption } from "./read-option.js";
import { formatCount, table, toJson } from "./render.js";

export async function run({ values, output, openStore }: CommandContext): Promise<number | void> {
  const limit = wholeNumberOption(values, "limit", 10, { min: 1, max: 10_000 });
  const lineage = openIndexedLineage(await openStore());
  const { stats } = lineage.headline;
  const orgs = indexOrgFamilies(lineage, limit);
  const models = indexTopModels(lineage, "descendants", limit);
  if (values.json === true) return output.out(toJson({ stats, largestOrgFamilies: orgs, mostDescendants: models }));
  output.out(
    `${formatCount(stats.nodes)} models, ${formatCount(stats.edges)} edges, ${formatCount(stats.roots)} roots, ` +
      `${formatCount(stats.placeholders)} placeholders, up to ${stats.maxGeneration} generations deep\n\n`,
  );
  output.out(
    "Largest org families\n" +
      `${table([["org", "own models", "derived models"], ...orgs.map((o) => [o.org, o.models, o.descendants])])}\n`,
  );
  output.out(
    "Most descendants\n" +
      table([["model", "descendants", "downloads"], ...models.map((m) => [m.id, m.value, m.downloads])]),
  );
}
