// The licence findings as CSV (RFC 4180, as the other CSV exports write it): one row per finding, the path from the
// ancestor down to the model as ids joined with " > ".

import type { LicencesReport } from "../graph/index-licences.js";
import { csvField } from "./csv-writer.js";

export const FINDINGS_CSV_HEADER = "id,licence,ancestor,ancestorLicence,kind,path,with,withLicence,rule";

/** The findings of a licences report; `rule` is the clause the ancestor's licence (and the other parent's) rests on. */
export function licenceFindingsCsv(report: Pick<LicencesReport, "findings" | "rules">): string {
  const lines = [FINDINGS_CSV_HEADER];
  const ruleOf = (licence: string | null | undefined) => (licence == null ? null : (report.rules[licence] ?? null));
  for (const finding of report.findings) {
    const rules = [ruleOf(finding.ancestorLicence), ruleOf(finding.with?.licence)].filter((rule) => rule !== null);
    lines.push(
      [
        finding.id,
        finding.licence,
        finding.ancestor,
        finding.ancestorLicence,
        finding.kind,
        finding.path.join(" > "),
        finding.with?.id ?? null,
        finding.with?.licence ?? null,
        finding.kind === "none-declared" || rules.length === 0 ? null : rules.join("; "),
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
