// `hf-lineage top`: the models with the most descendants, children, influence (PageRank) or subtree downloads.

import { indexTopModels } from "../graph/index-top.js";
import { openIndexedLineage } from "../graph/indexed-lineage.js";
import { RANKINGS } from "../graph/top-models.js";
import type { CommandContext } from "./command.js";
import { choiceOption, wholeNumberOption } from "./read-option.js";
import { table, toJson } from "./render.js";

export async function run({ values, output, openStore }: CommandContext): Promise<number | void> {
  const by = choiceOption(values, "by", RANKINGS) ?? "descendants";
  const limit = wholeNumberOption(values, "limit", 20, { min: 1, max: 100_000 });
  const models = indexTopModels(openIndexedLineage(await openStore()), by, limit);
  if (values.json === true) return output.out(toJson({ by, models }));
  output.out(
    table([
      ["#", "model", by, "downloads"],
      ...models.map((m, i) => [
        String(i + 1),
        m.id,
        by === "pagerank" && m.value !== null ? m.value.toExponential(3) : m.value,
        m.downloads,
      ]),
    ]),
  );
}
