// `hf-lineage tree ID`: a model's descendants as an indented tree.

import { familyNodes } from "../graph/index-family.js";
import { indexTree, treeLines } from "../graph/index-tree.js";
import { openIndexedLineage } from "../graph/indexed-lineage.js";
import { resolveQuery } from "../graph/resolve-query.js";
import { UsageError, type CommandContext } from "./command.js";
import { relationListOption, wholeNumberOption } from "./read-option.js";
import { toJson } from "./render.js";

export async function run({ values, positionals, output, openStore }: CommandContext): Promise<number | void> {
  if (positionals.length !== 1) throw new UsageError("give one model id");
  const maxDepth = wholeNumberOption(values, "depth", 2, { min: 1, max: 1000 });
  const maxNodes = wholeNumberOption(values, "max-nodes", 200, { min: 1, max: 1_000_000 });
  const relations = relationListOption(values);
  const lineage = openIndexedLineage(await openStore());
  const resolved = resolveQuery(lineage.store, positionals[0] as string);
  if (resolved.kind !== "model")
    throw new UsageError(`"${resolved.org}" is an org; tree takes a model id (try \`family ${resolved.org}\`)`);
  const [node] = familyNodes(lineage, resolved);
  const tree = indexTree(lineage, node as number, { maxDepth, maxNodes, relations });
  output.out(values.json === true ? toJson(tree) : `${treeLines(tree).join("\n")}\n`);
}
