// `hf-lineage path A B`: every derivation path between two models (either direction), or their nearest common
// ancestors when neither descends from the other.

import { familyNodes } from "../graph/index-family.js";
import { indexPaths } from "../graph/index-paths.js";
import { openIndexedLineage } from "../graph/indexed-lineage.js";
import { resolveQuery } from "../graph/resolve-query.js";
import { UsageError, type CommandContext } from "./command.js";
import { wholeNumberOption } from "./read-option.js";
import { toJson } from "./render.js";

export async function run({ values, positionals, output, openStore }: CommandContext): Promise<number | void> {
  if (positionals.length !== 2) throw new UsageError("give two model ids");
  const maxPaths = wholeNumberOption(values, "max-paths", 100, { min: 1, max: 100_000 });
  const lineage = openIndexedLineage(await openStore());
  const nodes = positionals.map((text) => {
    const resolved = resolveQuery(lineage.store, text);
    if (resolved.kind !== "model") throw new UsageError(`"${resolved.org}" is an org; path takes two model ids`);
    return familyNodes(lineage, resolved)[0] as number;
  }) as [number, number];
  if (nodes[0] === nodes[1]) throw new UsageError("give two different models");
  const report = indexPaths(lineage, nodes[0], nodes[1], { maxPaths });
  if (values.json === true) return output.out(toJson(report));
  if (report.direction !== "none") {
    const [top, bottom] = report.direction === "down" ? [report.from, report.to] : [report.to, report.from];
    const count = `${report.paths.length}${report.truncated ? "+" : ""}`;
    output.out(`${bottom} descends from ${top}: ${count} path${report.paths.length === 1 ? "" : "s"}\n`);
    for (const path of report.paths) output.out(`  ${path.join(" → ")}\n`);
    if (report.truncated) output.out(`  ... more paths (raise --max-paths)\n`);
    return;
  }
  if (report.commonAncestors.length === 0)
    return output.out(`${report.from} and ${report.to} are not related: no path and no common ancestor\n`);
  output.out(`neither descends from the other; nearest common ancestors:\n`);
  for (const common of report.commonAncestors) {
    output.out(`  ${common.id}\n    → ${report.from}: ${common.pathToFrom.slice(1).join(" → ")}\n`);
    output.out(`    → ${report.to}: ${common.pathToTo.slice(1).join(" → ")}\n`);
  }
}
