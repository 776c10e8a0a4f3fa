// `hf-lineage import FILE...`: recorded Hub metadata into the database (Hub JSON/JSONL, edge-list CSV, model CSV,
// the family-tree dumps). A file already imported is skipped; an interrupted import resumes; bad records are reported.

import { IMPORT_FORMATS } from "../ingest/import-formats.js";
import { SourceFileError } from "../ingest/source-file.js";
import { refreshIndexedLineage } from "../graph/indexed-lineage.js";
import { importFile, type FileImportSummary } from "../sync/import-file.js";
import { UsageError, type CommandContext } from "./command.js";
import { choiceOption } from "./read-option.js";
import { formatCount, toJson } from "./render.js";
import { printable } from "../vocabulary/safe-text.js";

const PROBLEMS_SHOWN = 5;

export async function run({ values, positionals, output, openStore }: CommandContext): Promise<number | void> {
  if (positionals.length === 0) throw new UsageError("give at least one file to import");
  const format = choiceOption(values, "format", IMPORT_FORMATS);
  const columns = {
    ...(typeof values["child-column"] === "string" ? { child: values["child-column"] } : {}),
    ...(typeof values["parent-column"] === "string" ? { parent: values["parent-column"] } : {}),
    ...(typeof values["relation-column"] === "string" ? { relation: values["relation-column"] } : {}),
  };
  const store = await openStore();
  const summaries: (FileImportSummary | { file: string; error: string })[] = [];
  let failed = false;
  for (const file of positionals) {
    try {
      const summary = await importFile(store, file, {
        format,
        columns,
        force: values.force === true,
        onProgress: output.interactive
          ? (position) => output.err(`\r${file}: ${formatCount(position)} records`)
          : undefined,
      });
      if (output.interactive) output.err("\n");
      summaries.push(summary);
      // A file none of whose records could be read (say, the wrong --format) failed, though it ended.
      if (summary.status === "failed") {
        failed = true;
        output.err(
          `ingest: "${file}": none of its ${formatCount(summary.skipped)} records could be read` +
            `${summary.problems[0] ? ` (first: ${printable(summary.problems[0].message)})` : ""}\n`,
        );
      }
      if (values.json === true) continue;
      if (summary.status === "already-imported") {
        output.out(`${file}: already imported (same content); use --force to import it again\n`);
        continue;
      }
      const resumed = summary.resumedFrom > 0 ? `, resumed at record ${formatCount(summary.resumedFrom)}` : "";
      output.out(
        `${file} (${summary.format}${resumed}): ${formatCount(summary.records)} records, ` +
          `${formatCount(summary.models)} models, ${formatCount(summary.edges)} edges, ` +
          `${formatCount(summary.unresolved)} unresolved bases, ${formatCount(summary.skipped)} skipped, ` +
          `${formatCount(summary.warnings)} warnings\n`,
      );
      if (summary.columns !== undefined) {
        const { child, parent, relation } = summary.columns;
        output.out(
          `  columns: child "${child}", parent "${parent}", ` +
            `${relation === null ? "no relation column" : `relation "${relation}"`}\n`,
        );
      }
      for (const problem of summary.problems.slice(0, PROBLEMS_SHOWN))
        output.out(`  ${problem.level} at record ${problem.position + 1}: ${printable(problem.message)}\n`);
      if (summary.problems.length > PROBLEMS_SHOWN)
        output.out(
          `  ... ${formatCount(summary.skipped + summary.warnings - PROBLEMS_SHOWN)} more problems, ` +
            "stored in the run_problems table\n",
        );
    } catch (error) {
      if (!(error instanceof SourceFileError)) throw error;
      failed = true;
      summaries.push({ file, error: error.message });
      if (values.json !== true) output.err(`${printable(error.message)}\n`);
    }
  }
  refreshIndexedLineage(store);
  if (values.json === true) output.out(toJson(summaries));
  return failed ? 1 : 0;
}
