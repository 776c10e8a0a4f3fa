// The licence findings as CSV (RFC 4180, as the other CSV exports write it): one row per finding, the path from the
// ancestor down to the model as ids joined with " > ".

import type { LicenceFinding } from "../graph/index-licences.js";
import { csvField } from "./csv-writer.js";

export const FINDINGS_CSV_HEADER = "id,licence,ancestor,ancestorLicence,kind,path,with,withLicence,rule";

export function licenceFindingsCsv(findings: readonly LicenceFinding[]): string {
  const lines = [FINDINGS_CSV_HEADER];
  for (const finding of findings) {
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
        finding.rule,
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
