// What `quants` and `adapters` share: reading the model, walking its copies, and printing them (a table for people,
// the whole report as JSON).

import { familyNodes } from "../graph/index-family.js";
import { indexCopies, type CopiesReport, type CopyOptions, type CopyRelation } from "../graph/index-copies.js";
import { openIndexedLineage } from "../graph/indexed-lineage.js";
import { resolveQuery } from "../graph/resolve-query.js";
import { UsageError, type CommandContext } from "./command.js";
import { wholeNumberOption } from "./read-option.js";
import { formatCount, table, toJson } from "./render.js";

export async function runCopies(
  { values, positionals, output, openStore }: CommandContext,
  relation: CopyRelation,
  options: CopyOptions,
): Promise<void> {
  if (positionals.length !== 1) throw new UsageError("give one model id");
  const limit = wholeNumberOption(values, "limit", 50, { min: 1, max: 1_000_000 });
  const lineage = openIndexedLineage(await openStore());
  const resolved = resolveQuery(lineage.store, positionals[0] as string);
  if (resolved.kind !== "model") throw new UsageError(`"${resolved.org}" is an org; give a model id`);
  const [node] = familyNodes(lineage, resolved);
  const report = indexCopies(lineage, node as number, relation, options);
  if (values.json === true) return output.out(toJson(report));
  output.out(describe(report));
  if (report.models.length === 0) return;
  const rows: (string | number)[][] = [
    ["id", "format", "bits", "context", "publisher", "downloads", "likes", "created", "via"],
  ];
  for (const model of report.models.slice(0, limit)) {
    rows.push([
      model.id,
      model.format,
      model.bits === "unknown" ? "unknown" : model.bits.join(","),
      model.contextLength === null ? "—" : formatCount(model.contextLength),
      model.publisher ?? "—",
      model.downloads === null ? "—" : formatCount(model.downloads),
      model.likes === null ? "—" : formatCount(model.likes),
      model.created?.slice(0, 10) ?? "—",
      model.path.length > 2 ? model.path.slice(1, -1).join(" → ") : "",
    ]);
  }
  output.out(table(rows));
  if (report.models.length > limit)
    output.out(`... ${formatCount(report.models.length - limit)} more (raise --limit)\n`);
}

function describe(report: CopiesReport): string {
  const what = report.relation === "quantized" ? "quantizations" : "adapters";
  const through = report.through.length === 0 ? "directly" : `directly or through ${report.through.join(", ")}`;
  const filters = [
    report.filters.format === null ? null : `format ${report.filters.format}`,
    report.filters.bits === null ? null : `${report.filters.bits} bits`,
  ].filter((part) => part !== null);
  const shown = filters.length === 0 ? "" : `, ${formatCount(report.models.length)} with ${filters.join(" and ")}`;
  return (
    `${report.id}: ${formatCount(report.found)} ${what} (${through})${shown}; ` +
    `${formatCount(report.unknownFormat)} of them show no format (unknown)\n`
  );
}
