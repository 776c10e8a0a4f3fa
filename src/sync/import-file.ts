// Imports one recorded file into the store: recognise its format, fingerprint it, stream its records through
// the save path in resumable batches. The same content is imported once; a killed import resumes.

import { detectEdgeColumns, type EdgeColumns } from "../ingest/edges-csv-items.js";
import { detectFormat, itemsOf, type ImportFormat } from "../ingest/import-formats.js";
import { fingerprintFile } from "../ingest/source-file.js";
import type { Store } from "../store/open-store.js";
import { importItems, type ImportOptions, type ImportSummary } from "./import-items.js";

export interface ImportFileOptions extends ImportOptions {
  format?: ImportFormat;
  columns?: Partial<EdgeColumns>;
}

export interface FileImportSummary extends ImportSummary {
  file: string;
  format: ImportFormat;
  /** The columns an edge list was read by (found from its header unless named). */
  columns?: EdgeColumns;
}

export async function importFile(
  store: Store,
  path: string,
  options: ImportFileOptions = {},
): Promise<FileImportSummary> {
  const format = options.format ?? (await detectFormat(path));
  const columns = format === "edges-csv" ? await detectEdgeColumns(path, options.columns) : undefined;
  const fingerprint = await fingerprintFile(path);
  const summary = await importItems(
    store,
    { source: path, format, fingerprint },
    itemsOf(path, format, columns ?? options.columns),
    options,
  );
  return { file: path, format, ...(columns === undefined ? {} : { columns }), ...summary };
}
