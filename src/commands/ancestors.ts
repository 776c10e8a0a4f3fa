// `hf-lineage ancestors ID`: every ancestor of a model and every path up to a root.

import { ancestorPaths, ancestorsOf } from "../graph/ancestry.js";
import { loadLineage } from "../graph/lineage.js";
import { resolveQuery } from "../graph/resolve-query.js";
import { UsageError, type CommandContext } from "./command.js";
import { wholeNumberOption } from "./read-option.js";
import { toJson } from "./render.js";

export async function run({ values, positionals, output, openStore }: CommandContext): Promise<number | void> {
  if (positionals.length !== 1) throw new UsageError("give one model id");
  const maxPaths = wholeNumberOption(values, "max-paths", 100, { min: 1, max: 100_000 });
  const lineage = loadLineage(await openStore());
  const resolved = resolveQuery(lineage.store, positionals[0] as string);
  if (resolved.kind !== "model") throw new UsageError(`"${resolved.org}" is an org; ancestors takes a model id`);
  const ancestors = ancestorsOf(lineage.graph, resolved.id);
  const { paths, truncated } = ancestorPaths(lineage.graph, resolved.id, { maxPaths });
  if (values.json === true) return output.out(toJson({ id: resolved.id, ancestors, paths, truncated }));
  if (ancestors.length === 0) return output.out(`${resolved.id} has no ancestors (it declares no base model)\n`);
  output.out(`${resolved.id}: ${ancestors.length} ancestors, ${paths.length}${truncated ? "+" : ""} paths to a root\n`);
  for (const path of paths) output.out(`  ${path.join(" ← ")}\n`);
  if (truncated) output.out(`  ... more paths (raise --max-paths)\n`);
}
