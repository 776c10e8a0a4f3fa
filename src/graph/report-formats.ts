// Formats and libraries over time: models created per month by the weight format their record shows (GGUF, MLX,
// AWQ, GPTQ, EXL2, bitsandbytes, ONNX, as `quants` tells them) and by `library_name`.

import { QUANT_FORMATS, type QuantFormat } from "./copy-formats.js";
import type { LineageIndex } from "./lineage-index.js";
import { NO_CODE, type ReportFacts } from "./report-facts.js";
import { KeyCounts, monthOf } from "./report-time.js";

/** The libraries listed one by one; the rest are summed under OTHER_LIBRARIES. */
export const LIBRARIES_LISTED = 12;
export const OTHER_LIBRARIES = "(other)";

export interface FormatFigures {
  /** Models with a record and a known creation date: the models the series below count. */
  coverage: { withRecord: number; withRecordAndDate: number; withLibraryAndDate: number };
  formats: Record<QuantFormat, Record<string, number>>;
  libraries: Record<string, Record<string, number>>;
}

export const FORMAT_DEFINITIONS = {
  formats:
    "formats: models with a Hub record, by UTC month of createdAt, under each format the record shows (tags, " +
    "library_name, gguf facts, file names); a model can show several",
  libraries:
    `libraries: models by UTC month of createdAt and library_name, the ${LIBRARIES_LISTED} most common listed, ` +
    `the rest as ${OTHER_LIBRARIES}`,
} as const;

export function formatFigures(index: LineageIndex, facts: ReportFacts, since: number | null): FormatFigures {
  const perFormat = QUANT_FORMATS.map(() => new KeyCounts());
  const libraryTotals = new Map<number, number>();
  let withRecord = 0;
  let withRecordAndDate = 0;
  let withLibraryAndDate = 0;
  const dated = (node: number) => {
    const created = index.created[node] as number;
    return !Number.isNaN(created) && (since === null || created >= since);
  };
  for (let node = 0; node < index.size; node++) {
    if (facts.isModel[node] !== 1) continue;
    const library = facts.library[node] as number;
    if (library !== NO_CODE && dated(node)) {
      withLibraryAndDate++;
      libraryTotals.set(library, (libraryTotals.get(library) ?? 0) + 1);
    }
    if (facts.hasRecord[node] !== 1) continue;
    withRecord++;
    if (!dated(node)) continue;
    withRecordAndDate++;
    const shown = facts.formats[node] as number;
    if (shown === 0) continue;
    const month = monthOf(index.created[node] as number);
    for (let i = 0; i < QUANT_FORMATS.length; i++) if ((shown & (1 << i)) !== 0) (perFormat[i] as KeyCounts).add(month);
  }
  const name = (code: number) => facts.libraries[code] as string;
  const listed = new Set(
    [...libraryTotals.entries()]
      .sort(([a, x], [b, y]) => y - x || (name(a) < name(b) ? -1 : 1))
      .slice(0, LIBRARIES_LISTED)
      .map(([code]) => code),
  );
  const perLibrary = new Map<string, KeyCounts>();
  for (let node = 0; node < index.size; node++) {
    const library = facts.library[node] as number;
    if (facts.isModel[node] !== 1 || library === NO_CODE || !dated(node)) continue;
    const key = listed.has(library) ? name(library) : OTHER_LIBRARIES;
    let counts = perLibrary.get(key);
    if (counts === undefined) perLibrary.set(key, (counts = new KeyCounts()));
    counts.add(monthOf(index.created[node] as number));
  }
  return {
    coverage: { withRecord, withRecordAndDate, withLibraryAndDate },
    formats: Object.fromEntries(
      QUANT_FORMATS.map((format, i) => [format, (perFormat[i] as KeyCounts).toObject()]),
    ) as Record<QuantFormat, Record<string, number>>,
    libraries: Object.fromEntries([...perLibrary.entries()].map(([key, counts]) => [key, counts.toObject()])),
  };
}
