// Imports one recorded file into the store: recognise its format, fingerprint it, stream its records through
// the save path in resumable batches. The same content is imported once; a killed import resumes.

import type { EdgeColumns } from "../ingest/edges-csv-items.js";
import { detectFormat, itemsOf, type ImportFormat } from "../ingest/import-formats.js";
import { fingerprintFile } from "../ingest/source-file.js";
import { runImport, type ImportOptions, type ImportSummary } from "./import-run.js";
import type { Store } from "./open-store.js";

export interface ImportFileOptions extends ImportOptions {
  format?: ImportFormat;
  columns?: Partial<EdgeColumns>;
}

export interface FileImportSummary extends ImportSummary {
  file: string;
  format: ImportFormat;
}

export async function importFile(db: Store, path: string, options: ImportFileOptions = {}): Promise<FileImportSummary> {
  const format = options.format ?? (await detectFormat(path));
  const fingerprint = await fingerprintFile(path);
  const summary = await runImport(db, { kind: "import", source: path, format, fingerprint }, itemsOf(path, format, options.columns), options);
  return { file: path, format, ...summary };
}
