// The formats and bit widths a repository's record shows (tags, library_name, gguf facts, file names): what makes a
// quantization runnable where, and what kind an adapter is. Nothing is read from the repository's name: a format or
// bit width no record field shows is left out, and the answer says "unknown".

export const QUANT_FORMATS = ["gguf", "mlx", "awq", "gptq", "exl2", "bnb", "onnx"] as const;
export type QuantFormat = (typeof QUANT_FORMATS)[number];

export const ADAPTER_FORMATS = ["lora", "peft", "gguf"] as const;
export type AdapterFormat = (typeof ADAPTER_FORMATS)[number];

export interface FormatFacts {
  tags: readonly string[];
  libraryName: string | null;
  /** The file names that tell a format (model_details.format_files). */
  files: readonly string[];
  /** The record's gguf facts were present. */
  hasGguf: boolean;
}

export interface DetectedFormat<F extends string> {
  format: F;
  /** Bit widths the record shows, ascending; empty when it shows none. */
  bits: number[];
}

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/**
 * The bit width a GGUF file's name states in llama.cpp's type names (`Q4_K_M`, `IQ2_XXS`, `Q8_0`, `F16`, `BF16`,
 * `F32`), as a name part between `-`, `.` or the ends; null for a name stating none (`model.gguf`) or a vision
 * projector (`mmproj-...`), which holds no model weights.
 */
export function ggufFileBits(path: string): number | null {
  const name = baseName(path);
  if (!/\.gguf$/i.test(name) || /^mmproj/i.test(name)) return null;
  for (const part of name.slice(0, -".gguf".length).split(/[-.]/)) {
    const quant = /^I?Q([1-8])(_[0-9A-Z]+)*$/i.exec(part);
    if (quant !== null) return Number(quant[1]);
    const float = /^(?:B?F|FP)(16|32)$/i.exec(part);
    if (float !== null) return Number(float[1]);
  }
  return null;
}

/** The bit width an ONNX file's name states in the suffixes transformers.js and Optimum write, or null. */
export function onnxFileBits(path: string): number | null {
  const name = baseName(path);
  if (!/\.onnx$/i.test(name)) return null;
  const suffix = /_(q4f16|q4|bnb4|int8|uint8|fp16)\.onnx$/i.exec(name)?.[1]?.toLowerCase();
  if (suffix === undefined) return null;
  return suffix === "int8" || suffix === "uint8" ? 8 : suffix === "fp16" ? 16 : 4;
}

/** Bit widths from the Hub's `4-bit` / `8-bit` tags. */
function tagBits(tags: readonly string[]): number[] {
  const bits: number[] = [];
  for (const tag of tags) {
    const match = /^([1-8]|16|32)-bit$/.exec(tag);
    if (match !== null) bits.push(Number(match[1]));
  }
  return bits;
}

function sortedUnique(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

function lowerTags(facts: FormatFacts): Set<string> {
  return new Set(facts.tags.map((tag) => tag.toLowerCase()));
}

const hasFile = (facts: FormatFacts, pattern: RegExp) => facts.files.some((file) => pattern.test(file));

/** The quantization formats a record shows, in QUANT_FORMATS order, each with the bit widths it shows. */
export function quantFormatsOf(facts: FormatFacts): DetectedFormat<QuantFormat>[] {
  const tags = lowerTags(facts);
  const library = facts.libraryName?.toLowerCase() ?? null;
  const fromTags = tagBits(facts.tags);
  const found: DetectedFormat<QuantFormat>[] = [];
  const ggufFiles = facts.files.filter((file) => /\.gguf$/i.test(file));
  if (tags.has("gguf") || library === "gguf" || facts.hasGguf || ggufFiles.length > 0) {
    const bits = ggufFiles.map(ggufFileBits).filter((bits): bits is number => bits !== null);
    found.push({ format: "gguf", bits: sortedUnique(bits) });
  }
  if (tags.has("mlx") || library === "mlx") found.push({ format: "mlx", bits: sortedUnique(fromTags) });
  if (tags.has("awq") || tags.has("autoawq")) found.push({ format: "awq", bits: sortedUnique(fromTags) });
  if (tags.has("gptq") || tags.has("auto-gptq") || hasFile(facts, /(^|\/)quantize_config\.json$/i))
    found.push({ format: "gptq", bits: sortedUnique(fromTags) });
  if (tags.has("exl2") || hasFile(facts, /(^|\/)measurement\.json$/i))
    found.push({ format: "exl2", bits: sortedUnique(fromTags) });
  if (tags.has("bitsandbytes")) found.push({ format: "bnb", bits: sortedUnique(fromTags) });
  const onnxFiles = facts.files.filter((file) => /\.onnx$/i.test(file));
  if (tags.has("onnx") || library === "onnx" || library === "transformers.js" || onnxFiles.length > 0) {
    const bits = onnxFiles.map(onnxFileBits).filter((bits): bits is number => bits !== null);
    found.push({ format: "onnx", bits: sortedUnique(bits) });
  }
  return found;
}

/** The adapter kinds a record shows: `lora` (the tag), `peft` (the library or its adapter_config.json), `gguf`. */
export function adapterFormatsOf(facts: FormatFacts): DetectedFormat<AdapterFormat>[] {
  const tags = lowerTags(facts);
  const fromTags = sortedUnique(tagBits(facts.tags));
  const found: DetectedFormat<AdapterFormat>[] = [];
  if (tags.has("lora")) found.push({ format: "lora", bits: fromTags });
  if (tags.has("peft") || facts.libraryName?.toLowerCase() === "peft" || hasFile(facts, /(^|\/)adapter_config\.json$/i))
    found.push({ format: "peft", bits: fromTags });
  const ggufFiles = facts.files.filter((file) => /\.gguf$/i.test(file));
  if (tags.has("gguf") || ggufFiles.length > 0) {
    const bits = ggufFiles.map(ggufFileBits).filter((bits): bits is number => bits !== null);
    found.push({ format: "gguf", bits: sortedUnique(bits) });
  }
  return found;
}
