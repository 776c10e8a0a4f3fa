// `hf-lineage summary`: the snapshot at a glance: headline figures, the largest org families and the models with
// the most descendants.

import { largestOrgFamilies } from "../graph/org-families.js";
import { lineageStats } from "../graph/lineage-stats.js";
import { loadLineage } from "../graph/lineage.js";
import { topModels } from "../graph/top-models.js";
import type { CommandContext } from "./command.js";
import { wholeNumberOption } from "./read-option.js";
import { formatCount, table, toJson } from "./render.js";

export async function run({ values, output, openStore }: CommandContext): Promise<number | void> {
  const limit = wholeNumberOption(values, "limit", 10, { min: 1, max: 10_000 });
  const lineage = loadLineage(await openStore());
  const stats = lineageStats(lineage);
  const orgs = largestOrgFamilies(lineage.graph, lineage.metrics, limit);
  const models = topModels(lineage.graph, lineage.metrics, "descendants", limit);
  if (values.json === true) return output.out(toJson({ stats, largestOrgFamilies: orgs, mostDescendants: models }));
  output.out(`${formatCount(stats.nodes)} models, ${formatCount(stats.edges)} edges, ${formatCount(stats.roots)} roots, ${formatCount(stats.placeholders)} placeholders, up to ${stats.maxGeneration} generations deep\n\n`);
  output.out(`Largest org families\n${table([["org", "own models", "derived models"], ...orgs.map((o) => [o.org, o.models, o.descendants])])}\n`);
  output.out(`Most descendants\n${table([["model", "descendants", "downloads"], ...models.map((m) => [m.id, m.value, m.downloads])])}`);
}
