// `hf-lineage ancestors ID`: every ancestor of a model and every path up to a root.

import { indexAncestorPaths } from "../graph/index-ancestry.js";
import { familyNodes, indexAncestors, isPlaceholder, namesItself } from "../graph/index-family.js";
import { openIndexedLineage } from "../graph/indexed-lineage.js";
import { resolveQuery } from "../graph/resolve-query.js";
import { UsageError, type CommandContext } from "./command.js";
import { wholeNumberOption } from "./read-option.js";
import { toJson } from "./render.js";

export async function run({ values, positionals, output, openStore }: CommandContext): Promise<number | void> {
  if (positionals.length !== 1) throw new UsageError("give one model id");
  const maxPaths = wholeNumberOption(values, "max-paths", 100, { min: 1, max: 100_000 });
  const lineage = openIndexedLineage(await openStore());
  const resolved = resolveQuery(lineage.store, positionals[0] as string);
  if (resolved.kind !== "model") throw new UsageError(`"${resolved.org}" is an org; ancestors takes a model id`);
  const [node] = familyNodes(lineage, resolved);
  const ancestors = indexAncestors(lineage, node as number);
  const { paths, truncated } = indexAncestorPaths(lineage, node as number, { maxPaths });
  const placeholder = isPlaceholder(lineage, node as number);
  if (values.json === true) return output.out(toJson({ id: resolved.id, ancestors, paths, truncated, placeholder }));
  if (placeholder) return output.out(`${resolved.id} has no record (placeholder): what it derives from is unknown\n`);
  if (ancestors.length === 0) {
    const why = namesItself(lineage, node as number) ? "its only declared base is itself" : "it declares no base model";
    return output.out(`${resolved.id} has no ancestors (${why})\n`);
  }
  output.out(`${resolved.id}: ${ancestors.length} ancestors, ${paths.length}${truncated ? "+" : ""} paths to a root\n`);
  for (const path of paths) output.out(`  ${path.join(" ← ")}\n`);
  if (truncated) output.out(`  ... more paths (raise --max-paths)\n`);
}
