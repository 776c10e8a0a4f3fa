// `hf-lineage family ID_OR_ORG`: how big a model's or an org's family is, and of what.

import { indexFamilyReport } from "../graph/index-family.js";
import { openIndexedLineage } from "../graph/indexed-lineage.js";
import { resolveQueryAll } from "../graph/resolve-query.js";
import type { FamilyReport } from "../graph/family.js";
import { RELATIONS, type RelationCounts } from "../vocabulary/relation.js";
import { UsageError, type CommandContext } from "./command.js";
import { formatCount, table, toJson } from "./render.js";

function byRelationLine(counts: RelationCounts): string {
  return (
    RELATIONS.filter((relation) => counts[relation] > 0)
      .map((relation) => `${relation} ${formatCount(counts[relation])}`)
      .join(", ") || "none"
  );
}

export async function run({ values, positionals, output, openStore }: CommandContext): Promise<number | void> {
  if (positionals.length !== 1) throw new UsageError("give one model id or org");
  const lineage = openIndexedLineage(await openStore());
  // An org and an org-less model of the same name: both, the org first (JSON: the model under `alsoModel`).
  const [first, second] = resolveQueryAll(lineage.store, positionals[0] as string).map((resolved) =>
    indexFamilyReport(lineage, resolved),
  );
  if (values.json === true) return output.out(toJson(second === undefined ? first : { ...first, alsoModel: second }));
  output.out(reportText(first as FamilyReport));
  if (second !== undefined) output.out(`\n${reportText(second)}`);
}

function reportText(report: FamilyReport): string {
  const rows: (string | number)[][] = [];
  if (report.kind === "org") rows.push(["own models", formatCount(report.models)]);
  if (report.children)
    rows.push([
      "direct children",
      `${formatCount(report.children.total)} (${byRelationLine(report.children.byRelation)})`,
    ]);
  rows.push([
    "descendants",
    `${formatCount(report.descendants.total)} (${byRelationLine(report.descendants.byRelation)})`,
  ]);
  rows.push([
    "by depth",
    Object.entries(report.descendants.byDepth)
      .map(([depth, count]) => `${depth}: ${formatCount(count)}`)
      .join(", ") || "none",
  ]);
  if (report.ancestors)
    rows.push([
      "ancestors",
      report.placeholder === true
        ? "unknown: no record (placeholder)"
        : report.ancestors.length === 0
          ? "none (a root)"
          : report.ancestors.map((a) => `${a.id} (${a.depth})`).join(", "),
    ]);
  return `${report.kind === "org" ? "org" : "model"} ${report.query}\n${table(rows)}`;
}
