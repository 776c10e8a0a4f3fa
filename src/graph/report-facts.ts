// The per-model facts every report figure reads, as columns by node number beside the lineage index: org, record,
// downloads (the chosen figure), own parameter count, precision, expert count, formats, library and architecture,
// read once per report.

import { forEachReportRow, type ReportModelRow } from "../store/report-rows.js";
import { orgOf } from "../vocabulary/model-id.js";
import { QUANT_FORMATS, quantFormatsOf } from "./copy-formats.js";
import type { IndexedLineage } from "./indexed-lineage.js";
import { precisionOf } from "./report-precision.js";

/** Which download figure the report uses: all-time when every model with a record has it, else the 30-day one. */
export type DownloadField = "downloadsAllTime" | "downloads";

export const NO_CODE = 0xffffffff;

export interface ReportFacts {
  /** 1 for a model that is not a placeholder (a model of the report), else 0. */
  isModel: Uint8Array;
  /** 1 when the model's Hub record was read. */
  hasRecord: Uint8Array;
  /** The org's position in `orgs` (case-insensitive; placeholders too), NO_CODE for an id with no org. */
  org: Uint32Array;
  orgs: string[];
  downloadField: DownloadField;
  /** The chosen download figure, NaN when no source gave it. */
  downloads: Float64Array;
  /** The parameter count the record gives (safetensors total, else gguf total), NaN when it gives none. */
  ownParams: Float64Array;
  /** The position in `precisions` of the dtype holding most of the record's parameters, NO_CODE when unknown. */
  precision: Uint32Array;
  precisions: string[];
  /** The expert count the record's config states, NaN when it states none. */
  experts: Float64Array;
  /** Bit i set when the record shows QUANT_FORMATS[i]. */
  formats: Uint8Array;
  /** The library's position in `libraries`, NO_CODE when unknown. */
  library: Uint32Array;
  libraries: string[];
  /** The architecture's position in `architectures` (lower case), NO_CODE when unknown. */
  architecture: Uint32Array;
  architectures: string[];
}

/** Interns text values as numbers: the position of each distinct key, first spelling kept. */
class Codes {
  readonly names: string[] = [];
  private readonly byKey = new Map<string, number>();
  code(name: string | null, key = name): number {
    if (name === null || key === null) return NO_CODE;
    let code = this.byKey.get(key);
    if (code === undefined) {
      code = this.names.length;
      this.byKey.set(key, code);
      this.names.push(name);
    }
    return code;
  }
}

const listOf = (text: string | null): string[] => (text === null ? [] : (JSON.parse(text) as string[]));

/**
 * Text that every tag, library or file name quantFormatsOf reads as a format contains (a superset): a record whose
 * tags, library and files hold none of it shows no format, and its lists need not be parsed. Most records are such.
 */
const MAY_SHOW_FORMAT = /gguf|mlx|awq|gptq|exl2|bitsandbytes|onnx|transformers\.js|quantize_config|measurement/i;
const mayShowFormat = (row: Readonly<ReportModelRow>) =>
  row.gguf_total !== null ||
  MAY_SHOW_FORMAT.test(row.tags ?? "") ||
  MAY_SHOW_FORMAT.test(row.format_files ?? "") ||
  MAY_SHOW_FORMAT.test(row.library_name ?? "");

export function readReportFacts(lineage: IndexedLineage): ReportFacts {
  const { index, store } = lineage;
  const size = index.size;
  const isModel = new Uint8Array(size);
  const hasRecord = new Uint8Array(size);
  const org = new Uint32Array(size).fill(NO_CODE);
  const allTime = new Float64Array(size).fill(NaN);
  const ownParams = new Float64Array(size).fill(NaN);
  const precision = new Uint32Array(size).fill(NO_CODE);
  const experts = new Float64Array(size).fill(NaN);
  const precisions = new Codes();
  const formats = new Uint8Array(size);
  const library = new Uint32Array(size).fill(NO_CODE);
  const architecture = new Uint32Array(size).fill(NO_CODE);
  const orgs = new Codes();
  const orgBySpelling = new Map<string, number>();
  const libraries = new Codes();
  const architectures = new Codes();
  let records = 0;
  let recordsWithAllTime = 0;
  forEachReportRow(store, (row) => {
    // A model stored after the index was built waits for the next index.
    if (row.node >= size) return;
    const node = row.node;
    const orgName = orgOf(row.id);
    if (orgName !== null) {
      // Each spelling lower-cased once: most of an org's models spell it alike.
      let code = orgBySpelling.get(orgName);
      if (code === undefined) orgBySpelling.set(orgName, (code = orgs.code(orgName, orgName.toLowerCase())));
      org[node] = code;
    }
    if (row.placeholder === 1) return;
    isModel[node] = 1;
    library[node] = libraries.code(row.library_name);
    architecture[node] = architectures.code(row.architecture?.toLowerCase() ?? null);
    if (row.has_record !== 1) return;
    hasRecord[node] = 1;
    records++;
    if (row.downloads_all_time !== null) {
      recordsWithAllTime++;
      allTime[node] = row.downloads_all_time;
    }
    ownParams[node] = row.safetensors_total ?? row.gguf_total ?? NaN;
    if (row.safetensors_parameters !== null)
      precision[node] = precisions.code(precisionOf(JSON.parse(row.safetensors_parameters) as Record<string, number>));
    if (row.experts !== null) experts[node] = row.experts;
    if (!mayShowFormat(row)) return;
    const shown = quantFormatsOf({
      tags: listOf(row.tags),
      libraryName: row.library_name,
      files: listOf(row.format_files),
      hasGguf: row.gguf_total !== null,
    });
    for (const { format } of shown) formats[node] = (formats[node] as number) | (1 << QUANT_FORMATS.indexOf(format));
  });
  const useAllTime = records > 0 && recordsWithAllTime === records;
  return {
    isModel,
    hasRecord,
    org,
    orgs: orgs.names,
    downloadField: useAllTime ? "downloadsAllTime" : "downloads",
    downloads: useAllTime ? allTime : index.downloads,
    ownParams,
    precision,
    precisions: precisions.names,
    experts,
    formats,
    library,
    libraries: libraries.names,
    architecture,
    architectures: architectures.names,
  };
}
