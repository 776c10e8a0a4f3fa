// `hf-lineage siblings ID`: what else was built on the same base, grouped by relation, most downloaded first.

import { familyNodes } from "../graph/index-family.js";
import { indexSiblings } from "../graph/index-siblings.js";
import { openIndexedLineage } from "../graph/indexed-lineage.js";
import { resolveQuery } from "../graph/resolve-query.js";
import { RELATIONS } from "../vocabulary/relation.js";
import { UsageError, type CommandContext } from "./command.js";
import { wholeNumberOption } from "./read-option.js";
import { formatCount, toJson } from "./render.js";

export async function run({ values, positionals, output, openStore }: CommandContext): Promise<number | void> {
  if (positionals.length !== 1) throw new UsageError("give one model id");
  const limit = wholeNumberOption(values, "limit", 20, { min: 1, max: 1_000_000 });
  const lineage = openIndexedLineage(await openStore());
  const resolved = resolveQuery(lineage.store, positionals[0] as string);
  if (resolved.kind !== "model") throw new UsageError(`"${resolved.org}" is an org; siblings takes a model id`);
  const report = indexSiblings(lineage, familyNodes(lineage, resolved)[0] as number);
  if (values.json === true) return output.out(toJson(report));
  if (report.placeholder)
    return output.out(`${report.id} has no record (placeholder): its parents, and so its siblings, are unknown\n`);
  if (report.parents.length === 0) return output.out(`${report.id} has no parent, so no siblings\n`);
  const parents = report.parents.map((parent) => `${parent.id} (${parent.relation})`).join(", ");
  output.out(`${report.id}: ${formatCount(report.total)} siblings through ${parents}\n`);
  for (const relation of RELATIONS) {
    const list = report.byRelation[relation];
    if (list.length === 0) continue;
    output.out(`\n${relation} (${formatCount(list.length)})\n`);
    for (const sibling of list.slice(0, limit))
      output.out(
        `  ${sibling.id}${sibling.downloads === null ? "" : `  ${formatCount(sibling.downloads)} downloads`}\n`,
      );
    if (list.length > limit) output.out(`  ... ${formatCount(list.length - limit)} more\n`);
  }
}
