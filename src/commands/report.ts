// `hf-lineage report`: the family sizes, downloads concentration, size classes, org roles and flows, formats and
// attribution figures, with their definitions, as text, Markdown, JSON or a standalone HTML page.

import { reportDocument } from "../export/report-document.js";
import { REPORT_FORMATS, reportHtml, reportMarkdown, reportText, type ReportFormat } from "../export/report-render.js";
import { checkOutputPaths, writeAtomically } from "../export/atomic-output.js";
import { openIndexedLineage } from "../graph/indexed-lineage.js";
import { buildReport, type Report } from "../graph/report.js";
import { dayStart } from "../graph/report-time.js";
import { readAttributionTable } from "../ingest/attribution-table.js";
import { SourceFileError } from "../ingest/source-file.js";
import { CommandError, UsageError, type CommandContext } from "./command.js";
import { choiceOption, wholeNumberOption } from "./read-option.js";
import { toJson } from "./render.js";

/** --since as the UTC start of that day, in milliseconds. */
function sinceOption(raw: string | boolean | undefined): number | null {
  if (raw === undefined) return null;
  const ms = dayStart(String(raw));
  if (ms === null)
    throw new UsageError(`--since wants a date as YYYY-MM-DD; got ${JSON.stringify(String(raw).slice(0, 40))}`);
  return ms;
}

function rendered(report: Report, format: ReportFormat): string {
  if (format === "json") return toJson(report);
  const sections = reportDocument(report);
  if (format === "markdown") return reportMarkdown(sections);
  if (format === "html") return reportHtml(sections);
  return reportText(sections);
}

export async function run({ values, positionals, output, openStore }: CommandContext): Promise<number | void> {
  if (positionals.length > 0)
    throw new UsageError(`report takes no ids; name families with --family ${positionals[0]}`);
  const chosen = choiceOption(values, "format", REPORT_FORMATS);
  if (values.json === true && chosen !== undefined && chosen !== "json")
    throw new UsageError(`give --json or --format ${chosen}, not both`);
  const format: ReportFormat = values.json === true ? "json" : (chosen ?? "text");
  const largest = wholeNumberOption(values, "largest", 5, { min: 0, max: 100 });
  const limit = wholeNumberOption(values, "limit", 20, { min: 1, max: 100_000 });
  const since = sinceOption(values.since);
  const families = typeof values.family === "string" ? values.family.split(",").map((item) => item.trim()) : [];
  if (families.some((family) => family === ""))
    throw new UsageError("--family wants a model id or an org; got an empty one");
  let attribution = null;
  if (typeof values.attribution === "string") {
    try {
      attribution = await readAttributionTable(values.attribution);
    } catch (error) {
      if (error instanceof SourceFileError) throw new CommandError(error.message);
      throw error;
    }
    for (const problem of attribution.problems) output.err(`warning: ${problem}\n`);
  }
  const file = values.output;
  // Before the report is computed: a path that cannot be written is refused at once.
  if (typeof file === "string" && file !== "-") checkOutputPaths([file]);
  const lineage = openIndexedLineage(await openStore());
  const report = buildReport(lineage, { families, largest, limit, since, attribution });
  const text = rendered(report, format);
  if (typeof file !== "string" || file === "-") {
    // Text and Markdown pass through the terminal-safe channel; JSON and HTML are file formats, escaped as such.
    if (format === "text" || format === "markdown") output.out(text);
    else output.raw(text);
    return;
  }
  await writeAtomically([file], async ([stream]) => {
    stream?.write(text);
  });
  output.err(`report written to ${file}\n`);
}
