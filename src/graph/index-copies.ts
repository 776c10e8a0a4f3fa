// Runnable copies and adapters of a model, read from the lineage index: every model of one relation (quantized,
// adapter) below the model, directly or through the relations asked for, with what its record shows (format,
// bits, publisher, downloads, likes, created, gguf context length) and the shortest path from the model; sorted by
// downloads.

import { copyFacts, idsOfNodeList, type CopyFactsRow } from "../store/detail-queries.js";
import { orgOf } from "../vocabulary/model-id.js";
import { RELATIONS, type Relation } from "../vocabulary/relation.js";
import { adapterFormatsOf, quantFormatsOf, type DetectedFormat, type FormatFacts } from "./copy-formats.js";
import type { IndexedLineage } from "./indexed-lineage.js";

export type CopyRelation = "quantized" | "adapter";

export interface CopyOptions {
  /** Relations walked through on the way (the copies' own relation is always followed); default none. */
  through?: readonly Relation[];
  /** Keep only copies whose record shows this format. */
  format?: string;
  /** Keep only copies whose record shows this bit width. */
  bits?: number;
}

export interface CopyModel {
  id: string;
  /** The formats the record shows joined with `+` (`gguf`, `gguf+onnx`), or `unknown`. */
  format: string;
  /** Bit widths the record shows, ascending, or `unknown`. */
  bits: number[] | "unknown";
  formats: DetectedFormat<string>[];
  /** The org (or user) that published it. */
  publisher: string | null;
  downloads: number | null;
  likes: number | null;
  created: string | null;
  /** The context length the record's .gguf files declare (`gguf.context_length`); null when it gives none. */
  contextLength: number | null;
  /** From the model asked about down to this one. */
  path: string[];
}

export interface CopiesReport {
  id: string;
  relation: CopyRelation;
  through: Relation[];
  filters: { format: string | null; bits: number | null };
  /** Models of the relation found before the filters; `unknownFormat` of them show no format. */
  found: number;
  unknownFormat: number;
  models: CopyModel[];
}

function factsOf(row: CopyFactsRow): FormatFacts {
  const list = (text: string | null) => (text === null ? [] : (JSON.parse(text) as string[]));
  return {
    tags: list(row.tags),
    libraryName: row.library_name,
    files: list(row.format_files),
    hasGguf: row.gguf_total !== null,
  };
}

/**
 * Every model whose own relation is `relation` below `node`, walking edges of that relation and of `through`,
 * each once with the shortest path (breadth first over the typed arrays; cycles are harmless).
 */
export function indexCopies(
  lineage: IndexedLineage,
  node: number,
  relation: CopyRelation,
  options: CopyOptions = {},
): CopiesReport {
  const { index, store } = lineage;
  const through = [...new Set(options.through ?? [])];
  const followed = new Uint8Array(RELATIONS.length);
  followed[RELATIONS.indexOf(relation)] = 1;
  for (const name of through) followed[RELATIONS.indexOf(name)] = 1;
  const target = RELATIONS.indexOf(relation);
  const previous = new Int32Array(index.size).fill(-1);
  previous[node] = node;
  const queue = new Uint32Array(index.size);
  let head = 0;
  let tail = 0;
  queue[tail++] = node;
  const found: number[] = [];
  while (head < tail) {
    const current = queue[head++] as number;
    for (let e = index.childStart[current] as number; e < (index.childStart[current + 1] as number); e++) {
      const child = index.children[e] as number;
      if (previous[child] !== -1 || followed[index.childRelation[e] as number] !== 1) continue;
      previous[child] = current;
      queue[tail++] = child;
      if (index.relation[child] === target) found.push(child);
    }
  }
  const pathOf = (to: number): number[] => {
    const path = [to];
    while (path[0] !== node) path.unshift(previous[path[0] as number] as number);
    return path;
  };
  const paths = new Map(found.map((copy) => [copy, pathOf(copy)]));
  const ids = idsOfNodeList(store, new Set([...paths.values()].flat()));
  const detect = relation === "quantized" ? quantFormatsOf : adapterFormatsOf;
  let unknownFormat = 0;
  const models: CopyModel[] = [];
  for (const row of copyFacts(store, found)) {
    const formats: DetectedFormat<string>[] = row.has_record === 1 ? detect(factsOf(row)) : [];
    if (formats.length === 0) unknownFormat++;
    const bits = [...new Set(formats.flatMap((format) => format.bits))].sort((a, b) => a - b);
    if (options.format !== undefined && !formats.some((format) => format.format === options.format)) continue;
    if (options.bits !== undefined && !bits.includes(options.bits)) continue;
    models.push({
      id: row.id,
      format: formats.length === 0 ? "unknown" : formats.map((format) => format.format).join("+"),
      bits: bits.length === 0 ? "unknown" : bits,
      formats,
      publisher: row.author ?? orgOf(row.id),
      downloads: row.downloads,
      likes: row.likes,
      created: row.created_at,
      contextLength: row.gguf_context_length,
      path: (paths.get(row.node) as number[]).map((step) => ids.get(step) as string),
    });
  }
  models.sort((a, b) => (b.downloads ?? -1) - (a.downloads ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    id: ids.get(node) ?? (idsOfNodeList(store, [node]).get(node) as string),
    relation,
    through,
    filters: { format: options.format ?? null, bits: options.bits ?? null },
    found: found.length,
    unknownFormat,
    models,
  };
}
