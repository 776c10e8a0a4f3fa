// A Hub record's details beyond lineage (tags, the card's licence fields, gguf, safetensors and its counts by dtype,
// config and its expert counts, the files that tell a format, all-time downloads) as one row; a field of the wrong
// type is left empty with a warning.

import type { HubCardData, HubModelRecord } from "../hub/api-types.js";
import { expertCountsOf } from "./config-experts.js";
import { dtypeCountsOf } from "./dtype-counts.js";
import { countField, countOf, objectOf } from "./record-counts.js";
import type { ModelDetailsRow } from "./record-rows.js";

/** At most this many format-telling file names are kept per repository. */
export const FORMAT_FILES_KEPT = 500;

/** Files whose names tell a weight format, a quantisation or an adapter. */
const WEIGHT_FILE = /\.(gguf|ggml|safetensors|bin|onnx|onnx_data|pt|pth|ckpt|h5|msgpack|tflite|mlmodel|npz|pte)$/i;
const CONFIG_FILE = /(^|\/)(quantize_config|quant_config|quantization_config|adapter_config|measurement)\.json$/i;
const tellsFormat = (name: string) => WEIGHT_FILE.test(name) || CONFIG_FILE.test(name);

function textOf(value: unknown): string | null {
  return typeof value === "string" && value.trim().length > 0 ? value.trim() : null;
}

function cardLicenseOf(card: HubCardData | undefined): string | null {
  const value = card?.license;
  if (Array.isArray(value)) {
    const names = value.filter((item): item is string => typeof item === "string" && item.trim().length > 0);
    return names.length > 0 ? names.map((name) => name.trim()).join(",") : null;
  }
  return textOf(value);
}

/** The file names of `siblings` (`[{rfilename}]`); null when the record has no list. */
function fileNamesOf(siblings: unknown, warnings: string[]): string[] | null {
  if (siblings === undefined || siblings === null) return null;
  if (!Array.isArray(siblings)) {
    warnings.push(`field "siblings" should be a list; its files were not read`);
    return null;
  }
  const names: string[] = [];
  for (const sibling of siblings) {
    const name = textOf(objectOf(sibling)?.rfilename);
    if (name !== null) names.push(name);
  }
  return names;
}

/** The details of one Hub record; `tags` and `card` as the record's lineage reading already checked them. */
export function detailsOfHubRecord(
  record: HubModelRecord,
  tags: readonly string[],
  card: HubCardData | undefined,
  warnings: string[],
): ModelDetailsRow {
  const gguf = objectOf(record.gguf);
  const safetensors = objectOf(record.safetensors);
  const config = objectOf(record.config);
  const files = fileNamesOf(record.siblings, warnings);
  const architectures = Array.isArray(config?.architectures)
    ? config.architectures.filter((name): name is string => typeof name === "string")
    : null;
  const downloadsAllTime = countOf(record.downloadsAllTime);
  if (record.downloadsAllTime !== undefined && record.downloadsAllTime !== null && downloadsAllTime === null)
    warnings.push(
      `field "downloadsAllTime" should be a count, got ${String(record.downloadsAllTime)}; stored as empty`,
    );
  return {
    tags: [...tags],
    hasCard: card !== undefined,
    cardLicense: cardLicenseOf(card),
    licenseName: textOf(card?.license_name),
    licenseLink: textOf(card?.license_link),
    ggufTotal: countOf(gguf?.total),
    ggufArchitecture: textOf(gguf?.architecture),
    ggufContextLength: countField(gguf?.context_length, "gguf.context_length", warnings),
    safetensorsTotal: countOf(safetensors?.total),
    safetensorsParameters: dtypeCountsOf(safetensors?.parameters, warnings),
    modelType: textOf(config?.model_type),
    architectures,
    ...expertCountsOf(config, warnings),
    fileCount: files === null ? null : files.length,
    formatFiles: files === null ? null : files.filter(tellsFormat).slice(0, FORMAT_FILES_KEPT),
    downloadsAllTime,
  };
}
