// `hf-lineage licenses ID_OR_ORG`: each model's declared licence, its ancestors' licences, and the findings where a
// model drops what a restrictive ancestor asks, declares none, or merges parents that cannot both be kept.

import { licenceFindingsCsv } from "../export/findings-csv.js";
import { indexLicences } from "../graph/index-licences.js";
import { openIndexedLineage } from "../graph/indexed-lineage.js";
import { FINDING_KINDS } from "../graph/licence-rules.js";
import { resolveQuery } from "../graph/resolve-query.js";
import { UsageError, type CommandContext } from "./command.js";
import { wholeNumberOption } from "./read-option.js";
import { formatCount, table, toJson } from "./render.js";

export async function run({ values, positionals, output, openStore }: CommandContext): Promise<number | void> {
  if (positionals.length !== 1) throw new UsageError("give one model id or org");
  if (values.json === true && values.csv === true) throw new UsageError("give --json or --csv, not both");
  const limit = wholeNumberOption(values, "limit", 50, { min: 1, max: 1_000_000 });
  const lineage = openIndexedLineage(await openStore());
  const report = indexLicences(lineage, resolveQuery(lineage.store, positionals[0] as string));
  if (values.json === true) return output.out(toJson(report));
  // CSV is a file format: written exactly (its quoting keeps the data safe), as an export to `-o -` is.
  if (values.csv === true) return output.raw(licenceFindingsCsv(report));
  const byClass = new Map<string, number>();
  for (const model of report.models) byClass.set(model.class, (byClass.get(model.class) ?? 0) + 1);
  const classes = ["permissive", "restrictive", "none", "unknown"]
    .map((name) => `${name} ${formatCount(byClass.get(name) ?? 0)}`)
    .join(", ");
  const kinds = FINDING_KINDS.map((kind) => [kind, report.findings.filter((f) => f.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${formatCount(count)}`)
    .join(", ");
  output.out(
    `${report.kind} ${report.query}: ${formatCount(report.models.length)} models (${classes})\n` +
      `findings ${formatCount(report.findings.length)}${kinds === "" ? "" : ` (${kinds})`}\n`,
  );
  const unknown = Object.entries(report.unknown.byLicence)
    .map(([licence, count]) => `${licence} ${formatCount(count)}`)
    .join(", ");
  if (report.unknown.models > 0) output.out(`unknown licences: ${unknown}\n`);
  if (report.findings.length === 0) return;
  const rows: (string | number)[][] = [["id", "licence", "kind", "ancestor", "ancestor licence", "path"]];
  for (const finding of report.findings.slice(0, limit)) {
    rows.push([
      finding.id,
      finding.licence,
      finding.kind,
      finding.ancestor ?? "—",
      finding.ancestorLicence ?? "—",
      finding.path.length > 1 ? `${finding.path.length - 1} step${finding.path.length === 2 ? "" : "s"}` : "",
    ]);
  }
  output.out(`\n${table(rows)}`);
  if (report.findings.length > limit)
    output.out(`... ${formatCount(report.findings.length - limit)} more (raise --limit, or --csv)\n`);
}
